// The products the store's campaigns show (their product cards), by the codes a till names them
// with: the product's id and each of its GTINs → the product's id. Read from the campaigns the
// store holds (its own and head office's, withdrawn ones excluded) and the catalogue.
import { Campaign, normalizeGtin, parseJson } from '@vitrine/shared/core';
import type { Db } from '../db/database';

/** Product ids a campaign's playlists show as cards. */
export function productsOf(campaign: Campaign): string[] {
  return [
    ...new Set(
      campaign.playlists.flatMap((playlist) =>
        playlist.items.flatMap((item) => (item.kind === 'product' ? [item.productId] : [])),
      ),
    ),
  ];
}

/** The store's campaigns, as held (signed envelopes' payloads), withdrawals left out. */
export function heldCampaigns(db: Db): Campaign[] {
  const bodies = db
    .prepare(`SELECT body FROM sync_docs WHERE collection = 'campaigns' AND deleted = 0`)
    .pluck()
    .all() as string[];
  return bodies.flatMap((body) => {
    const payload = (JSON.parse(body) as { payload?: unknown }).payload;
    if (typeof payload !== 'string') return [];
    const campaign = parseJson(Campaign, payload);
    return campaign.ok ? [campaign.value] : [];
  });
}

/** The product a till's code names, among the promoted: an id, or a GTIN in any of its lengths. */
export function promotedProductOf(
  codes: ReadonlyMap<string, string>,
  code: string,
): string | undefined {
  return codes.get(code) ?? codes.get(normalizeGtin(code) ?? '');
}

/** Every code (id, GTIN-14) of a product a held campaign shows → that product's id. */
export function promotedProducts(db: Db): Map<string, string> {
  const ids = new Set(heldCampaigns(db).flatMap(productsOf));
  const codes = new Map<string, string>();
  const gtins = db.prepare(
    `SELECT json_extract(v.value, '$.gtin') FROM sync_docs d, json_each(d.body, '$.variants') v
      WHERE d.collection = 'products' AND d.id = ? AND d.deleted = 0
     UNION SELECT json_extract(body, '$.gtin') FROM sync_docs
      WHERE collection = 'products' AND id = ? AND deleted = 0`,
  );
  for (const id of ids) {
    codes.set(id, id);
    for (const gtin of gtins.pluck().all(id, id) as (string | null)[])
      if (gtin) codes.set(gtin, id);
  }
  return codes;
}
