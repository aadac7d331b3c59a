import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { repoRoot } from './portal';

export const artifactsDir = path.join(repoRoot, 'test/.artifacts');

/** Debian's Chromium with the flags this sandbox needs (no downloads, no network). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The demo's sign-in identities: the guest of sales-team, Erin Evans of marketing-team. */
export type DemoIdentity = 'Guest' | 'Erin Evans';

/** Opens the portal in a fresh browser context and signs in as one of the demo identities. */
export async function signInAs(
  browser: Browser,
  baseUrl: string,
  identity: DemoIdentity,
): Promise<Page> {
  const page = await browser.newPage({
    viewport: { width: 1400, height: 1000 },
  });
  await page.goto(baseUrl);
  const enter = page.getByRole('button', { name: `Enter as ${identity}` });
  await enter.click();
  await enter.waitFor({ state: 'detached' });
  return page;
}

/** Opens the portal and signs in as the guest (sales-team). */
export function signInAsGuest(browser: Browser, baseUrl: string) {
  return signInAs(browser, baseUrl, 'Guest');
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(artifactsDir, { recursive: true });
  await page.screenshot({
    path: path.join(artifactsDir, `${name}.png`),
    fullPage: true,
  });
}

/** One Chromium per test file: launched before its tests, closed after them. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser is not running');
    return browser;
  };
}
