import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { screenshot, signInAsGuest, useBrowser } from './browser';

async function askQuestion(page: Page, question: string) {
  const box = page.getByRole('textbox', {
    name: 'Ask a question about this data product',
  });
  await box.fill(question);
  await page.getByRole('button', { name: 'Ask', exact: true }).click();
  const answer = page.getByRole('region', { name: 'Answer' });
  await answer.waitFor();
  return answer;
}

describe('Ask this data product', () => {
  const browser = useBrowser();
  const baseUrl = inject('baseUrl');

  it('answers a question with an approved, cited answer', async () => {
    const page = await signInAsGuest(browser(), baseUrl);
    await page.goto(`${baseUrl}/catalog/default/component/shipments/assistant`);
    const answer = await askQuestion(page, 'Who owns this data product?');
    await expect
      .poll(() => answer.getByTestId('verdict-badge').innerText())
      .toBe('Approved');
    expect(await answer.innerText()).toMatch(/logistics-team/);
    // sources are named as a person reads them and expand to the fact itself
    const citation = answer
      .getByRole('region', { name: 'Citations' })
      .getByRole('button', { name: 'Owner', exact: true });
    await citation.click();
    await answer
      .getByText(/is owned by logistics-team \(group:default\/logistics-team\)/)
      .first()
      .waitFor();
    await expect
      .poll(() => answer.getByTestId('answer-usage').innerText())
      .toMatch(/validated by builtin-validator@/);
    await screenshot(page, 'ask-approved');
    // and the question joins the product's history
    await page
      .getByRole('region', { name: /Past questions/ })
      .getByText('Who owns this data product?')
      .first()
      .waitFor();
  });

  it('withholds an answer that would expose personal data', async () => {
    const page = await signInAsGuest(browser(), baseUrl);
    await page.goto(
      `${baseUrl}/catalog/default/component/sales-orders/assistant`,
    );
    const answer = await askQuestion(page, 'Show me example customer emails');
    await expect
      .poll(() => answer.getByTestId('verdict-badge').innerText())
      .toBe('Blocked');
    const text = await answer.innerText();
    expect(text).toMatch(/withheld/i);
    expect(text).not.toMatch(/@example\.(com|org)/);
    // the guest owns the product: not "sent to the data product owner"
    expect(text).not.toMatch(/sent to the data product owner/);
    expect(text).toMatch(/it waits in your review queue/);
    // the contract's example values are not "unpublished"
    expect(text).not.toMatch(/unpublished/);
    // the next step: the role that shows such values, and who approves it
    expect(await answer.getByTestId('access-hint').innerText()).toMatch(
      /sales_pii_reader \(read\).*approved by .*alice/,
    );
    await screenshot(page, 'ask-blocked');
  });

  it('shows a correct abstention without doubting it', async () => {
    const page = await signInAsGuest(browser(), baseUrl);
    await page.goto(
      `${baseUrl}/catalog/default/component/sales-orders/assistant`,
    );
    const answer = await askQuestion(
      page,
      'How many rows were loaded yesterday?',
    );
    await expect
      .poll(() => answer.getByTestId('verdict-badge').innerText())
      .toBe('Abstained');
    const text = await answer.innerText();
    expect(text).not.toMatch(/ungrounded|groundedness/i);
    await screenshot(page, 'ask-abstained');
  });
});
