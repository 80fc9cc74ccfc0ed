// An import's scratch database, a file of its own beside the store's: typed
// feed lines land here batch by batch (a 5M-line inventory never sits in
// memory), with every report entry. Nothing here is seen by a screen; a kill
// while staging leaves the store's catalogue as it was, and the file is thrown
// away. Durability is off on purpose: a staging file that did not finish is
// never used.
import Database from 'better-sqlite3';
import type {
  FeedKind,
  FoodLine,
  InventoryLine,
  ProductLine,
  ReportEntry,
} from '@vitrine/shared/core';

export type StagedCounts = { lines: number; rejected: number; warnings: number };

const SCHEMA = `
  CREATE TABLE product_lines (id TEXT PRIMARY KEY, group_id TEXT NOT NULL, line INTEGER NOT NULL, body TEXT NOT NULL);
  CREATE INDEX product_lines_by_group ON product_lines (group_id, line);
  CREATE TABLE food_lines (id TEXT PRIMARY KEY, line INTEGER NOT NULL, body TEXT NOT NULL);
  CREATE TABLE inventory_lines (
    store_code TEXT NOT NULL, id TEXT NOT NULL, line INTEGER NOT NULL, body TEXT NOT NULL,
    PRIMARY KEY (store_code, id)
  ) WITHOUT ROWID;
  CREATE TABLE report (file TEXT NOT NULL, line INTEGER NOT NULL, field TEXT NOT NULL, problem TEXT NOT NULL, action TEXT NOT NULL);
  -- Lines read per file and kind, and how many of them were refused (for the bad-line policy).
  CREATE TABLE files (file TEXT PRIMARY KEY, kind TEXT NOT NULL, lines INTEGER NOT NULL, rejected INTEGER NOT NULL);
`;

export class Staging {
  private readonly db: Database.Database;
  private readonly insertProduct;
  private readonly insertFood;
  private readonly insertInventory;
  private readonly firstInventoryLine;
  private readonly insertEntry;
  private readonly tallyFile;

  constructor(path: string) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = OFF');
    this.db.pragma('synchronous = OFF');
    this.db.exec(SCHEMA);
    this.insertProduct = this.db.prepare(
      'INSERT INTO product_lines (id, group_id, line, body) VALUES (?, ?, ?, ?)',
    );
    this.insertFood = this.db.prepare('INSERT INTO food_lines (id, line, body) VALUES (?, ?, ?)');
    this.insertInventory = this.db.prepare(
      'INSERT OR IGNORE INTO inventory_lines (store_code, id, line, body) VALUES (?, ?, ?, ?)',
    );
    this.firstInventoryLine = this.db
      .prepare('SELECT line FROM inventory_lines WHERE store_code = ? AND id = ?')
      .pluck();
    this.insertEntry = this.db.prepare(
      'INSERT INTO report (file, line, field, problem, action) VALUES (?, ?, ?, ?, ?)',
    );
    this.tallyFile = this.db.prepare(
      `INSERT INTO files (file, kind, lines, rejected) VALUES (?, ?, ?, ?)
       ON CONFLICT (file) DO UPDATE SET lines = lines + excluded.lines, rejected = rejected + excluded.rejected`,
    );
  }

  /** One batch of a file, in one transaction; the file's tally grows by the batch's lines. */
  stage(
    file: string,
    kind: FeedKind,
    batch: {
      lines: readonly (ProductLine | InventoryLine | FoodLine)[];
      entries: readonly ReportEntry[];
    },
  ): void {
    this.db.transaction(() => {
      const entries = [...batch.entries];
      let accepted = 0;
      for (const line of batch.lines) {
        if (kind === 'inventory') {
          const stock = line as InventoryLine;
          const { changes } = this.insertInventory.run(
            stock.storeCode,
            stock.id,
            stock.line,
            JSON.stringify(stock),
          );
          if (changes === 0) {
            // The readers leave this check here: 5M keys in memory would cost hundreds of MB.
            const first = this.firstInventoryLine.get(stock.storeCode, stock.id) as number;
            entries.push({
              file,
              line: stock.line,
              field: 'id',
              problem: `the same item and store as line ${first}: this line is ignored`,
              action: 'rejected',
            });
            continue;
          }
        } else if (kind === 'food') {
          this.insertFood.run(line.id, line.line, JSON.stringify(line));
        } else {
          const product = line as ProductLine;
          this.insertProduct.run(
            product.id,
            product.itemGroupId ?? product.id,
            product.line,
            JSON.stringify(product),
          );
        }
        accepted++;
      }
      for (const entry of entries) {
        this.insertEntry.run(entry.file, entry.line, entry.field, entry.problem, entry.action);
      }
      // A refused line is counted once, however many of its fields were wrong.
      const rejected = new Set(
        entries.filter((e) => e.action === 'rejected' && e.line > 1).map((e) => e.line),
      ).size;
      this.tallyFile.run(file, kind, accepted + rejected, rejected);
    })();
  }

  /** Lines read and refused per file, and the warnings given. */
  counts(): Record<string, StagedCounts & { kind: FeedKind }> {
    const rows = this.db.prepare('SELECT file, kind, lines, rejected FROM files').all() as {
      file: string;
      kind: FeedKind;
      lines: number;
      rejected: number;
    }[];
    const warnings = this.db
      .prepare("SELECT file, COUNT(*) AS n FROM report WHERE action = 'warning' GROUP BY file")
      .all() as { file: string; n: number }[];
    const warned = new Map(warnings.map((row) => [row.file, row.n]));
    return Object.fromEntries(
      rows.map((row) => [
        row.file,
        {
          kind: row.kind,
          lines: row.lines,
          rejected: row.rejected,
          warnings: warned.get(row.file) ?? 0,
        },
      ]),
    );
  }

  /** The report in file and line order, `limit` entries from `offset`. */
  report(limit: number, offset = 0): ReportEntry[] {
    return this.db
      .prepare(
        'SELECT file, line, field, problem, action FROM report ORDER BY file, line, rowid LIMIT ? OFFSET ?',
      )
      .all(limit, offset) as ReportEntry[];
  }

  close(): void {
    this.db.close();
  }
}
