// What the demo store holds, read the way a screen reads it: the demo kiosk's
// credential, then the sync feed page by page. Tests pick their products here.
import {
  apiRoutes,
  hasVariantChoice,
  callRoute,
  variantAxes,
  type Look,
  type Product,
  type ProductStock,
  type Promotion,
} from '@vitrine/shared/core';

export type DemoCatalogue = {
  storeId: string;
  productInStockHere: { gtin: string; aisle: string };
  /** A garment's variant GTIN, in two sizes or more, whose look has another piece in stock here. */
  garmentInLook: string;
  currentPromotionIds: string[];
  /** One product per category with stock here (a variant's GTIN where it has sizes). */
  scanByCategory: Record<string, string>;
};

async function pullAll(base: string, authorization: string) {
  const docs = new Map<string, unknown>();
  for (let since = 0; ;) {
    const page = await callRoute(
      { baseUrl: base, authorization: () => authorization },
      apiRoutes.sync.pull,
      { query: { since } },
    );
    for (const doc of page.docs) docs.set(`${doc.c}/${doc.id}`, doc.body);
    if (page.until >= page.head || page.docs.length === 0) return docs;
    since = page.until;
  }
}

export async function demoCatalogue(base: string): Promise<DemoCatalogue> {
  const credential = await callRoute({ baseUrl: base }, apiRoutes.devices.demoCredential, {
    query: { app: 'kiosk' },
  });
  const { storeId } = credential;
  const docs = await pullAll(base, `Bearer ${credential.deviceId}.${credential.secret}`);
  const of = <T>(collection: string) =>
    [...docs.entries()]
      .filter(([key]) => key.startsWith(`${collection}/`))
      .map(([, body]) => body as T);
  const stock = new Map(of<ProductStock>('stock').map((s) => [s.id, s]));
  const here = (id: string) => stock.get(id)?.levels.find((level) => level.locationId === storeId);
  const unitsHere = (id: string) =>
    Object.values(here(id)?.quantities ?? {}).reduce((sum, units) => sum + units, 0);
  const products = of<Product>('products');

  const simple = products.find(
    (p) => !hasVariantChoice(p) && unitsHere(p.id) > 0 && here(p.id)?.aisle,
  );
  if (!simple) throw new Error(`no product in stock with an aisle in ${storeId}`);
  const looks = of<Look>('looks');
  // Two sizes at least: the mirror's pictures and tests ask for another size.
  const garment = products.find(
    (p) =>
      variantAxes(p).sizes.length > 1 &&
      looks.some(
        (look) =>
          look.productIds.includes(p.id) &&
          look.productIds.some((other) => other !== p.id && unitsHere(other) > 0),
      ),
  );
  if (!garment?.variants[0]) throw new Error(`no garment with a look in stock in ${storeId}`);
  const now = new Date().toISOString();
  const current = of<Promotion>('promotions').filter((p) => p.startsAt <= now && now < p.endsAt);
  const scanByCategory: Record<string, string> = {};
  for (const product of products) {
    if (scanByCategory[product.department] || unitsHere(product.id) === 0) continue;
    scanByCategory[product.department] = product.variants[0]?.gtin ?? product.gtin ?? '';
  }
  return {
    storeId,
    scanByCategory,
    productInStockHere: { gtin: simple.gtin ?? '', aisle: here(simple.id)?.aisle ?? '' },
    garmentInLook: garment.variants[0].gtin ?? '',
    currentPromotionIds: current.map((p) => p.id),
  };
}
