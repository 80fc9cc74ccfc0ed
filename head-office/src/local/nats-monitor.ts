// The few answers of a node's HTTP monitor that the launcher reads, parsed from unknown.
import { z } from 'zod';

const Healthz = z.object({ status: z.string() });
const Jsz = z.object({
  meta_cluster: z
    .object({ leader: z.string().optional(), cluster_size: z.number().optional() })
    .optional(),
});
const Varz = z.object({ config_load_time: z.string() });

const PROBE_TIMEOUT_MS = 1_000;

async function getJson(url: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
  return { status: response.status, body: await response.json().catch(() => null) };
}

/** True when `/healthz` answers 200 `{"status":"ok"}` (JetStream included); false on any failure. */
export async function isHealthy(monitorUrl: string): Promise<boolean> {
  try {
    const { status, body } = await getJson(`${monitorUrl}/healthz`);
    const parsed = Healthz.safeParse(body);
    return status === 200 && parsed.success && parsed.data.status === 'ok';
  } catch {
    return false;
  }
}

/** The JetStream meta leader's server name as this node sees it, if there is one. */
export async function metaLeaderSeenBy(monitorUrl: string): Promise<string | undefined> {
  try {
    const { body } = await getJson(`${monitorUrl}/jsz`);
    const parsed = Jsz.safeParse(body);
    const leader = parsed.success ? parsed.data.meta_cluster?.leader : undefined;
    return leader || undefined;
  } catch {
    return undefined;
  }
}

/** When the node last (re)loaded its configuration; changes when a SIGHUP reload succeeds. */
export async function configLoadTime(monitorUrl: string): Promise<string | undefined> {
  try {
    const parsed = Varz.safeParse((await getJson(`${monitorUrl}/varz`)).body);
    return parsed.success ? parsed.data.config_load_time : undefined;
  } catch {
    return undefined;
  }
}
