// npm run screenshots: starts the demo with the README's command and writes a
// PNG of every touchpoint's main states, at both orientations, into
// docs/screenshots/ — pictures for reviewers, looked at, not only generated.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEMO_STAFF_PIN } from '@vitrine/store-server/settings';
import { demoCatalogue, type DemoCatalogue } from '../demo/demo-catalogue';
import { wedgeScan } from '../kiosk/kiosk-page';
import { CHROMIUM_FLAGS, chromiumPath } from '../support/chromium';
import { signInThroughConsole } from '../support/console-page';
import { startDemo } from '../support/demo-process';
import { REPO_ROOT } from '../support/test-server';

const OUT = join(REPO_ROOT, 'docs', 'screenshots');
const PORTRAIT = { width: 1080, height: 1920 };
const LANDSCAPE = { width: 1920, height: 1080 };
const TABLET_LANDSCAPE = { width: 1280, height: 800 };
const TABLET_PORTRAIT = { width: 800, height: 1280 };

type Orientation = 'portrait' | 'landscape';
type Shot = {
  name: string;
  /** Touch screens at half scale keep the files small; consoles at full scale. */
  scale: number;
  viewports: Record<Orientation, { width: number; height: number }>;
  open: (page: Page, demo: Demo) => Promise<void>;
};
type Demo = { base: string; catalogue: DemoCatalogue };

const SCREEN = { scale: 0.5, viewports: { portrait: PORTRAIT, landscape: LANDSCAPE } };
const TABLET = {
  scale: 1,
  viewports: { portrait: TABLET_PORTRAIT, landscape: TABLET_LANDSCAPE },
};

/** Scans until the page shows `testId` (the first sync may still be landing). */
async function scanUntil(page: Page, gtin: string, testId: string) {
  for (let attempt = 0; attempt < 30; attempt += 1) {
    await wedgeScan(page, gtin.replace(/^0/, ''), 'azerty');
    if (await page.getByTestId(testId).count()) return;
    await page.waitForTimeout(1_000);
  }
  throw new Error(`scanning ${gtin} never showed ${testId}`);
}

async function kioskProduct(page: Page, demo: Demo, category: string) {
  const gtin = demo.catalogue.scanByCategory[category];
  if (!gtin) throw new Error(`no ${category} product in stock here`);
  await page.goto(`${demo.base}/kiosk/`);
  // The store's brand comes with the first page of the copy: a picture without it is not the store's.
  await page.locator('.brand-logo').waitFor({ timeout: 60_000 });
  await page.getByTestId('attract').click();
  await scanUntil(page, gtin, 'product');
}

const SHOTS: Shot[] = [
  {
    name: 'kiosk-attract',
    ...SCREEN,
    open: async (page, demo) => {
      await page.goto(`${demo.base}/kiosk/`);
      await page.getByTestId('attract-slide').waitFor({ timeout: 60_000 });
    },
  },
  {
    name: 'kiosk-search',
    ...SCREEN,
    open: async (page, demo) => {
      await page.goto(`${demo.base}/kiosk/`);
      await page.getByTestId('attract').click();
      await page.getByTestId('search-button').click();
      await page.getByTestId('search-input').fill('chaussures');
      await page.getByTestId('results').locator('li').first().waitFor({ timeout: 60_000 });
    },
  },
  {
    name: 'kiosk-product-fashion',
    ...SCREEN,
    open: (page, demo) => kioskProduct(page, demo, 'fashion'),
  },
  {
    name: 'kiosk-product-food',
    ...SCREEN,
    open: (page, demo) => kioskProduct(page, demo, 'food'),
  },
  {
    name: 'kiosk-product-electronics',
    ...SCREEN,
    open: (page, demo) => kioskProduct(page, demo, 'electronics'),
  },
  {
    name: 'kiosk-product-english',
    ...SCREEN,
    open: async (page, demo) => {
      await kioskProduct(page, demo, 'fashion');
      await page.getByRole('button', { name: 'English' }).click();
      await page.locator('[data-testid="kiosk"][lang="en"]').waitFor();
    },
  },
  {
    name: 'kiosk-help',
    ...SCREEN,
    open: async (page, demo) => {
      await kioskProduct(page, demo, 'electronics');
      await page
        .getByRole('contentinfo')
        .getByRole('button', { name: 'Appeler un vendeur' })
        .click();
      await page.getByTestId('help-called').scrollIntoViewIfNeeded();
    },
  },
  {
    name: 'kiosk-staff-overlay',
    ...SCREEN,
    open: async (page, demo) => {
      await kioskProduct(page, demo, 'fashion');
      for (let tap = 0; tap < 5; tap += 1) await page.getByTestId('brand').click();
      const pad = page.getByRole('dialog', { name: 'Code du personnel' });
      await pad.waitFor();
      for (const digit of DEMO_STAFF_PIN) {
        await pad.getByRole('button', { name: digit, exact: true }).click();
      }
      await pad.getByRole('button', { name: 'Valider' }).click();
      await page.getByRole('dialog', { name: 'Espace personnel' }).waitFor();
    },
  },
  {
    name: 'signage',
    ...SCREEN,
    open: async (page, demo) => {
      await page.goto(`${demo.base}/signage/`);
      await page.getByTestId('product-card').first().waitFor({ timeout: 60_000 });
      // The ticker scrolls in from the right edge: let its first words reach the screen.
      await page.waitForTimeout(5_000);
    },
  },
  {
    name: 'mirror-garment',
    ...SCREEN,
    open: async (page, demo) => {
      await page.goto(`${demo.base}/mirror/?room=Cabine%203`);
      await scanUntil(page, demo.catalogue.garmentInLook, 'complete-look');
      await page.getByTestId('look-suggestion').first().waitFor();
      // Ask for another size, as a shopper would: the staff queue's picture shows it.
      await page.locator('[data-axis="size"] button').nth(1).click();
      await page.locator('[data-axis="colour"] button').first().click();
      await page.getByTestId('ask-size').click();
      await page.locator('[data-testid="request-status"][data-status="new"]').first().waitFor();
      // The picture shows the mirror as the shopper first sees it: the garment on top.
      await page.evaluate(() => document.scrollingElement?.scrollTo(0, 0));
    },
  },
  {
    name: 'mirror-share',
    ...SCREEN,
    open: async (page, demo) => {
      await page.goto(`${demo.base}/mirror/?room=Cabine%203`);
      await scanUntil(page, demo.catalogue.garmentInLook, 'complete-look');
      await page.getByTestId('share-button').click();
      await page.getByTestId('share-consent').waitFor();
    },
  },
  {
    name: 'staff-requests',
    ...TABLET,
    open: async (page, demo) => {
      await signInThroughConsole(page, demo.base, 'manager', 'staff');
      await page.getByTestId('request-queue').waitFor();
    },
  },
  {
    name: 'expert-desk',
    ...TABLET,
    open: async (page, demo) => {
      await signInThroughConsole(page, demo.base, 'expert-julie-mercier', 'expert');
      await page.getByTestId('available').waitFor();
    },
  },
  {
    name: 'head-office-campaigns',
    ...TABLET,
    open: async (page, demo) => {
      await signInThroughConsole(page, demo.base, 'publisher', 'head-office');
      await page.getByRole('tablist').waitFor();
    },
  },
  {
    name: 'head-office-reports',
    ...TABLET,
    open: async (page, demo) => {
      // A screen plays for a while first, so the report has plays to show.
      const screen = await page.context().newPage();
      await screen.goto(`${demo.base}/signage/`);
      await signInThroughConsole(page, demo.base, 'publisher', 'head-office');
      await page.getByRole('tab', { name: 'Rapports' }).click();
      await page.getByTestId('feedback-report').waitFor();
      const plays = page.getByTestId('report-total');
      for (let attempt = 0; (await plays.getAttribute('data-plays')) === '0'; attempt += 1) {
        if (attempt === 60) throw new Error('no play reached the report in two minutes');
        await page.waitForTimeout(2_000);
        await page.getByRole('button', { name: 'Actualiser' }).click();
      }
      await screen.close();
    },
  },
];

