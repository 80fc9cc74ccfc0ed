// npm run bench: every benchmark, a table on stdout and bench-results/latest.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/test-server';
import { benchAssistant } from './assistant.bench';
import { benchBundleSizes } from './bundle-sizes.bench';
import { benchDeviceSearch } from './device-search.bench';
import { benchExpertCall } from './expert-call.bench';
import { benchHqInsights } from './hq-insights.bench';
import { benchHqReports } from './hq-reports.bench';
import { benchImport } from './import.bench';
import { benchIngestion } from './ingestion.bench';
import { benchInsightsDay } from './insights-day.bench';
import { benchPerkOptimiser } from './perk-optimiser.bench';
import { benchPriceFanout } from './price-fanout.bench';
import { benchInitialSync } from './initial-sync.bench';
import { benchLiveFanout } from './live-fanout.bench';
import { benchKiosk } from './kiosk.bench';
import { benchLookShare } from './look-share.bench';
import { benchScanCorpus } from './scan-corpus.bench';
import { benchServerSearch } from './server-search.bench';
import { benchSignagePlayback } from './signage-playback.bench';
import { benchSignagePublish } from './signage-publish.bench';
import { benchSignageSync } from './signage-sync.bench';
import { benchServiceWorkerUpdate } from './sw-update.bench';
import type { BenchResult } from './stats';

const only = process.argv.slice(2);
const suites: [string, () => Promise<BenchResult[]>][] = [
  ['perk-optimiser', () => benchPerkOptimiser()],
  ['assistant', () => benchAssistant()],
  ['expert-call', () => benchExpertCall()],
  ['initial-sync', () => benchInitialSync()],
  ['initial-sync-100k', () => benchInitialSync(100_000)],
  ['live-fanout', () => benchLiveFanout()],
  ['device-search', () => benchDeviceSearch()],
  ['device-search-100k', () => benchDeviceSearch(100_000)],
  ['price-fanout', () => benchPriceFanout()],
  ['ingestion', () => benchIngestion()],
  ['signage-playback', () => benchSignagePlayback()],
  ['signage-sync', () => benchSignageSync()],
  ['signage-publish', () => benchSignagePublish()],
  ['look-share', () => benchLookShare()],
  ['server-search', () => benchServerSearch()],
  ['import', () => benchImport()],
  ['kiosk', () => benchKiosk()],
  ['scan-corpus', () => benchScanCorpus()],
  ['bundle-sizes', () => benchBundleSizes()],
  ['sw-update', () => benchServiceWorkerUpdate()],
  ['hq-reports', () => benchHqReports()],
  ['insights-day', () => benchInsightsDay()],
  ['hq-insights', () => benchHqInsights()],
];

const results: BenchResult[] = [];
for (const [name, run] of suites) {
  if (only.length && !only.includes(name)) continue;
  process.stdout.write(`bench: ${name}…\n`);
  results.push(...(await run()));
}

console.table(
  results.map((result) => ({
    benchmark: result.name,
    [`result`]: `${result.metric} ${result.value} ${result.unit}`,
    target: result.target,
    met: result.pass ? 'yes' : 'NO',
  })),
);
const outDir = join(REPO_ROOT, 'bench-results');
mkdirSync(outDir, { recursive: true });
const report = { date: new Date().toISOString(), node: process.version, cpus: 2, results };
writeFileSync(join(outDir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
process.stdout.write(`bench: wrote ${join(outDir, 'latest.json')}\n`);
process.exit(0);
