// Products and stock: a device looks a code up; staff check stock across
// stores, correct it (with an audit row), change a price, and approve a new
// screen's pairing code from the staff desk.
import { z } from 'zod';
import { DeviceRole } from '../../device-api';
import {
  Gtin14,
  Location,
  NeighbourStatus,
  Product,
  ProductStock,
  StockLevel,
  VariantId,
} from '../../catalogue';
import { PriceCorrection, StockCorrection, StockCorrectionRequest } from '../../stock-correction';
import { admin, deviceOrAdmin, route, staff } from '../route';
import { idParam } from './ids';

/** The item is named by its variant id or, for stock systems that only know barcodes, its GTIN. */
export const StockChange = z
  .object({
    locationId: z.string().min(1).max(64),
    variantId: VariantId.optional(),
    gtin: Gtin14.optional(),
    quantity: z.number().int().min(0).max(1_000_000),
    aisle: z.string().max(40).optional(),
  })
  .refine((change) => (change.variantId === undefined) !== (change.gtin === undefined), {
    message: 'name the item by variantId or by gtin (one of them)',
    path: ['variantId'],
  });
/** In minor units, like every price: 0 to 1,000,000.00. Audited (who, when, before, after, why). */
export const PriceChange = z.object({
  priceCents: z.number().int().min(0).max(100_000_000),
  /** One item; absent: every item sold at the product's price. */
  variantId: VariantId.optional(),
  note: z.string().trim().max(200).optional(),
});

/** A store's own price for an item where it is not this store's (local inventory feed). */
export const StorePrice = z.object({
  locationId: z.string(),
  variantId: z.string(),
  priceCents: z.number().int().nonnegative(),
  /** What it costs there now, when a sale runs. */
  nowCents: z.number().int().nonnegative(),
});
export type StorePrice = z.infer<typeof StorePrice>;

/** A stock check's answer: the products found, with every location's levels. */
export const StockCheck = z.object({
  storeId: z.string(),
  locations: z.array(Location),
  /** A chain store's neighbours with their last stock confirmation: their figures age (neighbourFigure). */
  neighbours: z.array(NeighbourStatus).optional(),
  results: z.array(
    z.object({
      product: Product.pick({
        id: true,
        gtin: true,
        name: true,
        brand: true,
        department: true,
        priceCents: true,
        sale: true,
        variants: true,
      }),
      levels: z.array(StockLevel),
      /** Other stores' prices where they differ from this store's (none: the same everywhere). */
      storePrices: z.array(StorePrice),
    }),
  ),
});
export type StockCheck = z.infer<typeof StockCheck>;

export const PendingDevice = z.object({
  id: z.string(),
  role: DeviceRole,
  name: z.string(),
  pairingCode: z.string().nullable(),
});
export type PendingDevice = z.infer<typeof PendingDevice>;

const product = idParam('product');
const desk = staff('staff');

export const stockRoutes = {
  byCode: route({
    method: 'GET',
    path: '/products/by-code/:code',
    summary: 'The product with this GTIN or code, and its stock',
    auth: deviceOrAdmin,
    params: z.object({ code: z.string().min(1).max(100) }),
    response: z.object({ product: Product, stock: ProductStock.nullable() }),
  }),
  setStock: route({
    method: 'PUT',
    path: '/products/:id/stock',
    summary: "Sets one location's quantity of one variant (the store's stock system, admin token)",
    auth: admin,
    params: product,
    body: StockChange,
    response: ProductStock,
  }),
  setPrice: route({
    method: 'PUT',
    path: '/products/:id/price',
    summary: 'Changes a price without a campaign: every screen re-renders it',
    auth: staff('manager', 'publisher'),
    params: product,
    body: PriceChange,
    response: z.object({
      id: z.string(),
      priceCents: z.number(),
      correction: PriceCorrection,
    }),
  }),
  priceCorrections: route({
    method: 'GET',
    path: '/staff/price-corrections',
    summary: "A product's latest 20 price corrections, and the imports that set its price again",
    auth: staff('manager', 'publisher'),
    query: z.object({ productId: z.string().min(1).max(64) }),
    response: z.object({ corrections: z.array(PriceCorrection) }),
  }),
  check: route({
    method: 'GET',
    path: '/staff/stock',
    summary: 'Stock across stores by code or name (words in any order)',
    auth: desk,
    query: z.object({ q: z.string().trim().min(2).max(80) }),
    response: StockCheck,
  }),
  correct: route({
    method: 'POST',
    path: '/staff/stock/corrections',
    summary: 'Replaces a counted quantity (staff: their store; managers: any location), audited',
    auth: staff('staff', 'manager'),
    body: StockCorrectionRequest,
    response: z.object({ correction: StockCorrection, stock: ProductStock.nullable() }),
    status: 201,
  }),
  corrections: route({
    method: 'GET',
    path: '/staff/stock/corrections',
    summary: "A product's latest 20 corrections",
    auth: staff('staff', 'manager'),
    query: z.object({ productId: z.string().min(1).max(64) }),
    response: z.object({ corrections: z.array(StockCorrection) }),
  }),
  pendingDevices: route({
    method: 'GET',
    path: '/staff/devices/pending',
    summary: 'Screens waiting for staff to approve their pairing code',
    auth: desk,
    response: z.object({ devices: z.array(PendingDevice) }),
  }),
  approveDevice: route({
    method: 'POST',
    path: '/staff/devices/approve',
    summary: 'Approves the screen showing this pairing code (staff session)',
    auth: desk,
    body: z.object({ pairingCode: z.string().regex(/^\d{6}$/, 'a 6-digit pairing code') }),
    response: z.object({
      id: z.string(),
      role: DeviceRole,
      name: z.string(),
      status: z.enum(['pending', 'active', 'revoked']),
      approvedBy: z.string(),
    }),
  }),
} as const;
