// An import's scratch database, a file of its own beside the store's: typed
// feed lines land here batch by batch (a 5M-line inventory never sits in
// memory), with every report entry. Nothing here is seen by a screen; a kill
// while staging leaves the store's catalogue as it was, and the file is thrown
// away. Durability is off on purpose: a staging file that did not finish is
// never used.
import Database from 'better-sqlite3';
import type {
  CollectionName,
  FeedKind,
  FoodLine,
  InventoryLine,
  ProductLine,
  ReportEntry,
  ReportMessage,
  StoreLine,
} from '@vitrine/shared/core';
import { reported, reportMessage } from '@vitrine/shared/core';

export type StagedCounts = { lines: number; rejected: number; warnings: number };

const SCHEMA = `
  CREATE TABLE product_lines (id TEXT PRIMARY KEY, group_id TEXT NOT NULL, line INTEGER NOT NULL, body TEXT NOT NULL);
  CREATE INDEX product_lines_by_group ON product_lines (group_id, line);
  CREATE TABLE food_lines (id TEXT PRIMARY KEY, line INTEGER NOT NULL, body TEXT NOT NULL);
  -- Inventory lines in columns, not JSON (5M of them): rest holds what a line has beyond a
  -- quantity and an aisle (prices, availability, pickup), as JSON, or NULL (most lines).
  CREATE TABLE inventory_lines (
    store_code TEXT NOT NULL, id TEXT NOT NULL, line INTEGER NOT NULL,
    quantity INTEGER, aisle TEXT, rest TEXT,
    PRIMARY KEY (store_code, id)
  ) WITHOUT ROWID;
  CREATE TABLE store_lines (store_code TEXT PRIMARY KEY, line INTEGER NOT NULL, body TEXT NOT NULL) WITHOUT ROWID;
  CREATE TABLE report (file TEXT NOT NULL, line INTEGER NOT NULL, field TEXT NOT NULL, problem TEXT NOT NULL, action TEXT NOT NULL, message TEXT);
  -- Lines read per file and kind, and how many of them were refused (for the bad-line policy).
  CREATE TABLE files (file TEXT PRIMARY KEY, kind TEXT NOT NULL, lines INTEGER NOT NULL, rejected INTEGER NOT NULL);
  -- The documents the build found changed, in the order they are applied; body NULL withdraws.
  -- base_rev: the revision the build read (NULL: none), to tell a document written meanwhile.
  CREATE TABLE built (seq INTEGER PRIMARY KEY, c TEXT NOT NULL, id TEXT NOT NULL, body TEXT, base_rev INTEGER);
  -- Products whose local prices (store-server local_prices) change: their rows as JSON, '[]' for none.
  CREATE TABLE built_prices (product_id TEXT PRIMARY KEY, rows TEXT NOT NULL) WITHOUT ROWID;
  -- Image URLs of the products built, asked of the image cache when the import applies.
  CREATE TABLE image_urls (url TEXT PRIMARY KEY) WITHOUT ROWID;
`;

type InventoryRow = [
  id: string,
  storeCode: string,
  line: number,
  quantity: number | null,
  aisle: string | null,
  rest: string | null,
];

/** What an inventory line has beyond its keys, quantity and aisle, as JSON (null: nothing). */
function restOf(stock: InventoryLine): string | null {
  const { line, storeCode, id, quantity, aisle, ...rest } = stock;
  void [line, storeCode, id, quantity, aisle];
  for (const key in rest)
    if (rest[key as keyof typeof rest] !== undefined) return JSON.stringify(rest);
  return null;
}

function inventoryLineOf([
  id,
  storeCode,
  line,
  quantity,
  aisle,
  rest,
]: InventoryRow): InventoryLine {
  const stock: InventoryLine =
    rest === null
      ? { line, storeCode, id }
      : { line, storeCode, id, ...(JSON.parse(rest) as object) };
  if (quantity !== null) stock.quantity = quantity;
  if (aisle !== null) stock.aisle = aisle;
  return stock;
}

export type BuiltDoc = {
  seq: number;
  c: CollectionName;
  id: string;
  body: string | null;
  baseRev: number | null;
};

