// Small files the shell keeps in userData: the encrypted credential, the fault
// queue and the relaunch history. Written atomically, readable by the user only.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { parseJson } from '../core/parse';
import type { VaultFiles } from './credential-vault';
import { FaultReport } from './fault-report';

function writeAtomically(file: string, data: Buffer | string): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, data, { mode: 0o600 });
  renameSync(temporary, file);
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

export function stateFiles(userDataDir: string) {
  const credentialFile = join(userDataDir, 'device-credential.bin');
  const faultsFile = join(userDataDir, 'fault-queue.json');
  const relaunchFile = join(userDataDir, 'relaunches.json');
  const storePinsFile = join(userDataDir, 'store-ca.json');

  const credential: VaultFiles = {
    read: () => readIfPresent(credentialFile),
    write: (data) => writeAtomically(credentialFile, data),
  };

  return {
    credential,
    /** The pinned store CAs (PEM, public): see store-trust.ts. */
    storePins: {
      read: () => readIfPresent(storePinsFile)?.toString('utf8'),
      write: (text: string) => writeAtomically(storePinsFile, text),
    },
    /** Faults not yet delivered; a damaged file is started afresh rather than trusted. */
    loadFaults(): FaultReport[] {
      const parsed = parseJson(
        z.array(FaultReport),
        readIfPresent(faultsFile)?.toString('utf8') ?? '[]',
      );
      return parsed.ok ? parsed.value : [];
    },
    saveFaults(queue: readonly FaultReport[]): void {
      writeAtomically(faultsFile, JSON.stringify(queue));
    },
    loadRelaunches(): number[] {
      const parsed = parseJson(
        z.array(z.number()),
        readIfPresent(relaunchFile)?.toString('utf8') ?? '[]',
      );
      return parsed.ok ? parsed.value : [];
    },
    saveRelaunches(times: readonly number[]): void {
      writeAtomically(relaunchFile, JSON.stringify(times));
    },
  };
}
