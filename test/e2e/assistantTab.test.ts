import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import {
  brokenWords,
  screenshot,
  screensTall,
  signInAsGuest,
  useBrowser,
} from './browser';

async function openSection(page: Page, name: string) {
  await page
    .getByRole('tablist', { name: 'Assistant sections' })
    .getByRole('tab', { name, exact: true })
    .click();
}

describe('the Assistant tab', () => {
  const browser = useBrowser();
  const baseUrl = inject('baseUrl');

  it('opens on All in the catalog, with names whole', async () => {
    const page = await signInAsGuest(browser(), baseUrl);
    await page.getByText(/^All Components \(\d+\)$/).waitFor();
    const name = page.getByRole('link', { name: 'Product Catalog' }).first();
    await name.waitFor();
    expect(await brokenWords(name)).toEqual([]);
    await screenshot(page, 'catalog-all');
  });

  it('is short before any section is opened, with the Profile one click away', async () => {
    const page = await signInAsGuest(browser(), baseUrl);
    // the catalog is the start page; open a sales data product from it
    await page
      .getByRole('link', { name: /sales orders/i })
      .first()
      .click();
    await page.getByText('Assistant', { exact: true }).click();
    await expect
      .poll(() => page.url())
      .toMatch(/\/catalog\/default\/component\/sales-orders\/assistant$/);

    await page.getByText('You own this data product').waitFor();
    await page
      .getByRole('textbox', { name: 'Ask a question about this data product' })
      .waitFor();
    // let the review summary and suggestions settle before measuring
    await page.getByRole('region', { name: 'Suggested questions' }).waitFor();
    const screens = await screensTall(page);
    // eslint-disable-next-line no-console
    console.log(
      `Assistant tab on sales-orders: ${screens.toFixed(2)} screens tall`,
    );
    expect(screens).toBeLessThan(3);
    await screenshot(page, 'assistant-tab-owner');

    await openSection(page, 'Profile');
    await expect.poll(() => page.url()).toMatch(/section=profile/);
    // columns of the contract, with classification and PII badges
    const email = page.getByRole('cell', {
      name: 'customer_email',
      exact: true,
    });
    await email.waitFor();
    await page
      .getByRole('cell', { name: 'order_id', exact: true })
      .first()
      .waitFor();
    expect(
      await page.getByLabel('Classification: restricted').count(),
    ).toBeGreaterThan(0);
    expect(await page.getByLabel(/^PII: .*email/).count()).toBeGreaterThan(0);
    // the grain and the primary key on lines of their own
    const grain = await page
      .getByText(/^Grain: /)
      .first()
      .boundingBox();
    const key = await page
      .getByText(/^Primary key: /)
      .first()
      .boundingBox();
    expect(key!.y).toBeGreaterThanOrEqual(grain!.y + grain!.height - 1);
    // no header or column name broken inside a word
    const columns = page.getByRole('table', { name: 'Columns of orders' });
    expect(await brokenWords(columns.locator('thead'))).toEqual([]);
    expect(await brokenWords(email)).toEqual([]);
    // service levels in words, no empty column
    const slas = page.getByRole('table', { name: 'Service levels' });
    expect(await slas.innerText()).toMatch(/Update frequency\s+1 hour/);
    expect(await slas.innerText()).toMatch(/06:00 UTC/);
    const emptyColumns = await slas.evaluate(table => {
      const rows = [...table.querySelectorAll('tbody tr')];
      const width = table.querySelectorAll('thead th').length;
      return [...Array(width).keys()].filter(i =>
        rows.every(r => !r.children[i]?.textContent?.trim()),
      );
    });
    expect(emptyColumns).toEqual([]);
    await screenshot(page, 'assistant-tab-profile');
  });

  it('shows the read-only view on another team’s product', async () => {
    const page = await signInAsGuest(browser(), baseUrl);
    await page.goto(
      `${baseUrl}/catalog/default/component/customer-profiles/assistant?section=profile`,
    );
    await page.getByText('Read-only view').waitFor();
    await page
      .getByRole('cell', { name: 'customer_id', exact: true })
      .first()
      .waitFor();
    await screenshot(page, 'assistant-tab-read-only');
  });

  it('pages the related products, each folded to one line', async () => {
    const page = await signInAsGuest(browser(), baseUrl);
    await page.goto(
      `${baseUrl}/catalog/default/component/sales-orders/assistant?section=interop`,
    );
    const list = page.getByRole('list', { name: 'Related data products' });
    await list.waitFor();
    const cards = list.getByTestId('related-product');
    await expect.poll(() => cards.count()).toBe(5);
    // folded: no mapping rows until a card is opened
    expect(await list.locator('[data-testid^="mapping-"]').count()).toBe(0);
    const first = await cards.allInnerTexts();
    const pages = page.getByRole('navigation', {
      name: 'Pages of related data products',
    });
    expect(await pages.getByTestId('interop-page').innerText()).toMatch(
      /^1–5 of (\d+)$/,
    );
    const total = Number(
      /of (\d+)/.exec(await pages.getByTestId('interop-page').innerText())![1],
    );
    expect(total).toBeGreaterThan(5);
    const screens = await screensTall(page);
    expect(screens).toBeLessThan(3);
    await screenshot(page, 'interop-page-1');

    await pages.getByRole('button', { name: 'Next' }).click();
    await expect
      .poll(() => pages.getByTestId('interop-page').innerText())
      .toBe(`6–${Math.min(10, total)} of ${total}`);
    const second = await cards.allInnerTexts();
    const names = (texts: string[]) => texts.map(t => t.split('\n')[0]);
    expect(names(second).filter(n => names(first).includes(n))).toEqual([]);
    // every related product once across the pages
    const seen = new Set(names(first));
    for (const n of names(second)) seen.add(n);
    expect(seen.size).toBe(first.length + second.length);

    // opening a card shows its mappings, oriented from this product
    await cards
      .first()
      .getByRole('button', { name: /^Show \d+ column mappings?$/ })
      .click();
    const rows = cards.first().locator('[data-testid^="mapping-"]');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(0);
    // the number is explained where it is shown
    expect(await page.getByTestId('confidence-legend').innerText()).toMatch(
      /Likelihood: .*It ranks suggestions; it is never 100%/,
    );
    // calibrated: no wall of 100%
    const shown = await page.getByTestId('confidence').allInnerTexts();
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.filter(t => /100%/.test(t))).toEqual([]);
    await screenshot(page, 'interop-page-2-opened');
  });
});
