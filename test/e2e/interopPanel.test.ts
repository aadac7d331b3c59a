import { describe, expect, inject, it } from 'vitest';
import { screenshot, signInAsGuest, useBrowser } from './browser';

describe('Suggest interoperability', () => {
  const browser = useBrowser();
  const baseUrl = inject('baseUrl');

  it('lets an owner accept a suggestion, which becomes a relation on both entities', async () => {
    const page = await signInAsGuest(browser(), baseUrl);
    await page.goto(
      `${baseUrl}/catalog/default/component/sales-returns/assistant`,
    );
    const panel = page.getByRole('region', { name: 'Interoperability' });
    const card = panel.getByRole('region', { name: 'Product Catalog' });
    await card.waitFor();
    // the explanation carries an example join across both products
    const mapping = card.getByRole('listitem', {
      name: 'returns.sku ↔ products.sku',
    });
    await mapping.getByRole('button', { name: 'Explanation' }).click();
    expect(
      await mapping.getByRole('region', { name: 'Example join' }).innerText(),
    ).toMatch(/JOIN/i);

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

  it('shows decisions but no decision buttons to non-owners', async () => {
    const page = await signInAsGuest(browser(), baseUrl);
    await page.goto(`${baseUrl}/catalog/default/component/invoices/assistant`);
    const panel = page.getByRole('region', { name: 'Interoperability' });
    await panel.getByRole('region').first().waitFor();
    expect(await panel.getByRole('button', { name: /^Accept / }).count()).toBe(
      0,
    );
  });
});
