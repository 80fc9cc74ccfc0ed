// The store's campaigns and what they did for the products they show: each window's figures are
// the sums of the store's own days (dayFigures), as head office sums the days the store sent
// it, so both show the same. Campaigns that showed no product are left out; days are computed
// once per request.
import { impactWindows, type CampaignImpact, type DayFigures } from '@vitrine/shared/core';
import { addDays } from '@vitrine/shared/core';
import type { Db } from '../db/database';
import { dayFigures } from './day-figures';
import { heldCampaigns, productsOf } from './promoted-products';

/** Campaigns whose windows ended longer ago than this are not shown. */
const SHOWN_DAYS = 90;

export function campaignImpacts(
  db: Db,
  options: { storeId: string; timeZone: string; currency: string; today: string },
): CampaignImpact[] {
  const days = new Map<string, DayFigures>();
  const dayOf = (date: string) => {
    let figures = days.get(date);
    if (!figures) {
      figures = dayFigures(db, { ...options, date });
      days.set(date, figures);
    }
    return figures;
  };
  const oldest = addDays(options.today, -SHOWN_DAYS);
  return heldCampaigns(db)
    .map((campaign) => ({ campaign, products: productsOf(campaign) }))
    .filter(
      ({ campaign, products }) =>
        products.length > 0 && (campaign.schedule.endDate ?? options.today) >= oldest,
    )
    .sort((a, b) => b.campaign.schedule.startDate.localeCompare(a.campaign.schedule.startDate))
    .map(({ campaign, products }) => ({
      campaignId: campaign.id,
      name: campaign.name,
      startDate: campaign.schedule.startDate,
      endDate: campaign.schedule.endDate ?? null,
      products,
      windows: impactWindows(campaign.schedule, options.today).map((window) => {
        const sums = { days: 0, visitors: 0, plays: 0, units: 0, revenue: 0 };
        for (let date = window.from; date <= window.to; date = addDays(date, 1)) {
          const figures = dayOf(date);
          sums.days++;
          sums.visitors += figures.totals.visitors;
          sums.plays += figures.campaigns.find((c) => c.campaignId === campaign.id)?.plays ?? 0;
          for (const sold of figures.promoted)
            if (products.includes(sold.productId)) {
              sums.units += sold.units;
              sums.revenue += sold.revenue;
            }
        }
        return { ...window, ...sums };
      }),
    }));
}
