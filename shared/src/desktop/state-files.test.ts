import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFaultReport } from './fault-report';
import { stateFiles } from './state-files';

const fresh = () => mkdtempSync(join(tmpdir(), 'vitrine-state-'));

describe('stateFiles', () => {
  it('round-trips the credential bytes in a file only the user can read', () => {
    const dir = fresh();
    const files = stateFiles(join(dir, 'userData'));
    expect(files.credential.read()).toBeUndefined();
    files.credential.write(Buffer.from([1, 2, 3]));
    expect(files.credential.read()).toEqual(Buffer.from([1, 2, 3]));
    expect(statSync(join(dir, 'userData', 'device-credential.bin')).mode & 0o777).toBe(0o600);
  });

  it('keeps the fault queue across restarts', () => {
    const dir = fresh();
    const report = makeFaultReport(
      { kind: 'renderer-crashed', detail: 'oom', action: 'relaunch' },
      {
        app: 'mirror',
        appVersion: '1.0.0',
        id: '0190a6f0-2222-7000-8000-000000000001',
        at: new Date(0),
      },
    );
    stateFiles(dir).saveFaults([report]);
    expect(stateFiles(dir).loadFaults()).toEqual([report]);
  });

  it('starts afresh from damaged files instead of trusting them', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'fault-queue.json'), '[{"v":1,"kind":"x"}]');
    writeFileSync(join(dir, 'relaunches.json'), 'not json');
    expect(stateFiles(dir).loadFaults()).toEqual([]);
    expect(stateFiles(dir).loadRelaunches()).toEqual([]);
  });

  it('keeps the relaunch history', () => {
    const dir = fresh();
    stateFiles(dir).saveRelaunches([1, 2]);
    expect(stateFiles(dir).loadRelaunches()).toEqual([1, 2]);
    expect(readFileSync(join(dir, 'relaunches.json'), 'utf8')).toBe('[1,2]');
  });
});
