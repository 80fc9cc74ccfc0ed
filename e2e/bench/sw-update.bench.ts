// Service-worker updates of the kiosk and signage: navigations and time from a
// new build being served to the page running it, and any half-updated state.
import { loadavg } from 'node:os';
import { measureServiceWorkerUpdate, type ServiceWorkerApp } from './sw-update';
import { round, type BenchResult } from './stats';

export async function benchServiceWorkerUpdate(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const app of ['kiosk', 'signage'] satisfies ServiceWorkerApp[]) {
    const outcome = await measureServiceWorkerUpdate(app);
    results.push({
      name: `${app}: new build served → page runs it (navigations, then ms)`,
      metric: 'navigations',
      value: outcome.navigations,
      unit: `navigation(s), ${round(outcome.ms, 0)} ms`,
      target: '1 navigation, no half-updated page, offline start on the new build',
      pass:
        outcome.navigations === 1 &&
        outcome.halfUpdated.length === 0 &&
        outcome.offlineBuild === 'second',
      detail: {
        halfUpdated: outcome.halfUpdated.join(' | ') || 'none',
        offlineBuild: outcome.offlineBuild,
        load: loadavg()[0]!.toFixed(1),
      },
    });
  }
  return results;
}
