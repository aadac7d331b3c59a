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

/**
 * The words of an element's text that the browser broke across lines (a
 * word laid out in more than one line box), e.g. "Produ ct" for "Product".
 */
export async function brokenWords(
  locator: import('playwright-core').Locator,
): Promise<string[]> {
  return locator.evaluate(element => {
    const broken: string[] = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (const match of text.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index!);
        range.setEnd(node, match.index! + match[0].length);
        const lines = new Set(
          [...range.getClientRects()]
            .filter(r => r.width > 0)
            .map(r => Math.round(r.top)),
        );
        if (lines.size > 1) broken.push(match[0]);
      }
    }
    return broken;
  });
}

/** The page's height in screens of its viewport. */
export async function screensTall(page: Page): Promise<number> {
  const { scroll, viewport } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollHeight,
    viewport: window.innerHeight,
  }));
  return scroll / viewport;
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
