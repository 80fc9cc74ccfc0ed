// HTTP requests from a chosen loopback address (127.0.0.2, 127.1.2.3 …): on
// Linux the whole 127.0.0.0/8 is local, so one test machine can play several
// clients that the store server tells apart by their socket address.
import { Agent, request } from 'node:http';
import { apiRoutes, routeUrl } from '@vitrine/shared/core';

export type Reply = { status: number; body: unknown; headers: Record<string, unknown> };

const agents = new Map<string, Agent>();

/** One keep-alive agent per source address, so floods reuse their connections. */
function agentFor(localAddress: string): Agent {
  let agent = agents.get(localAddress);
  if (!agent) {
    agent = new Agent({ keepAlive: true, maxSockets: 32, localAddress });
    agents.set(localAddress, agent);
  }
  return agent;
}

export function requestFrom(
  localAddress: string,
  url: string,
  options: { method?: string; body?: unknown; token?: string } = {},
): Promise<Reply> {
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: options.method ?? (payload === undefined ? 'GET' : 'POST'),
        agent: agentFor(localAddress),
        headers: {
          ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = text ? JSON.parse(text) : null;
          } catch {
            // not JSON: keep the text
          }
          resolve({ status: res.statusCode ?? 0, body, headers: res.headers });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** Signs in (auth.login) from `localAddress`; resolves with the status and the time it took. */
export async function signInFrom(
  localAddress: string,
  baseUrl: string,
  userId: string,
  password: string,
): Promise<{ status: number; ms: number; body: unknown }> {
  const started = performance.now();
  const reply = await requestFrom(localAddress, routeUrl(baseUrl, apiRoutes.auth.login, {}), {
    body: { userId, password },
  });
  return { status: reply.status, ms: performance.now() - started, body: reply.body };
}

/** Closes the kept-alive connections (end of a test or attack). */
export function closeAddressAgents(): void {
  for (const agent of agents.values()) agent.destroy();
  agents.clear();
}
