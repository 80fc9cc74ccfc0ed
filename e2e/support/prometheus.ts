// A real Prometheus (Debian's `prometheus`, provisioned by
// scripts/provision-test-tools.mjs) scraping a store server's metrics route
// with a bearer token, as a store's IT would run it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './server-process';
import { waitFor } from './test-server';

export type PrometheusProcess = {
  url: string;
  /** An instant PromQL query's result vector. */
  query: (promql: string) => Promise<{ metric: Record<string, string>; value: [number, string] }[]>;
  close: () => Promise<void>;
};

export async function startPrometheus(target: {
  /** host:port of the store server. */
  hostPort: string;
  metricsPath: string;
  token: string;
}): Promise<PrometheusProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-prometheus-'));
  writeFileSync(join(dir, 'token'), target.token, { mode: 0o600 });
  writeFileSync(
    join(dir, 'prometheus.yml'),
    [
      'global: { scrape_interval: 1s, scrape_timeout: 1s }',
      'scrape_configs:',
      '  - job_name: vitrine-store',
      `    metrics_path: ${target.metricsPath}`,
      `    authorization: { credentials_file: ${join(dir, 'token')} }`,
      `    static_configs: [{ targets: ['${target.hostPort}'] }]`,
      '',
    ].join('\n'),
  );
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.env.PROMETHEUS_PATH ?? 'prometheus',
    [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
    ],
    { stdio: 'ignore' },
  );
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    () =>
      fetch(`${url}/-/ready`).then(
        (response) => response.ok,
        () => false,
      ),
    'prometheus ready',
    30_000,
  );
  return {
    url,
    query: async (promql) => {
      const response = await fetch(`${url}/api/v1/query?query=${encodeURIComponent(promql)}`);
      const body = (await response.json()) as {
        data: { result: { metric: Record<string, string>; value: [number, string] }[] };
      };
      return body.data.result;
    },
    close: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