async function take(browser: Browser, demo: Demo, shot: Shot, orientation: Orientation) {
  // A context per picture: its own screen size and pixel ratio, and a fresh
  // local copy, as a new screen of that size would have.
  const context = await browser.newContext({
    viewport: shot.viewports[orientation],
    deviceScaleFactor: shot.scale,
    // The demo store is in Paris: consoles open in French, as they would there.
    locale: 'fr-FR',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  try {
    await shot.open(page, demo);
    // Let images and fonts finish before the picture.
    await page.waitForLoadState('networkidle').catch(() => undefined);
    await page.screenshot({ path: join(OUT, `${shot.name}-${orientation}.png`) });
  } finally {
    await context.close();
  }
}

async function main() {
  // `--list` names the shots and stops: a test runs it to prove this script loads under tsx.
  if (process.argv.includes('--list')) {
    process.stdout.write(`${SHOTS.map((shot) => shot.name).join('\n')}\n`);
    return;
  }
  mkdirSync(OUT, { recursive: true });
  process.stdout.write('starting the demo (npm start)…\n');
  const process_ = await startDemo();
  const executablePath = chromiumPath();
  const browser = await chromium.launch({
    headless: true,
    ...(executablePath ? { executablePath } : {}),
    args: CHROMIUM_FLAGS,
  });
  const failures: string[] = [];
  try {
    const demo = { base: process_.base, catalogue: await demoCatalogue(process_.base) };
    // `npm run screenshots -- mirror-garment kiosk-search` retakes only those.
    const only = process.argv.slice(2);
    const chosen = only.length ? SHOTS.filter((shot) => only.includes(shot.name)) : SHOTS;
    if (!chosen.length) throw new Error(`no shot named ${only.join(', ')}`);
    const jobs = chosen.flatMap((shot) =>
      (['portrait', 'landscape'] as const).map((orientation) => ({ shot, orientation })),
    );
    for (const [index, { shot, orientation }] of jobs.entries()) {
      const label = `${shot.name}-${orientation}.png`;
      const bar = '#'.repeat(index + 1).padEnd(jobs.length, '.');
      process.stdout.write(`[${bar}] ${index + 1}/${jobs.length} ${label}\n`);
      await take(browser, demo, shot, orientation).catch((error: unknown) => {
        failures.push(`${label}: ${error instanceof Error ? error.message : String(error)}`);
      });
    }
  } finally {
    await browser.close();
    await process_.stop();
  }
  if (failures.length) {
    process.stderr.write(`screenshots failed:\n  ${failures.join('\n  ')}\n`);
    process.exit(1);
  }
  process.stdout.write(`wrote ${OUT}\n`);
}

await main();
