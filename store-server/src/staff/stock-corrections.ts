// Stock corrections from the staff console (staff and manager sessions, not
// only the admin token): the counted quantity replaces the synced one on
// every screen, and an audit row says who changed what, when and why. Staff
// correct their own store; a manager may also correct the other locations
// (online, other stores) this server keeps.
import { randomUUID } from 'node:crypto';
import {
  unitsOfVariant,
  type StaffUser,
  type StockCorrection,
  type StockCorrectionRequest,
} from '@vitrine/shared/core';
import type { CatalogueStore } from '../catalogue/catalogue-store';
import type { Db } from '../db/database';
import { HttpError } from '@vitrine/shared/node';

type Row = {
  id: string;
  product_id: string;
  variant_id: string | null;
  gtin: string | null;
  location_id: string;
  before: number;
  after: number;
  reason: StockCorrection['reason'];
  note: string | null;
  user_id: string;
  at: string;
};

const toCorrection = (row: Row): StockCorrection => ({
  id: row.id,
  productId: row.product_id,
  variantId: row.variant_id,
  gtin: row.gtin,
  locationId: row.location_id,
  before: row.before,
  after: row.after,
  reason: row.reason,
  note: row.note,
  userId: row.user_id,
  at: row.at,
});

/** Corrections and their audit: staff correct their own store, a manager any location. */
export function stockCorrections(db: Db, catalogue: CatalogueStore, storeId: string) {
  const insert = db.prepare(
    `INSERT INTO stock_corrections (id, product_id, variant_id, gtin, location_id, before, after, reason, note, user_id, at)
     VALUES (@id, @product_id, @variant_id, @gtin, @location_id, @before, @after, @reason, @note, @user_id, @at)`,
  );
  const recent = db.prepare(
    'SELECT * FROM stock_corrections WHERE product_id = ? ORDER BY at DESC LIMIT 20',
  );
  return {
    correct(body: StockCorrectionRequest, user: StaffUser) {
      const mayCorrectElsewhere = user.roles.some((role) => role === 'manager' || role === 'admin');
      if (body.locationId !== storeId && !mayCorrectElsewhere) {
        throw new HttpError(
          403,
          'forbidden',
          `staff correct their own store's stock (${storeId}); other locations need a manager`,
        );
      }
      if (!catalogue.hasLocation(body.locationId))
        throw new HttpError(404, 'unknown_location', `no location ${body.locationId}`);
      const variant = catalogue.variantOf(body.productId, body);
      if (!variant)
        throw new HttpError(
          404,
          'unknown_product',
          `no product ${body.productId} with item ${body.variantId}`,
        );
      const row: Row = db.transaction(() => {
        const level = catalogue
          .stockOf(body.productId)
          ?.levels.find((entry) => entry.locationId === body.locationId);
        const audit: Row = {
          id: randomUUID(),
          product_id: body.productId,
          variant_id: variant.id,
          gtin: variant.gtin ?? null,
          location_id: body.locationId,
          before: level ? unitsOfVariant(level.quantities, variant.id) : 0,
          after: body.quantity,
          reason: body.reason,
          note: body.note || null,
          user_id: user.id,
          at: new Date().toISOString(),
        };
        catalogue.setStock(body.productId, body.locationId, variant.id, body.quantity);
        insert.run(audit);
        return audit;
      })();
      return { correction: toCorrection(row), stock: catalogue.stockOf(body.productId) ?? null };
    },
    recent: (productId: string) => (recent.all(productId) as Row[]).map(toCorrection),
  };
}
