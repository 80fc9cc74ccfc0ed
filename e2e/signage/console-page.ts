// Driving the web consoles' shared sign-in form in Chromium.
import type { Page } from 'playwright-core';

export async function signInThroughConsole(page: Page, url: string, userId: string) {
  await page.goto(`${url}/console/head-office.html`);
  await page.getByLabel('Identifiant / User id').fill(userId);
  await page.getByLabel('Mot de passe / Password').fill('vitrine-demo');
  await page.getByRole('button', { name: 'Se connecter / Sign in' }).click();
  await page.getByRole('tablist').waitFor();
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: /Déconnexion|Sign out/ }).click();
  await page.getByLabel('Identifiant / User id').waitFor();
}
