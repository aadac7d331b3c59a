import { describe, expect, inject, it } from 'vitest';
import { screenshot, signInAsGuest, useBrowser } from './browser';

describe('Model scorecards', () => {
  const browser = useBrowser();
  const baseUrl = inject('baseUrl');

  it("shows each domain's serving models, the latest evaluation run per role, and the promotion history", async () => {
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
      await page.getByTestId(`scorecard-${domain}`).waitFor();
    }
    await page.getByText('strict-validator').first().waitFor();
    await page.getByText('No promotions recorded yet').first().waitFor();

    // globalSetup made a run of the sales answer suite and the validator suite
    const sales = page.getByTestId('scorecard-sales');
    const answer = sales.getByTestId('metrics-answer');
    const validator = sales.getByTestId('metrics-validator');
    expect(await answer.innerText()).toMatch(/suite label sales-served/);
    expect(await answer.innerText()).toMatch(/Answer accuracy\s+\d/);
    expect(await answer.innerText()).not.toMatch(/_/); // labels, not keys
    expect(await validator.innerText()).toMatch(/suite label validator-served/);
    expect(await validator.innerText()).toMatch(/Recall\s+\d/);
    // answer figures stay under the answer model, latency once per model
    expect(await validator.innerText()).not.toMatch(/Answer accuracy/);
    expect(await answer.getByText(/^Latency p95/).count()).toBe(1);
    expect(await validator.getByText(/^Latency p95/).count()).toBe(1);
    // the run had no answer suite for marketing: said so, no made-up numbers
    expect(
      await page
        .getByTestId('scorecard-marketing')
        .getByTestId('metrics-answer')
        .innerText(),
    ).toMatch(/did not measure this model/);
    await screenshot(page, 'model-scorecards');
  });
});
