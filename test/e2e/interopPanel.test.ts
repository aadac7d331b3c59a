import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { screenshot, signInAsGuest, useBrowser } from './browser';

/** The Interoperability section of a product's Assistant tab. */
async function openInterop(page: Page, baseUrl: string, product: string) {
  await page.goto(
    `${baseUrl}/catalog/default/component/${product}/assistant?section=interop`,
  );
  const panel = page.getByRole('region', { name: 'Interoperability' });
  await panel.waitFor();
  return panel;
}

/** A related product's card, found on whichever page it is, and opened. */
async function openCard(page: Page, name: string) {
  const panel = page.getByRole('region', { name: 'Interoperability' });
  // sorted by name, so a known product is found without paging blindly
  await panel.getByRole('combobox', { name: 'Sort by' }).selectOption('name');
  const card = panel.getByRole('region', { name, exact: true });
  for (let i = 0; i < 10 && !(await card.isVisible()); i++) {
    await panel
      .getByRole('navigation', { name: 'Pages of related data products' })
      .getByRole('button', { name: 'Next' })
      .click();
  }
  await card
    .getByRole('button', { name: /^Show \d+ column mappings?$/ })
    .click();
  return card;
}

describe('Suggest interoperability', () => {
  const browser = useBrowser();
  const baseUrl = inject('baseUrl');

  it('lets an owner accept a suggestion, which becomes a relation on both entities', async () => {
    const page = await signInAsGuest(browser(), baseUrl);
    await openInterop(page, baseUrl, 'sales-returns');
    const card = await openCard(page, 'Product Catalog');
    // the explanation carries an example join across both products
    const mapping = card.getByRole('listitem', {
      name: 'returns.sku ↔ products.sku',
    });
    await mapping
      .getByRole('button', { name: 'Evidence and explanation' })
      .click();
    expect(
      await mapping.getByRole('region', { name: 'Example join' }).innerText(),
    ).toMatch(/JOIN/i);
    // the caveats wrap inside the card: no text cut off at its edge
    const clipped = await mapping
      .getByRole('region', { name: 'Caveats' })
      .evaluate(section =>
        [...section.querySelectorAll('li *')].some(
          e => e.scrollWidth > e.clientWidth + 1,
        ),
      );
    expect(clipped).toBe(false);

    // not a join on personal data: accepted at once
    expect(await mapping.getByTestId('pii-join-warning').count()).toBe(0);
    await card.getByRole('button', { name: 'Accept sku ↔ sku' }).click();
    await card.getByText(/Accepted by/).waitFor();
    await screenshot(page, 'interop-accepted');

    // The catalog picks the decision up within seconds: the relation shows in the
    // other product's relations graph, where no lineage connects the two.
    await expect
      .poll(
        async () => {
          await page.goto(
            `${baseUrl}/catalog/default/component/product-catalog`,
          );
          const graph = page
            .locator('svg')
            .filter({ hasText: 'Product Catalog' })
            .first();
          await graph.waitFor({ timeout: 15_000 }).catch(() => undefined);
          return graph.getByText('Sales Returns').count();
        },
        { timeout: 90_000, interval: 2_000 },
      )
      .toBeGreaterThan(0);
    await screenshot(page, 'interop-relation-in-graph');
  });

  it('warns beside Accept when a mapping joins on personal data, and asks before accepting', async () => {
    const page = await signInAsGuest(browser(), baseUrl);
    const dialog = page.getByRole('dialog');
    let mapping = page.getByRole('listitem');
    // Once in a full CI run the first click opened no dialog (30 s), likely because the review
    // summary arrived above the tabs and moved the card (it now sits on the title's line, see
    // reviewQueue.test.ts). A person would click again; so does the test, once.
    for (let attempt = 0; attempt < 2; attempt++) {
      await openInterop(page, baseUrl, 'sales-orders');
      const card = await openCard(page, 'Customer Profiles');
      mapping = card.getByRole('listitem', {
        name: 'orders.customer_email ↔ customers.email_address',
      });
      await mapping.getByTestId('validation-warnings').waitFor();
      expect(await mapping.getByTestId('pii-join-warning').innerText()).toMatch(
        /Joins on personal data/,
      );
      await mapping
        .getByRole('button', { name: 'Accept customer_email ↔ email_address' })
        .click();
      const asked = await dialog
        .waitFor({ timeout: attempt ? 30_000 : 10_000 })
        .then(() => true)
        .catch(() => false);
      // accepting without asking would be the bug this test is for
      expect(await mapping.getByTestId('decision-state').count()).toBe(0);
      if (asked) break;
    }
    await dialog.waitFor();
    expect(await dialog.innerText()).toMatch(/Accept a join on personal data/);
    await screenshot(page, 'interop-pii-confirm');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    // nothing was decided
    expect(await mapping.getByTestId('decision-state').count()).toBe(0);
  });

  it('shows decisions but no decision buttons to non-owners', async () => {
    const page = await signInAsGuest(browser(), baseUrl);
    const panel = await openInterop(page, baseUrl, 'invoices');
    const first = panel.getByTestId('related-product').first();
    await first
      .getByRole('button', { name: /^Show \d+ column mappings?$/ })
      .click();
    await first.locator('[data-testid^="mapping-"]').first().waitFor();
    expect(await panel.getByRole('button', { name: /^Accept / }).count()).toBe(
      0,
    );
  });

  it('lists each pair of products once in the review queue, a page at a time', async () => {
    const page = await signInAsGuest(browser(), baseUrl);
    await page.goto(`${baseUrl}/data-product-review`);
    const section = page.getByTestId('review-interop');
    const pairs = section.getByTestId('review-interop-group');
    await pairs.first().waitFor();
    const pager = section.getByRole('navigation', {
      name: 'Pages of relationship suggestions',
    });
    const label = async () =>
      pager.getByTestId('review-interop-page').innerText();
    const total = Number(/of (\d+)/.exec(await label())![1]);
    expect(total).toBeGreaterThan(5);
    await screenshot(page, 'review-queue-pairs');

    const seen: string[] = [];
    for (;;) {
      for (const name of await pairs.evaluateAll(els =>
        els.map(e => e.getAttribute('aria-label') ?? ''),
      )) {
        seen.push(name.split(' ↔ ').sort().join(' ↔ '));
      }
      const next = pager.getByRole('button', { name: 'Next' });
      if (await next.isDisabled()) break;
      const before = await label();
      await next.click();
      await expect.poll(label).not.toBe(before);
    }
    expect(seen).toHaveLength(total);
    // A↔B and B↔A are one pair
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toContain('sales-orders ↔ sales-returns');
  });
});
