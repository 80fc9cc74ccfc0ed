// A touchpoint's HTTP access to its store server with its own credential, and
// a live Server-Sent Events feed read through fetch (so the bearer header goes
// with it) that reconnects by itself after a network cut.
import { deviceBearer, SseParser, type SseMessage } from '../../core';
import { dexieCredentialStore, type DeviceHandle } from '../../client';
import { deviceEnvironment, type DeviceEnvironment } from '../device-environment';

export type DeviceHttp = {
  baseUrl: string;
  fetchJson: (path: string, init?: { method?: string; body?: unknown }) => Promise<DeviceAnswer>;
  stream: (path: string, onMessage: (message: SseMessage) => void) => () => void;
};

export type DeviceAnswer = { ok: boolean; status: number; body: unknown };

const RETRY_MS = 1_000;

/** `environment` defaults to the page's (its origin, or the Electron shell's bridge). */
export async function deviceHttp(
  device: DeviceHandle,
  given?: DeviceEnvironment,
): Promise<DeviceHttp> {
  const environment = given ?? (await deviceEnvironment());
  const store = environment.credentialStore ?? dexieCredentialStore(device.db);
  const credential = await store.load();
  if (!credential) throw new Error('this device has no credential yet');
  const authorization = deviceBearer(credential);
  const base = `${environment.baseUrl}/api/v1`;

  const fetchJson: DeviceHttp['fetchJson'] = async (path, init = {}) => {
    const response = await fetch(`${base}${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: {
        authorization,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const body: unknown = await response.json().catch(() => null);
    return { ok: response.ok, status: response.status, body };
  };

  const stream: DeviceHttp['stream'] = (path, onMessage) => {
    const controller = new AbortController();
    const run = async () => {
      while (!controller.signal.aborted) {
        try {
          const response = await fetch(`${base}${path}`, {
            headers: { authorization, accept: 'text/event-stream' },
            signal: controller.signal,
          });
          if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
          const parser = new SseParser();
          const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
          for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            for (const message of parser.push(value)) onMessage(message);
          }
        } catch {
          // Server restarting or network cut: try again shortly; the snapshot catches up.
        }
        if (!controller.signal.aborted)
          await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    };
    void run();
    return () => controller.abort();
  };
  return { baseUrl: environment.baseUrl, fetchJson, stream };
}
