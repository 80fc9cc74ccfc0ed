// The demo store's signage shows something at once: a head-office campaign of
// the promoted products (live price and stock on each screen) with a ticker of
// the promotions running (read live by each screen, so ended ones drop out),
// drafted, submitted and approved (so signed) like any other campaign. Each
// promotion shows a product this store has in stock: a screen promoting what
// the shopper cannot buy here only sends them away.
import type { Product, ProductStock, Promotion } from '@vitrine/shared/core';
import type { CampaignService } from '../campaigns/campaign-service';
import type { DocStore } from '../sync/doc-store';

const DEMO_CAMPAIGN_ID = 'demo-promotions';
const MAX_PRODUCTS = 8;

/**
 * `generatedOn` is the day the demo was generated (YYYY-MM-DD, UTC); the
 * campaign starts the day before, so it plays at once in any store time zone.
 */
export async function seedDemoCampaign(
  campaigns: CampaignService,
  docs: DocStore,
  storeId: string,
  generatedOn: string,
): Promise<void> {
  const startDate = new Date(Date.parse(`${generatedOn}T00:00:00Z`) - 86_400_000)
    .toISOString()
    .slice(0, 10);
  // Resumable: a start killed between drafting and approving finishes the
  // job next time. Once published (or withdrawn), it is head office's campaign.
  const existing = campaigns.get(DEMO_CAMPAIGN_ID);
  if (existing && existing.liveRevision !== null) return;
  if (existing?.status === 'withdrawn') return;
  const inStockHere = (id: string) =>
    Object.values(
      docs.get<ProductStock>('stock', id)?.levels.find((level) => level.locationId === storeId)
        ?.quantities ?? {},
    ).some((units) => units > 0);
  const productIds = docs
    .all<Promotion>('promotions')
    .map((promotion) =>
      promotion.productIds.find(
        (id) => docs.get<Product>('products', id) !== undefined && inStockHere(id),
      ),
    )
    .filter((id): id is string => id !== undefined)
    .slice(0, MAX_PRODUCTS);
  if (productIds.length === 0) return;
  if (!existing) draftDemoCampaign(campaigns, productIds, startDate);
  if (campaigns.get(DEMO_CAMPAIGN_ID)?.status === 'draft')
    campaigns.submit(DEMO_CAMPAIGN_ID, 'editor');
  await campaigns.approve(DEMO_CAMPAIGN_ID, 'publisher');
}

function draftDemoCampaign(
  campaigns: CampaignService,
  productIds: readonly string[],
  startDate: string,
): void {
  campaigns.saveDraft(
    {
      id: DEMO_CAMPAIGN_ID,
      name: 'Promotions du moment',
      layout: {
        id: 'promo-ticker',
        zones: [
          { id: 'main', x: 0, y: 0, width: 100, height: 85, playlistId: 'products' },
          { id: 'ticker', x: 0, y: 85, width: 100, height: 15, playlistId: 'ticker' },
        ],
      },
      playlists: [
        {
          id: 'products',
          items: productIds.map((productId, index) => ({
            id: `product-${index + 1}`,
            kind: 'product',
            durationMs: 8_000,
            productId,
          })),
        },
        {
          id: 'ticker',
          items: [
            {
              id: 'promotions',
              kind: 'ticker',
              durationMs: 16_000,
              text: { fr: 'Promotions du moment', en: 'Current offers' },
              promotions: true,
            },
          ],
        },
      ],
      targeting: { stores: [], regions: [], groups: [], tags: [] },
      schedule: { startDate, weekdays: [1, 2, 3, 4, 5, 6, 7], dayParts: [] },
      priority: 1,
      shareOfVoice: 1,
      emergency: false,
    },
    'editor',
  );
}
