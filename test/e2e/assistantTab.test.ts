import { describe, expect, inject, it } from 'vitest';
import { screenshot, signInAsGuest, useBrowser } from './browser';

describe('the Assistant tab', () => {
  const browser = useBrowser();
  const baseUrl = inject('baseUrl');

  it('shows a data product owned by the guest with its columns and the owner view', async () => {
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
    // columns of the contract, with classification and PII badges
    await page
      .getByRole('cell', { name: 'customer_email', exact: true })
      .waitFor();
    await page
      .getByRole('cell', { name: 'order_id', exact: true })
      .first()
      .waitFor();
    expect(
      await page.getByLabel('Classification: restricted').count(),
    ).toBeGreaterThan(0);
    expect(await page.getByLabel(/^PII: .*email/).count()).toBeGreaterThan(0);
    await screenshot(page, 'assistant-tab-owner');
  });

  it('shows the read-only view on another team’s product', async () => {
    const page = await signInAsGuest(browser(), baseUrl);
    await page.goto(
      `${baseUrl}/catalog/default/component/customer-profiles/assistant`,
    );
    await page.getByText('Read-only view').waitFor();
    await page
      .getByRole('cell', { name: 'customer_id', exact: true })
      .first()
      .waitFor();
    await screenshot(page, 'assistant-tab-read-only');
  });
});
