// The OpenDataCam bridge against a real store server: OpenDataCam itself (a Jetson running
// YOLO) cannot run here, so a small HTTP server answers its documented `/status` and
// `/counter/areas` (v3) with counts the test moves. Each poll's new passages reach the store
// once, a poll the store missed is sent with the next, a new recording counts from zero, lines
// not named are ignored, a restart resumes from the state file; and the command itself runs
// until its first push.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes, type DayFigures } from '@vitrine/shared/core';
import type { StoreServer } from '@vitrine/store-server/server';
import { OdcBridge } from '../../store-server/src/insights/opendatacam/odc-bridge';
import { REPO_ROOT, startTestServer } from '../support/test-server';
import { call, signIn } from '../staff/staff-helpers';

const LINES = { entree: 'Entrée', sortie: 'Sortie', parking: 'Parking' };
let server: StoreServer;
let manager: string;
let odc: Server;
let odcUrl: string;
let stateDir: string;
/** What the fake OpenDataCam answers: the recording and each line's counts by class. */
const state = {
  recording: 'rec-1',
  counts: { entree: 10, sortie: 4, parking: 50 } as Record<keyof typeof LINES, number>,
  garbage: false,
};

beforeAll(async () => {
  server = await startTestServer();
  stateDir = mkdtempSync(join(tmpdir(), 'vitrine-odc-'));
  manager = await signIn(server, 'manager');
  odc = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (state.garbage) return res.end(JSON.stringify({ hello: 'world' }));
    if (req.url === '/counter/areas')
      return res.end(
        JSON.stringify(
          Object.fromEntries(
            Object.entries(LINES).map(([id, name]) => [id, { name, type: 'bidirectional' }]),
          ),
        ),
      );
    if (req.url === '/status')
      return res.end(
        JSON.stringify({
          counterSummary: Object.fromEntries(
            Object.entries(state.counts).map(([id, count]) => [
              id,
              // The car park line counts cars, not people.
              id === 'parking' ? { car: count, _total: count } : { person: count, _total: count },
            ]),
          ),
          trackerSummary: { totalItemsTracked: 500 },
          appState: { recordingStatus: { isRecording: true, recordingId: state.recording } },
        }),
      );
    res.statusCode = 404;
    res.end('{}');
  });
  await new Promise<void>((resolve) => odc.listen(0, '127.0.0.1', resolve));
  odcUrl = `http://127.0.0.1:${(odc.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  odc?.close();
  await server?.close();
  rmSync(stateDir, { recursive: true, force: true });
});

async function enrol(name: string) {
  const answer = await call(server, apiRoutes.insights.addCounter, {
    body: { name, kind: 'generic', entrance: true },
    token: manager,
  });
  expect(answer.status).toBe(201);
  return answer.body as { id: string; secret: string; pushPath: string };
}

async function today(): Promise<DayFigures> {
  const date = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
  return (await call(server, apiRoutes.insights.day, { query: { date }, token: manager }))
    .body as DayFigures;
}
/** The store's link, cut by the test for a poll (OpenDataCam is always reachable). */
const storeLinkCutWhen =
  (down: () => boolean): typeof fetch =>
  (input, init) => {
    const url = input instanceof Request ? input.url : input.toString();
    if (down() && url.startsWith(server.url))
      return Promise.reject(new Error('connect ECONNREFUSED'));
    return fetch(input, init);
  };
const zone = async (name: string) => (await today()).zones.find((z) => z.zone === name);

describe('the OpenDataCam bridge', () => {
  it('pushes each poll’s new passages once, keeps what the store missed, and restarts from zero', async () => {
    const counter = await enrol('OpenDataCam entrée');
    let linkDown = false;
    const bridge = new OdcBridge({
      odcUrl,
      pushUrl: `${server.url}${counter.pushPath}`,
      counterId: counter.id,
      secret: counter.secret,
      inLines: [LINES.entree, LINES.parking],
      outLines: [LINES.sortie],
      zone: 'odc-door',
      fetch: storeLinkCutWhen(() => linkDown),
    });
    expect(await bridge.tick()).toEqual({ kind: 'baseline' });
    state.counts = { entree: 15, sortie: 7, parking: 60 };
    // Cars crossing the car park line are not people: only the entrance's 5 and the exit's 3.
    expect(await bridge.tick()).toEqual({ kind: 'pushed', periods: 1, in: 5, out: 3 });
    expect(await zone('odc-door')).toMatchObject({ in: 5, out: 3 });

    linkDown = true;
    state.counts.entree = 18;
    expect(await bridge.tick()).toMatchObject({ kind: 'kept', pending: 1 });
    linkDown = false;
    state.counts.entree = 20;
    expect(await bridge.tick()).toEqual({ kind: 'pushed', periods: 2, in: 5, out: 0 });
    expect(await zone('odc-door')).toMatchObject({ in: 10, out: 3 });

    // OpenDataCam restarted its recording: its counts start again from zero.
    state.recording = 'rec-2';
    state.counts = { entree: 4, sortie: 1, parking: 0 };
    expect(await bridge.tick()).toEqual({ kind: 'pushed', periods: 1, in: 4, out: 1 });
    expect(await zone('odc-door')).toMatchObject({ in: 14, out: 4 });

    // An answer that is not OpenDataCam's is said plainly and sends nothing.
    state.garbage = true;
    await expect(bridge.tick()).rejects.toThrow(/OpenDataCam \/(status|counter\/areas) is not/);
    state.garbage = false;
    expect((await today()).flags).toEqual([]);
  });

  it('resumes from its state file after a restart: no passage lost, none counted twice', async () => {
    const counter = await enrol('OpenDataCam réserve');
    const stateFile = join(stateDir, 'resume.json');
    let linkDown = false;
    const start = () =>
      new OdcBridge({
        odcUrl,
        pushUrl: `${server.url}${counter.pushPath}`,
        counterId: counter.id,
        secret: counter.secret,
        inLines: [LINES.entree],
        outLines: [LINES.sortie],
        zone: 'odc-resume',
        stateFile,
        fetch: storeLinkCutWhen(() => linkDown),
      });
    const first = start();
    expect(first.startedFrom).toMatch(/state kept in/);
    expect(await first.tick()).toEqual({ kind: 'baseline' });
    state.counts.entree += 3;
    linkDown = true;
    expect(await first.tick()).toMatchObject({ kind: 'kept', pending: 1 });

    // The bridge's machine reboots; people go on crossing the lines meanwhile.
    linkDown = false;
    state.counts.entree += 2;
    state.counts.sortie += 1;
    const second = start();
    expect(second.startedFrom).toMatch(/resumed from .*1 period\(s\) pending/);
    expect(await second.tick()).toEqual({ kind: 'pushed', periods: 2, in: 5, out: 1 });
    expect(await zone('odc-resume')).toMatchObject({ in: 5, out: 1 });

    // A file that is not the bridge's state is said, and counting starts from the next reading.
    writeFileSync(stateFile, '{"last": 3}');
    const third = start();
    expect(third.startedFrom).toMatch(/is not the bridge's state/);
    expect(await third.tick()).toEqual({ kind: 'baseline' });
    expect(await zone('odc-resume')).toMatchObject({ in: 5, out: 1 });
  });

  it('runs as a command until stopped, and refuses missing arguments', async () => {
    const counter = await enrol('OpenDataCam porte');
    const command = (args: string[], secret?: string) =>
      spawn(
        process.execPath,
        ['--import', 'tsx', 'store-server/src/insights/opendatacam/main.ts', ...args],
        {
          cwd: REPO_ROOT,
          env: { ...process.env, ...(secret && { VITRINE_COUNTER_SECRET: secret }) },
        },
      );
    const missing = command(['--odc', odcUrl]);
    const code = await new Promise((resolve) => missing.once('exit', resolve));
    expect(code).toBe(64);

    const running = command(
      [
        ...['--odc', odcUrl, '--store', server.url, '--counter', counter.id],
        ...['--in', LINES.entree, '--zone', 'odc-cli', '--every', '1'],
        ...['--state', join(stateDir, 'cli.json')],
      ],
      counter.secret,
    );
    let output = '';
    running.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      await expect.poll(() => output, { timeout: 30_000 }).toMatch(/first reading taken/);
      state.counts.entree += 6;
      await expect.poll(() => output, { timeout: 15_000 }).toMatch(/pushed 1 period\(s\): 6 in/);
      expect(await zone('odc-cli')).toMatchObject({ in: 6, out: 0 });
    } finally {
      running.kill();
    }
  }, 60_000);
});