export class Staging {
  private readonly db: Database.Database;
  private readonly insertProduct;
  private readonly insertFood;
  private readonly insertInventory;
  private readonly firstInventoryLine;
  private readonly insertStore;
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
      `INSERT OR IGNORE INTO inventory_lines (store_code, id, line, quantity, aisle, rest)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    this.firstInventoryLine = this.db
      .prepare('SELECT line FROM inventory_lines WHERE store_code = ? AND id = ?')
      .pluck();
    this.insertStore = this.db.prepare(
      'INSERT OR IGNORE INTO store_lines (store_code, line, body) VALUES (?, ?, ?)',
    );
    this.insertEntry = this.db.prepare(
      'INSERT INTO report (file, line, field, problem, action, message) VALUES (?, ?, ?, ?, ?, ?)',
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
      lines: readonly (ProductLine | InventoryLine | FoodLine | StoreLine)[];
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
            stock.quantity ?? null,
            stock.aisle ?? null,
            restOf(stock),
          );
          if (changes === 0) {
            // The readers leave this check here: 5M keys in memory would cost hundreds of MB.
            const first = this.firstInventoryLine.get(stock.storeCode, stock.id) as number;
            entries.push({
              file,
              line: stock.line,
              field: 'id',
              ...reported(reportMessage('inventory_duplicate', { first })),
              action: 'rejected',
            });
            continue;
          }
        } else if (kind === 'stores') {
          const store = line as StoreLine;
          const { changes } = this.insertStore.run(
            store.storeCode,
            store.line,
            JSON.stringify(store),
          );
          if (changes === 0) {
            entries.push({
              file,
              line: store.line,
              field: 'store_code',
              ...reported(reportMessage('store_duplicate', { code: store.storeCode })),
              action: 'rejected',
            });
            continue;
          }
        } else if (kind === 'food') {
          const food = line as FoodLine;
          this.insertFood.run(food.id, food.line, JSON.stringify(food));
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
        this.insertEntry.run(
          entry.file,
          entry.line,
          entry.field,
          entry.problem,
          entry.action,
          entry.message ? JSON.stringify(entry.message) : null,
        );
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
    const rows = this.db
      .prepare(
        'SELECT file, line, field, problem, action, message FROM report ORDER BY file, line, rowid LIMIT ? OFFSET ?',
      )
      .all(limit, offset) as (Omit<ReportEntry, 'message'> & { message: string | null })[];
    return rows.map(({ message, ...entry }) =>
      message === null ? entry : { ...entry, message: JSON.parse(message) as ReportMessage },
    );
  }

  reportSize(): number {
    return this.db.prepare('SELECT COUNT(*) FROM report').pluck().get() as number;
  }

  /** Product groups after `afterGroup` in id order, at most `limit`, each with its lines in feed order. */
  groupsAfter(afterGroup: string, limit: number): { groupId: string; lines: ProductLine[] }[] {
    const rows = this.db
      .prepare(
        `SELECT group_id AS groupId, body FROM product_lines
         WHERE group_id > ? AND group_id <= (
           SELECT MAX(group_id) FROM (SELECT DISTINCT group_id FROM product_lines WHERE group_id > ? ORDER BY group_id LIMIT ?))
         ORDER BY group_id, line`,
      )
      .all(afterGroup, afterGroup, limit) as { groupId: string; body: string }[];
    const groups: { groupId: string; lines: ProductLine[] }[] = [];
    for (const row of rows) {
      if (groups.at(-1)?.groupId !== row.groupId) groups.push({ groupId: row.groupId, lines: [] });
      groups.at(-1)!.lines.push(JSON.parse(row.body) as ProductLine);
    }
    return groups;
  }

  /** The group a product line's id belongs to, if the feed has that line. */
  groupOf(feedId: string): string | undefined {
    return this.db
      .prepare('SELECT group_id FROM product_lines WHERE id = ?')
      .pluck()
      .get(feedId) as string | undefined;
  }

  hasGroup(groupId: string): boolean {
    return (
      this.db.prepare('SELECT 1 FROM product_lines WHERE group_id = ? LIMIT 1').get(groupId) !==
      undefined
    );
  }

  private foodCount: number | undefined;
  /** Food lines naming any of these ids (a product or its items), in feed order. */
  foodFor(ids: readonly string[]): FoodLine[] {
    this.foodCount ??= this.db.prepare('SELECT COUNT(*) FROM food_lines').pluck().get() as number;
    if (this.foodCount === 0 || ids.length === 0) return [];
    this.foodByIds ??= this.db
      .prepare(
        'SELECT body FROM food_lines WHERE id IN (SELECT value FROM json_each(?)) ORDER BY line',
      )
      .pluck();
    return (this.foodByIds.all(JSON.stringify(ids)) as string[]).map(
      (body) => JSON.parse(body) as FoodLine,
    );
  }
  private foodByIds: Database.Statement | undefined;
  private inventoryByIds: Database.Statement | undefined;

  /** Inventory lines of these item ids, in every store, in feed order (one query for many products). */
  inventoryFor(ids: readonly string[]): InventoryLine[] {
    if (ids.length === 0) return [];
    this.indexInventory();
    this.inventoryByIds ??= this.db
      .prepare(
        `SELECT id, store_code, line, quantity, aisle, rest FROM inventory_lines
         WHERE id IN (SELECT value FROM json_each(?)) ORDER BY line`,
      )
      .raw();
    return (this.inventoryByIds.all(JSON.stringify(ids)) as InventoryRow[]).map(inventoryLineOf);
  }

  /** Item ids of the inventory after `afterId`, in order, at most `limit`, each with its first line. */
  inventoryIdsAfter(afterId: string, limit: number): { id: string; line: number }[] {
    this.indexInventory();
    return this.db
      .prepare(
        'SELECT id, MIN(line) AS line FROM inventory_lines WHERE id > ? GROUP BY id ORDER BY id LIMIT ?',
      )
      .all(afterId, limit) as { id: string; line: number }[];
  }

  /** The stores file's lines, in store code order. */
  stores(): StoreLine[] {
    return (
      this.db.prepare('SELECT body FROM store_lines ORDER BY store_code').pluck().all() as string[]
    ).map((body) => JSON.parse(body) as StoreLine);
  }

  /** Every store code the inventory names. */
  inventoryStores(): string[] {
    return this.db
      .prepare('SELECT DISTINCT store_code FROM inventory_lines ORDER BY store_code')
      .pluck()
      .all() as string[];
  }

  private inventoryIndexed = false;
  /** Built once staging is over: keeping it while 5M lines go in would slow every insert. */
  private indexInventory(): void {
    if (this.inventoryIndexed) return;
    this.db.exec('CREATE INDEX IF NOT EXISTS inventory_lines_by_id ON inventory_lines (id)');
    this.inventoryIndexed = true;
  }

  /** Entries the build adds (a line refused late, a document that could not be made). */
  addEntries(entries: readonly ReportEntry[]): void {
    if (entries.length === 0) return;
    this.db.transaction(() => {
      for (const entry of entries) {
        this.insertEntry.run(
          entry.file,
          entry.line,
          entry.field,
          entry.problem,
          entry.action,
          entry.message ? JSON.stringify(entry.message) : null,
        );
      }
      const rejected = new Map<string, Set<number>>();
      for (const entry of entries) {
        if (entry.action !== 'rejected') continue;
        rejected.set(entry.file, (rejected.get(entry.file) ?? new Set()).add(entry.line));
      }
      for (const [file, lines] of rejected) {
        this.db
          .prepare('UPDATE files SET rejected = MIN(lines, rejected + ?) WHERE file = ?')
          .run(lines.size, file);
      }
    })();
  }

  /** Documents found changed, in apply order. */
  addBuilt(
    docs: readonly Omit<BuiltDoc, 'seq'>[],
    imageUrls: readonly string[] = [],
    prices: readonly { productId: string; rows: string }[] = [],
  ): void {
    this.db.transaction(() => {
      const price = this.db.prepare(
        'INSERT OR REPLACE INTO built_prices (product_id, rows) VALUES (?, ?)',
      );
      for (const each of prices) price.run(each.productId, each.rows);
      const insert = this.db.prepare(
        'INSERT INTO built (c, id, body, base_rev) VALUES (?, ?, ?, ?)',
      );
      for (const doc of docs) insert.run(doc.c, doc.id, doc.body, doc.baseRev);
      const image = this.db.prepare('INSERT OR IGNORE INTO image_urls (url) VALUES (?)');
      for (const url of imageUrls) image.run(url);
    })();
  }

  builtAfter(seq: number, limit: number): BuiltDoc[] {
    return this.db
      .prepare(
        'SELECT seq, c, id, body, base_rev AS baseRev FROM built WHERE seq > ? ORDER BY seq LIMIT ?',
      )
      .all(seq, limit) as BuiltDoc[];
  }

  builtCounts(): { c: CollectionName; written: number; withdrawn: number }[] {
    return this.db
      .prepare(
        `SELECT c, SUM(body IS NOT NULL) AS written, SUM(body IS NULL) AS withdrawn
         FROM built GROUP BY c ORDER BY c`,
      )
      .all() as { c: CollectionName; written: number; withdrawn: number }[];
  }

  /** Products whose local prices change, after `productId` in id order. */
  pricesAfter(productId: string, limit: number): { productId: string; rows: string }[] {
    return this.db
      .prepare(
        'SELECT product_id AS productId, rows FROM built_prices WHERE product_id > ? ORDER BY product_id LIMIT ?',
      )
      .all(productId, limit) as { productId: string; rows: string }[];
  }

  imageUrlsAfter(url: string, limit: number): string[] {
    return this.db
      .prepare('SELECT url FROM image_urls WHERE url > ? ORDER BY url LIMIT ?')
      .pluck()
      .all(url, limit) as string[];
  }

  close(): void {
    this.db.close();
  }
}
