// Driving the web consoles' shared sign-in form in Chromium.
import type { BrowserContext, Page } from 'playwright-core';

/**
 * The consoles' language in this browser, as if the person had chosen it: headless
 * Chromium reports en-US whatever the test expects, so a test says which it reads.
 */
export async function chooseConsoleLang(browser: BrowserContext | Page, lang: 'fr' | 'en') {
  await browser.addInitScript(
    (chosen) => localStorage.setItem('vitrine.console.lang', chosen),
    lang,
  );
}

/** Opens a console and signs a demo user in; resolves once the form is gone. */
export async function signInThroughConsole(
  page: Page,
  url: string,
  userId: string,
  consoleName: 'head-office' | 'staff' | 'expert' = 'head-office',
) {
  await page.goto(`${url}/console/${consoleName}.html`);
  // By role and field name: the form speaks whichever language was chosen last.
  const userField = page.getByRole('textbox', { name: /^(Identifiant ou nom|User id or name)$/ });
  await userField.fill(userId);
  await page.getByLabel(/^(Mot de passe|Password)$/).fill('vitrine-demo');
  await page.getByRole('button', { name: /^(Se connecter|Sign in)$/ }).click();
  await userField.waitFor({ state: 'detached' });
  // The console shows once the store's currency is known too (one more round trip):
  // wait for it, or for the refusal of a role this console does not open for.
  await page
    .getByRole('button', { name: /^(Déconnexion|Sign out)$/ })
    .or(page.getByRole('alert'))
    .first()
    .waitFor();
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: /Déconnexion|Sign out/ }).click();
  await page.getByRole('textbox', { name: /^(Identifiant ou nom|User id or name)$/ }).waitFor();
}
