// A store whose prices are in Swiss francs: the loyalty desk's reasons for each
// perk speak of francs, in French and in English, never of euros.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, apiRoutes } from '@vitrine/shared/core';
import type { StoreServer } from '@vitrine/store-server/server';
import { startTestServer } from '../support/test-server';
import { memberCard, productCodes, signIn } from './staff-helpers';

let server: StoreServer;
beforeAll(async () => {
  server = await startTestServer({ currency: 'CHF' });
});
afterAll(async () => {
  await server?.close();
});

describe('loyalty explanations in a CHF store', () => {
  it('gives the worth of each chosen perk in CHF', async () => {
    const token = await signIn(server, 'staff');
    const client = apiClient(apiRoutes, {
      baseUrl: server.url,
      authorization: () => `Bearer ${token}`,
    });
    const basket = [
      ...productCodes(server, 'fashion', 2, 40).map((code) => ({ code, quantity: 1 })),
      ...productCodes(server, 'electronics', 1, 450).map((code) => ({ code, quantity: 1 })),
    ];
    const answer = await client.loyalty.optimise({
      body: { cardCode: memberCard(server, 'gold'), basket },
    });
    expect(answer.value.discountCents).toBeGreaterThan(0);
    const chosen = answer.explanations.filter((explanation) => explanation.chosen);
    expect(chosen.length).toBeGreaterThan(0);
    // Each chosen perk's reason names what it is worth; a discount is written in francs.
    const withMoney = chosen.filter((explanation) => /off/.test(explanation.en));
    expect(withMoney.length).toBeGreaterThan(0);
    for (const explanation of withMoney) {
      expect(explanation.en).toMatch(/CHF/);
      expect(explanation.fr).toMatch(/CHF/);
    }
    // Perk labels quoted in a reason are the programme's own words (the demo's say "€15").
    const outsideLabels = (text: string) => text.replace(/“[^”]*”|« [^»]* »/g, '');
    for (const explanation of answer.explanations) {
      expect(outsideLabels(`${explanation.en} ${explanation.fr}`)).not.toContain('€');
    }
  });
});
