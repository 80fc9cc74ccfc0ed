// The perks members can redeem at the till. Expiry dates count from `now`;
// one perk has just expired, so the till's optimiser has one to refuse.
import { must } from './random';
import type { LoyaltyTier, Perk } from './server-schemas';
import { pair, rows } from './words-fr-en';

const DAY_MS = 86_400_000;

// id | tier | kind | value (%, cents or ×) | category | min spend € | stackable | expires in days | label
const PERKS = `
  welcome-10 | bronze | percent | 10 | | 0 | no | 365 | -10 % sur votre premier achat = 10% off your first purchase
  birthday-15 | bronze | percent | 15 | | 30 | no | 30 | -15 % pour votre anniversaire = 15% off for your birthday
  fine-food-double-points | bronze | points-multiplier | 2 | food | 20 | yes | 14 | Points doublés en épicerie fine = Double points on fine food
  fashion-5-off | bronze | amount | 500 | fashion | 50 | yes | 60 | 5 € offerts dès 50 € en mode = €5 off fashion when you spend €50
  summer-fashion-10 | bronze | percent | 10 | fashion | 40 | no | -3 | -10 % sur la mode d’été = 10% off summer fashion
  silver-fashion-10 | silver | percent | 10 | fashion | 0 | no | 90 | -10 % sur toute la mode = 10% off all fashion
  silver-cellar-15 | silver | percent | 15 | food | 60 | no | 45 | -15 % en épicerie fine et cave dès 60 € = 15% off fine food and wine from €60
  silver-tech-triple-points | silver | points-multiplier | 3 | electronics | 100 | yes | 30 | Points triplés en high-tech dès 100 € = Triple points on electronics from €100
  silver-20-off | silver | amount | 2000 | | 150 | yes | 60 | 20 € offerts dès 150 € d’achat = €20 off when you spend €150
  silver-free-alterations | silver | amount | 1500 | fashion | 80 | yes | 120 | Retouches offertes (15 €) dès 80 € = Free alterations (€15) from €80
  gold-15 | gold | percent | 15 | | 0 | no | 365 | -15 % toute l’année = 15% off all year
  gold-tech-50 | gold | amount | 5000 | electronics | 400 | yes | 90 | 50 € offerts dès 400 € en high-tech = €50 off electronics from €400
  gold-double-points | gold | points-multiplier | 2 | | 0 | yes | 180 | Points doublés sur tout le magasin = Double points storewide
  gold-private-sale | gold | percent | 25 | fashion | 0 | no | 7 | Vente privée : -25 % sur la mode = Private sale: 25% off fashion
  gold-champagne-20 | gold | percent | 20 | wine | 100 | no | 21 | -20 % sur la cave dès 100 € = 20% off the wine cellar from €100
  gold-10-off-tech | gold | amount | 1000 | electronics | 50 | yes | 30 | 10 € offerts sur les accessoires high-tech = €10 off electronics accessories
`;

export function generatePerks(now: Date): Perk[] {
  return rows(PERKS).map(([id, tier, kind, value, category, minSpend, stackable, days, label]) => {
    const perk: Perk = {
      id: must(id, 'perk id'),
      label: pair(must(label, 'perk label')),
      kind: must(kind, 'perk kind') as Perk['kind'],
      value: Number(value),
      minSpendCents: Number(minSpend) * 100,
      stackable: stackable === 'yes',
      expiresAt: new Date(now.getTime() + Number(days) * DAY_MS).toISOString(),
      tier: must(tier, 'perk tier') as LoyaltyTier,
    };
    if (category) perk.category = category;
    return perk;
  });
}
