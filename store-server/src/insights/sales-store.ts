// The till's receipts, kept by receipt id: sent twice, stored once; sent
// again with other figures (a correction), the later stands. Times without an offset are the
// store's wall clock; a time in the future or more than 400 days old is a
// wrong clock and refused. A receipt that changed marks its day for head
// office's figures (figures-out.ts).
import { parse } from 'csv-parse/sync';
import {
  epochOfLocal,
  parsePrice,
  type SaleLine,
  type SaleReceipt,
  type SalesImportResult,
  type StoredSale,
} from '@vitrine/shared/core';
import type { Db } from '../db/database';
import type { DirtyDays } from './figures-out';

const AHEAD_MS = 10 * 60_000;
const OLDEST_MS = 400 * 86_400_000;
const MAX_REFUSALS_LISTED = 100;

type Refusal = { row: number; reason: string };

export class SalesStore {
  constructor(
    private readonly db: Db,
    private readonly dirty: DirtyDays,
    private readonly currency: string,
    private readonly timeZone: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** The instant a receipt's time names: its offset, or the store's wall clock. */
  private instantOf(at: string): number {
    const [date, time] = at.replace(' ', 'T').split('T') as [string, string];
    if (/(Z|[+-]\d{2}:?\d{2})$/.test(time)) return Date.parse(at.replace(' ', 'T'));
    return epochOfLocal(date, time, this.timeZone);
  }

  store(
    receipts: readonly SaleReceipt[],
    source: 'api' | 'csv',
    rows?: number[],
  ): SalesImportResult {
    const receivedAt = new Date(this.now()).toISOString();
    const refused: Refusal[] = [];
    let stored = 0;
    let unchanged = 0;
    const upsert = this.db.prepare(
      `INSERT INTO sales_receipts (id, at, total, currency, lines, source, received_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET at = excluded.at, total = excluded.total,
         currency = excluded.currency, lines = excluded.lines, received_at = excluded.received_at
       WHERE (at, total, currency, lines) IS NOT (excluded.at, excluded.total, excluded.currency, excluded.lines)`,
    );
    this.db.transaction(() => {
      receipts.forEach((receipt, index) => {
        const row = rows?.[index] ?? index + 1;
        let instant: number;
        try {
          instant = this.instantOf(receipt.at);
        } catch (error) {
          refused.push({ row, reason: (error as Error).message });
          return;
        }
        if (instant > this.now() + AHEAD_MS || instant < this.now() - OLDEST_MS) {
          refused.push({
            row,
            reason: `receipt ${receipt.id}: ${receipt.at} is not a time the till could have sold at`,
          });
          return;
        }
        const sale: StoredSale = {
          ...receipt,
          at: new Date(instant).toISOString(),
          currency: receipt.currency ?? this.currency,
        };
        const result = upsert.run(
          sale.id,
          sale.at,
          sale.total,
          sale.currency,
          sale.lines ? JSON.stringify(sale.lines) : null,
          source,
          receivedAt,
        );
        if (result.changes === 0) {
          unchanged++;
          return;
        }
        stored++;
        this.dirty.touch(sale.at);
      });
    })();
    return {
      stored,
      unchanged,
      refused: refused.slice(0, MAX_REFUSALS_LISTED),
      refusedCount: refused.length,
    };
  }

  /**
   * A till's CSV export (docs/insights.md): one line of a receipt per row, columns receipt,
   * at, total, currency, product, quantity, amount (comma or semicolon). A receipt's total
   * is its `total` when given, else the sum of its lines' amounts.
   */
  importCsv(text: string): SalesImportResult {
    const header = text.split(/\r?\n/, 1)[0] ?? '';
    const delimiter =
      (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ';' : ',';
    let records: Record<string, string>[];
    try {
      records = parse(text, {
        delimiter,
        columns: (names: string[]) => names.map((name) => name.trim().toLowerCase()),
        bom: true,
        trim: true,
        skip_empty_lines: true,
        relax_column_count: true,
      });
    } catch (error) {
      return {
        stored: 0,
        unchanged: 0,
        refused: [{ row: 0, reason: (error as Error).message }],
        refusedCount: 1,
      };
    }
    const refused: Refusal[] = [];
    const missing = ['receipt', 'at'].filter(
      (column) => records.length > 0 && !(column in records[0]!),
    );
    if (missing.length > 0)
      return {
        stored: 0,
        unchanged: 0,
        refused: [{ row: 1, reason: `the header has no ${missing.join(' or ')} column` }],
        refusedCount: 1,
      };
    const receipts = new Map<
      string,
      { row: number; receipt: SaleReceipt; total?: number; lines: SaleLine[] }
    >();
    records.forEach((record, index) => {
      const row = index + 2;
      const id = record.receipt ?? '';
      const at = record.at ?? '';
      if (!id || !at) return refused.push({ row, reason: 'a row without a receipt or a time' });
      const currency = (record.currency || this.currency).toUpperCase();
      const money = (text: string) => {
        const negative = text.trim().startsWith('-');
        const price = parsePrice(text.trim().replace(/^-/, ''), currency);
        if (!price.ok) throw new Error(price.error);
        return negative ? -price.value.minor : price.value.minor;
      };
      try {
        const entry = receipts.get(id) ?? {
          row,
          receipt: { id, at: at.replace(' ', 'T'), total: 0, currency },
          lines: [],
        };
        if (record.total) entry.total = money(record.total);
        if (record.product) {
          const quantity = Number(record.quantity || '1');
          if (!Number.isInteger(quantity))
            throw new Error(`quantity "${record.quantity}" is not whole`);
          entry.lines.push({
            product: record.product,
            quantity,
            amount: record.amount ? money(record.amount) : 0,
          });
        }
        receipts.set(id, entry);
      } catch (error) {
        refused.push({ row, reason: (error as Error).message });
      }
    });
    const list = [...receipts.values()].map((entry) => ({
      ...entry.receipt,
      total: entry.total ?? entry.lines.reduce((sum, line) => sum + line.amount, 0),
      ...(entry.lines.length > 0 && { lines: entry.lines.slice(0, 500) }),
    }));
    const result = this.store(
      list,
      'csv',
      [...receipts.values()].map((entry) => entry.row),
    );
    const all = [...refused, ...result.refused];
    return {
      ...result,
      refused: all.slice(0, MAX_REFUSALS_LISTED),
      refusedCount: refused.length + result.refusedCount,
    };
  }
}
