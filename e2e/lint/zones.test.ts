// The code zones are a lint rule: a wrong-direction import fails `npm run lint`, a
// right-direction one passes. Each probe is linted in memory as if it were a file at a
// real path in its zone, with the project's own eslint.config.js (type information off,
// which the zone rule does not use), so imports resolve exactly as in the real lint.
import { ESLint } from 'eslint';
import path from 'node:path';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root, overrideConfig: tseslint.configs.disableTypeChecked });

async function zoneErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.join(root, file) });
  if (!result) throw new Error(`ESLint returned no result for ${file}`);
  const fatal = result.messages.filter((message) => message.fatal);
  expect(fatal).toEqual([]);
  return result.messages
    .filter((message) => message.ruleId === 'boundaries/dependencies')
    .map((message) => message.message);
}

const probe = (specifier: string) => `export * from '${specifier}';\n`;

describe('lint refuses a wrong-direction import', () => {
  it.each([
    ['core → client', 'shared/src/core/probe.ts', '../client/outbox'],
    ['core → client, by package name', 'shared/src/core/probe.ts', '@vitrine/shared/client'],
    ['core → ui, by package name', 'shared/src/core/probe.ts', '@vitrine/shared/ui'],
    ['core → node', 'shared/src/core/probe.ts', 'node:fs'],
    ['core → react', 'shared/src/core/probe.ts', 'react'],
    ['core → dexie', 'shared/src/core/probe.ts', 'dexie'],
    ['core → csv-parse', 'shared/src/core/probe.ts', 'csv-parse'],
    ['ui → saxes', 'shared/src/ui/probe.ts', 'saxes'],
    ['console → sharp', 'store-server/console/src/probe.ts', 'sharp'],
    ['client → ui', 'shared/src/client/probe.ts', '../ui/use-device'],
    ['scan → its node tooling', 'shared/src/scan/probe.ts', './node/load-wasm'],
    ['store-server → console', 'store-server/src/probe.ts', '../console/src/common/money'],
    ['store-server → ui', 'store-server/src/probe.ts', '@vitrine/shared/ui'],
    ['store-server → client', 'store-server/src/probe.ts', '@vitrine/shared/client'],
    [
      'console → store-server, by package name',
      'store-server/console/src/probe.ts',
      '@vitrine/store-server/config',
    ],
    ['console → store-server, by path', 'store-server/console/src/probe.ts', '../../src/config'],
    ['console → node', 'store-server/console/src/probe.ts', 'node:path'],
    ['renderer → electron', 'kiosk/src/renderer/probe.ts', 'electron'],
    ['renderer → node', 'signage/src/renderer/probe.ts', 'node:fs'],
    ['renderer → main', 'mirror/src/renderer/probe.ts', '../main/index'],
    ['renderer → desktop main', 'kiosk/src/renderer/probe.ts', '@vitrine/shared/desktop'],
    ['renderer → another app', 'kiosk/src/renderer/probe.ts', '../../../signage/src/renderer/main'],
    ['preload → zod', 'kiosk/src/preload/probe.ts', 'zod'],
    ['preload → node', 'shared/src/desktop/preload-probe.ts', 'node:fs'],
    ['preload → desktop main values', 'shared/src/desktop/preload-probe.ts', './config'],
    ['desktop main → client', 'shared/src/desktop/probe.ts', '@vitrine/shared/client'],
    ['desktop main → react', 'kiosk/src/main/probe.ts', 'react'],
    ['main → another app', 'kiosk/src/main/probe.ts', '../../../mirror/src/main/index'],
    ['shared → an app', 'shared/src/ui/probe.ts', '../../../kiosk/src/renderer/App'],
    ['node → client', 'shared/src/node/probe.ts', '@vitrine/shared/client'],
    ['node → ui', 'shared/src/node/probe.ts', '../ui/use-device'],
    ['node → react', 'shared/src/node/probe.ts', 'react'],
    ['node → store-server', 'shared/src/node/probe.ts', '@vitrine/store-server/config'],
    [
      'node → store-server, by path',
      'shared/src/node/probe.ts',
      '../../../store-server/src/config',
    ],
    ['core → node', 'shared/src/core/probe.ts', '@vitrine/shared/node'],
    ['client → node', 'shared/src/client/probe.ts', '../node/log'],
    ['console → node', 'store-server/console/src/probe.ts', '@vitrine/shared/node'],
    [
      'hq console → the store’s console',
      'head-office/console/src/probe.ts',
      '../../../store-server/console/src/common/api',
    ],
    ['hq console → node', 'head-office/console/src/probe.ts', 'node:fs'],
    ['hq console → head office’s server', 'head-office/console/src/probe.ts', '../../src/server'],
    [
      'console kit → a console',
      'shared/src/console-kit/probe.ts',
      '../../../store-server/console/src/common/api',
    ],
    ['renderer → console kit', 'kiosk/src/renderer/probe.ts', '@vitrine/shared/console-kit'],
  ])('%s', async (_direction, file, specifier) => {
    expect(await zoneErrors(file, probe(specifier))).not.toEqual([]);
  });
});

