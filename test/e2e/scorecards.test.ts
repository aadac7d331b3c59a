import { describe, inject, it } from 'vitest';
import { screenshot, signInAsGuest, useBrowser } from './browser';

describe('Model scorecards', () => {
  const browser = useBrowser();
  const baseUrl = inject('baseUrl');

  it("shows each domain's serving models and the promotion history", async () => {
    const page = await signInAsGuest(browser(), baseUrl);
    await page.getByRole('link', { name: 'Model scorecards' }).click();
    await page
      .getByRole('heading', { name: 'Model scorecards' })
      .first()
      .waitFor();
    // every demo domain has a card; evals/registry holds no promotion, so app-config's models serve
    for (const domain of [
      'sales',
      'customer',
      'logistics',
      'finance',
      'marketing',
    ]) {
      await page.getByText(domain, { exact: true }).first().waitFor();
    }
    await page.getByText('strict-validator').first().waitFor();
    await page.getByText('No promotions recorded yet').first().waitFor();
    await screenshot(page, 'model-scorecards');
  });
});
