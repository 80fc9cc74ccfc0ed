// The synced documents: the store server is their only writer. Every write
// gives each document the next server-wide revision, in one transaction, and
// hands the committed change to listeners (the MQTT publisher).
import type { CollectionName, SyncDoc } from '@vitrine/shared/core';
import type { Db } from '../db/database';

export type DocWrite =
  | { c: CollectionName; id: string; body: unknown }
  /** A body already serialised (an import's built documents): stored as it is. */
  | { c: CollectionName; id: string; json: string }
  | { c: CollectionName; id: string; deleted: true };

/** Above this many documents a change is announced by its revisions only (`docs` is empty). */
export const MAX_LISTED_DOCS = 200;

/** Revisions fromRev+1..toRev; `docs` lists them unless there are more than MAX_LISTED_DOCS. */
export type CommittedChange = { fromRev: number; toRev: number; docs: SyncDoc[] };
export type ChangeListener = (change: CommittedChange) => void;

export class DocStore {
  private readonly listeners = new Set<ChangeListener>();
  private readonly upsert;
  private readonly headQuery;
  private readonly pageQuery;
  private readonly getQuery;
  private readonly storedQuery;
  private readonly addBatch;
  private readonly batchEnd;

  constructor(private readonly db: Db) {
    this.upsert = db.prepare(
      `INSERT INTO sync_docs (collection, id, rev, deleted, body) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (collection, id) DO UPDATE SET rev = excluded.rev, deleted = excluded.deleted, body = excluded.body`,
    );
    this.headQuery = db.prepare('SELECT COALESCE(MAX(rev), 0) AS head FROM sync_docs').pluck();
    this.pageQuery = db
      .prepare(
        'SELECT collection, id, rev, deleted, body FROM sync_docs WHERE rev > ? ORDER BY rev LIMIT ?',
      )
      .raw();
    this.getQuery = db
      .prepare('SELECT body FROM sync_docs WHERE collection = ? AND id = ? AND deleted = 0')
      .pluck();
    this.storedQuery = db.prepare(
      'SELECT rev, body FROM sync_docs WHERE collection = ? AND id = ?',
    );
    this.addBatch = db.prepare('INSERT INTO sync_batches (first_rev, last_rev) VALUES (?, ?)');
    this.batchEnd = db
      .prepare(
        'SELECT last_rev FROM sync_batches WHERE first_rev <= ? AND last_rev > ? ORDER BY first_rev DESC LIMIT 1',
      )
      .pluck();
  }

  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  head(): number {
    return this.headQuery.get() as number;
  }

  get<T = unknown>(c: CollectionName, id: string): T | undefined {
    const body = this.getQuery.get(c, id) as string | undefined;
    return body === undefined ? undefined : (JSON.parse(body) as T);
  }

  /**
   * Writes documents with consecutive new revisions; returns the new head.
   * `atomic`: devices must apply these writes all together (sync_batches).
   * `notify: false`: the caller announces the change once its own transaction
   * commits (a listener must never hear of revisions a rollback undoes).
   */
  write(
    writes: Iterable<DocWrite>,
    options: { notify?: boolean; atomic?: boolean } = {},
  ): CommittedChange {
    const change = this.db.transaction(() => {
      const fromRev = this.head();
      let rev = fromRev;
      let docs: SyncDoc[] = [];
      for (const write of writes) {
        rev++;
        let doc: SyncDoc;
        if ('deleted' in write) {
          this.upsert.run(write.c, write.id, rev, 1, null);
          doc = { c: write.c, id: write.id, rev, del: true };
        } else if ('json' in write) {
          this.upsert.run(write.c, write.id, rev, 0, write.json);
          doc = { c: write.c, id: write.id, rev, body: undefined };
          if (rev - fromRev <= MAX_LISTED_DOCS) doc.body = JSON.parse(write.json);
        } else {
          this.upsert.run(write.c, write.id, rev, 0, JSON.stringify(write.body));
          doc = { c: write.c, id: write.id, rev, body: write.body };
        }
        if (rev - fromRev <= MAX_LISTED_DOCS) docs.push(doc);
        else docs = [];
      }
      if (options.atomic && rev - fromRev > 1) this.addBatch.run(fromRev + 1, rev);
      return { fromRev, toRev: rev, docs };
    })();
    if (options.notify !== false) this.announce(change);
    return change;
  }

  /** Tells listeners of a committed change (after a `notify: false` write). */
  announce(change: CommittedChange): void {
    if (change.toRev === change.fromRev) return;
    for (const listener of this.listeners) listener(change);
  }

  /** A document's stored text and revision, deleted or not (an import diffs against it). */
  stored(c: CollectionName, id: string): { rev: number; body: string | null } | undefined {
    return this.storedQuery.get(c, id) as { rev: number; body: string | null } | undefined;
  }

  /**
   * One page of the change feed as JSON text. Bodies are stored as JSON and
   * spliced in as they are, so a 5,000-document page costs no re-serialising.
   */
  pageJson(since: number, limit: number, version: number): { json: string; count: number } {
    const rows = this.pageQuery.all(since, limit) as [
      string,
      string,
      number,
      number,
      string | null,
    ][];
    const head = this.head();
    // A device ahead of head means this database was restored: it sees head < since and resyncs.
    const until = rows.at(-1)?.[2] ?? since;
    // A page that ends inside an atomic batch says where the batch ends: the device holds it until then.
    const atomicUntil =
      rows.length > 0 ? (this.batchEnd.get(until, until) as number | undefined) : undefined;
    const docs = rows.map(([c, id, rev, deleted, body]) =>
      deleted
        ? `{"c":${JSON.stringify(c)},"id":${JSON.stringify(id)},"rev":${rev},"del":true}`
        : `{"c":${JSON.stringify(c)},"id":${JSON.stringify(id)},"rev":${rev},"body":${body ?? 'null'}}`,
    );
    return {
      json: `{"v":${version},"since":${since},"until":${until},"head":${head},${
        atomicUntil === undefined ? '' : `"atomicUntil":${atomicUntil},`
      }"docs":[${docs.join(',')}]}`,
      count: rows.length,
    };
  }

  /** Every live document of a collection, by id (small collections: promotions, locations…). */
  all<T = unknown>(c: CollectionName): T[] {
    const bodies = this.db
      .prepare('SELECT body FROM sync_docs WHERE collection = ? AND deleted = 0 ORDER BY id')
      .pluck()
      .all(c) as string[];
    return bodies.map((body) => JSON.parse(body) as T);
  }

  countLive(c: CollectionName): number {
    return this.db
      .prepare('SELECT COUNT(*) FROM sync_docs WHERE collection = ? AND deleted = 0')
      .pluck()
      .get(c) as number;
  }
}