describe('lint accepts a right-direction import', () => {
  it.each([
    ['hq console → console kit', 'head-office/console/src/probe.ts', '@vitrine/shared/console-kit'],
    ['console → console kit', 'store-server/console/src/probe.ts', '@vitrine/shared/console-kit'],
    ['console kit → ui', 'shared/src/console-kit/probe.ts', '../ui/i18n'],
    ['core → zod', 'shared/src/core/probe.ts', 'zod'],
    ['client → core', 'shared/src/client/probe.ts', '../core'],
    ['ui → client', 'shared/src/ui/probe.ts', '@vitrine/shared/client'],
    ['scan/node → scan', 'shared/src/scan/node/probe.ts', '../decoder'],
    ['renderer → its own app', 'kiosk/src/renderer/probe.ts', './KioskApp'],
    ['renderer → core', 'kiosk/src/renderer/probe.ts', '@vitrine/shared/core'],
    ['renderer → client', 'kiosk/src/renderer/probe.ts', '@vitrine/shared/client'],
    ['renderer → ui', 'kiosk/src/renderer/probe.ts', '@vitrine/shared/ui'],
    ['renderer → scan', 'mirror/src/renderer/probe.ts', '@vitrine/shared/scan'],
    ['console → core', 'store-server/console/src/probe.ts', '@vitrine/shared/core'],
    ['console → ui', 'store-server/console/src/probe.ts', '@vitrine/shared/ui'],
    ['store-server → core', 'store-server/src/probe.ts', '@vitrine/shared/core'],
    ['store-server → express', 'store-server/src/probe.ts', 'express'],
    ['store-server → csv-parse', 'store-server/src/probe.ts', 'csv-parse'],
    ['store-server → node', 'store-server/src/probe.ts', 'node:fs'],
    ['preload → electron', 'kiosk/src/preload/probe.ts', 'electron'],
    ['preload → shared preload', 'kiosk/src/preload/probe.ts', '@vitrine/shared/desktop/preload'],
    ['desktop main → core', 'shared/src/desktop/probe.ts', '../core/parse'],
    ['desktop main → node', 'kiosk/src/main/probe.ts', 'node:fs'],
    ['e2e → store-server', 'e2e/probe.ts', '@vitrine/store-server/config'],
    ['node → core', 'shared/src/node/probe.ts', '../core'],
    ['node → express', 'shared/src/node/probe.ts', 'express'],
    ['node → node:*', 'shared/src/node/probe.ts', 'node:net'],
    ['store-server → node', 'store-server/src/probe.ts', '@vitrine/shared/node'],
    ['head-office → node', 'head-office/src/probe.ts', '@vitrine/shared/node'],
    ['e2e → node', 'e2e/probe.ts', '@vitrine/shared/node'],
  ])('%s', async (_direction, file, specifier) => {
    expect(await zoneErrors(file, probe(specifier))).toEqual([]);
  });

  it('type-only imports of the IPC contract into the preload and the bridge types into ui', async () => {
    const contract = `import type { VitrineBridge } from './ipc-contract';\nexport type Probe = VitrineBridge;\n`;
    expect(await zoneErrors('shared/src/desktop/preload-probe.ts', contract)).toEqual([]);
    const bridge = `import type { VitrineBridge } from '../desktop/bridge-types';\nexport type Probe = VitrineBridge;\n`;
    expect(await zoneErrors('shared/src/ui/probe.ts', bridge)).toEqual([]);
  });

  it('a test may use node:* in a browser zone, but not cross into another zone', async () => {
    expect(await zoneErrors('shared/src/core/probe.test.ts', probe('node:fs'))).toEqual([]);
    expect(
      await zoneErrors('shared/src/core/probe.test.ts', probe('../client/outbox')),
    ).not.toEqual([]);
  });
});

describe('every file has a zone', () => {
  it('a file outside every zone fails lint until its folder is given one', async () => {
    const [result] = await eslint.lintText(probe('zod'), {
      filePath: path.join(root, 'new-app/src/probe.ts'),
    });
    const rules = result?.messages.map((message) => message.ruleId);
    expect(rules).toContain('boundaries/no-unknown-files');
  });
});

describe('one block declares the zones and nothing overrides it', () => {
  it('every zone gets the same zone rule and no no-restricted-imports', async () => {
    const zoneFiles = [
      'shared/src/core/index.ts',
      'shared/src/client/index.ts',
      'shared/src/ui/index.ts',
      'shared/src/scan/index.ts',
      'shared/src/desktop/main.ts',
      'shared/src/desktop/preload.ts',
      'shared/src/node/index.ts',
      'kiosk/src/preload/index.ts',
      'kiosk/src/renderer/main.tsx',
      'store-server/src/server.ts',
      'store-server/console/src/index.tsx',
      'e2e/lint/zones.test.ts',
    ];
    const configs = (await Promise.all(
      zoneFiles.map((file) => eslint.calculateConfigForFile(path.join(root, file))),
    )) as { rules: Record<string, unknown> }[];
    const [first, ...rest] = configs.map((config) => config.rules['boundaries/dependencies']);
    expect(first).toBeDefined();
    for (const rule of rest) expect(rule).toEqual(first);
    for (const config of configs) expect(config.rules['no-restricted-imports']).toBeUndefined();
  });
});
