// Sends one fault report. The endpoint may not exist yet, the server may be
// down: the answer says whether to try again later or give the report up.
import type { FaultReport } from './fault-report';

export type SendOutcome = 'sent' | 'retry' | 'drop';
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export type FaultTarget = { url: string; authorization: string };

export async function postFault(
  fetchFn: FetchLike,
  target: FaultTarget,
  report: FaultReport,
  timeoutMs = 10_000,
): Promise<SendOutcome> {
  let response: Response;
  try {
    response = await fetchFn(target.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: target.authorization },
      body: JSON.stringify(report),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch {
    return 'retry';
  }
  await response.body?.cancel();
  return outcomeOf(response.status);
}

/** 2xx and 409 (already stored) are done; a 4xx other than these will never be accepted. */
export function outcomeOf(status: number): SendOutcome {
  if ((status >= 200 && status < 300) || status === 409) return 'sent';
  // 404 keeps the report: the faults endpoint may simply not be deployed yet.
  if (status === 404 || status === 408 || status === 425 || status === 429 || status >= 500)
    return 'retry';
  if (status === 401 || status === 403) return 'retry';
  return 'drop';
}
