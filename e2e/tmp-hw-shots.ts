import { readFileSync } from 'node:fs';
import { spkiHash } from '@vitrine/shared/desktop/store-pin';
import { launchChromium } from './support/chromium';
import { chooseConsoleLang } from './support/console-page';
import { wedgeScan } from './kiosk/kiosk-page';

const URL_ = 'https://127.0.0.1:28443';
const ca = readFileSync('/tmp/hw-walk/data/tls/ca.crt', 'utf8');
const browser = await launchChromium([`--ignore-certificate-errors-spki-list=${spkiHash(ca)}`]);
await chooseConsoleLang(browser, 'fr');
const kiosk = await browser.newPage();
await kiosk.setViewportSize({ width: 1080, height: 1920 });
await kiosk.goto(`${URL_}/kiosk/`);
const code = (await kiosk.getByTestId('pairing-code').textContent({ timeout: 30_000 }))!;
await kiosk.screenshot({ path: '/tmp/hw-walk/kiosk-pairing.png' });
const console_ = await browser.newPage();
await console_.setViewportSize({ width: 1280, height: 900 });
await console_.goto(`${URL_}/console/staff.html`);
await console_
  .getByRole('textbox', { name: /^(Identifiant ou nom|User id or name)$/ })
  .fill('manager');
await console_.getByLabel(/^(Mot de passe|Password)$/).fill('claire-flon-2026');
await console_.getByRole('button', { name: /^(Se connecter|Sign in)$/ }).click();
await console_.getByRole('button', { name: /^(Déconnexion|Sign out)$/ }).waitFor();
await console_.getByRole('tab', { name: 'Écrans' }).click();
await console_.getByTestId('pairing-code').fill(code);
await console_.screenshot({ path: '/tmp/hw-walk/console-screens.png' });
await console_.getByRole('button', { name: 'Approuver' }).click();
await console_.getByRole('tab', { name: 'Catalogue' }).click();
await console_
  .getByTestId('feed-products')
  .setInputFiles('/work/wt-i15-hardware/e2e/fixtures/hardware-store/products.tsv');
await console_
  .getByTestId('feed-inventory')
  .setInputFiles('/work/wt-i15-hardware/e2e/fixtures/hardware-store/inventory.tsv');
await console_.getByRole('button', { name: 'Importer', exact: true }).click();
const job = console_.getByTestId('import-job').first();
for (let i = 0; i < 200 && (await job.getAttribute('data-state')) !== 'applied'; i++)
  await console_.waitForTimeout(100);
await console_.screenshot({ path: '/tmp/hw-walk/console-catalogue.png', fullPage: true });

await kiosk.waitForFunction(
  () =>
    document.querySelector('[data-testid="sync-status"]')?.getAttribute('data-checkpoint') !== null,
  undefined,
  { timeout: 60_000 },
);
await kiosk.waitForTimeout(3000);
await kiosk.screenshot({ path: '/tmp/hw-walk/kiosk-home.png' });
await wedgeScan(kiosk, '7640171200194', 'qwerty');
await kiosk.waitForTimeout(2000);
await kiosk.screenshot({ path: '/tmp/hw-walk/kiosk-scan.png' });
await kiosk.getByTestId('search-button').click();
await kiosk.waitForTimeout(4000);
await kiosk.screenshot({ path: '/tmp/hw-walk/kiosk-search.png' });
await browser.close();
