// A store of a chain takes its settings document from head office: its local configuration fills
// it on a first start only, and a restart leaves head office's document as it is. A standalone
// store's configuration still rewrites it at every start.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { StoreSettings } from '@vitrine/shared/core';
import { readConfig } from '../config';
import { openDatabase, type Db } from '../db/database';
import { DocStore } from '../sync/doc-store';
import { demoThemePath, publishStoreSettings } from './store-settings';

const repo = resolve(import.meta.dirname, '..', '..', '..');
const opened: Db[] = [];
afterAll(() => {
  for (const db of opened) db.close();
});

function configWithTheme() {
  const result = readConfig(
    ['--theme', demoThemePath(repo)],
    { VITRINE_STORE: 'paris-rivoli' },
    { appsDir: repo },
  );
  if (result.kind !== 'config') throw new Error('no config');
  return result.config;
}

function store() {
  const db = openDatabase(mkdtempSync(join(tmpdir(), 'vitrine-chain-settings-')));
  opened.push(db);
  return new DocStore(db);
}

const fromHeadOffice: StoreSettings = { id: 'paris-rivoli', currency: 'CHF' };

describe("a chain store's settings document", () => {
  it('is filled from local configuration only on a first start', async () => {
    const docs = store();
    const config = configWithTheme();
    await publishStoreSettings(docs, config, true);
    expect(docs.get<StoreSettings>('settings', 'paris-rivoli')?.theme?.name).toBe('Maison Vitrine');
    // Head office's settings arrive (the link's intake writes them), then the server restarts.
    docs.write([{ c: 'settings', id: 'paris-rivoli', body: fromHeadOffice }]);
    const head = docs.head();
    await publishStoreSettings(docs, config, true);
    expect(docs.get('settings', 'paris-rivoli')).toEqual(fromHeadOffice);
    expect(docs.head()).toBe(head);
  });

  it('is rewritten from local configuration at start on a standalone store', async () => {
    const docs = store();
    docs.write([{ c: 'settings', id: 'paris-rivoli', body: fromHeadOffice }]);
    await publishStoreSettings(docs, configWithTheme());
    expect(docs.get<StoreSettings>('settings', 'paris-rivoli')?.theme?.name).toBe('Maison Vitrine');
  });
});
