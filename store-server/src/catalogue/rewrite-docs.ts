// Rewriting a collection's live documents under new revisions, for the
// catalogue's shape migrations (104, 105). Read in pages by revision (new
// revisions are above the old head), so a large catalogue is never all in
// memory at once. Runs inside the migration's transaction.
import type { Db } from '../db/database';

const PAGE = 2_000;

/** The next free revision after each rewrite; start it at the head before the first. */
export interface Revisions {
  readonly oldHead: number;
  rev: number;
}

export function startRevisions(db: Db): Revisions {
  const oldHead = db.prepare('SELECT COALESCE(MAX(rev), 0) FROM sync_docs').pluck().get() as number;
  return { oldHead, rev: oldHead };
}

/**
 * Each live document of the collection written before the migration, oldest
 * first, rewritten under the next revision. `upgrade` returns undefined (or
 * throws) to leave a document as it was: devices skip one they cannot read
 * (invalidDocs), as before.
 */
export function rewriteDocs(
  db: Db,
  revisions: Revisions,
  collection: string,
  upgrade: (id: string, body: unknown) => unknown,
): void {
  const page = db.prepare(
    `SELECT id, rev, body FROM sync_docs
     WHERE collection = ? AND deleted = 0 AND rev > ? AND rev <= ? ORDER BY rev LIMIT ${PAGE}`,
  );
  const update = db.prepare(
    'UPDATE sync_docs SET rev = ?, body = ? WHERE collection = ? AND id = ?',
  );
  for (let after = 0; ;) {
    const rows = page.all(collection, after, revisions.oldHead) as {
      id: string;
      rev: number;
      body: string;
    }[];
    if (rows.length === 0) return;
    after = rows.at(-1)!.rev;
    for (const row of rows) {
      const body = attempt(() => upgrade(row.id, JSON.parse(row.body)));
      if (body !== undefined) update.run(++revisions.rev, JSON.stringify(body), collection, row.id);
    }
  }
}

function attempt<T>(upgrade: () => T): T | undefined {
  try {
    return upgrade();
  } catch {
    return undefined;
  }
}
