// Head office's console in Chromium, signed in (in English) as the demo head-office user that
// `npm run chain` makes.
import type { BrowserContext, Page } from 'playwright-core';
import type { ChainEndpoints } from '../../head-office/src/chain/endpoints';

export async function openHqConsole(
  browser: BrowserContext,
  headOffice: ChainEndpoints['headOffice'],
): Promise<Page> {
  const page = await browser.newPage();
  await page.addInitScript(() => localStorage.setItem('vitrine.console.lang', 'en'));
  await page.goto(headOffice.console);
  await page.getByLabel('User id').fill(headOffice.user.id);
  await page.getByLabel('Password').fill(headOffice.user.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  return page;
}
