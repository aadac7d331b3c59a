import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { screenshot, signInAs, signInAsGuest, useBrowser } from './browser';
import { HOSTED_CLAIM } from './hostedModel';

const PRODUCT = 'component:default/partner-orders';
const QUESTION = 'How often are partner orders refreshed?';
const CORRECTION =
  'Partner orders are refreshed every day: the update frequency is 1 day.';

async function openAssistant(page: Page, baseUrl: string) {
  // The e2e product comes from its own catalog location: wait until it is in.
  await expect
    .poll(
      async () => {
        await page.goto(
          `${baseUrl}/catalog/default/component/partner-orders/assistant`,
        );
        return page
          .getByRole('textbox', {
            name: 'Ask a question about this data product',
          })
          .waitFor({ timeout: 10_000 })
          .then(() => true)
          .catch(() => false);
      },
      { timeout: 90_000, interval: 2_000 },
    )
    .toBe(true);
}

async function askQuestion(page: Page, question: string) {
  await page
    .getByRole('textbox', { name: 'Ask a question about this data product' })
    .fill(question);
  await page.getByRole('button', { name: 'Ask', exact: true }).click();
  const answer = page.getByRole('region', { name: 'Answer' });
  await answer.waitFor();
  return answer;
}

describe('Review queue', () => {
  const browser = useBrowser();
  const baseUrl = inject('baseUrl');

  it('lets the owner correct a flagged answer, and the next asker gets the verified answer', async () => {
    // Erin (marketing-team) asks; a hosted model's unsupported claim is
    // flagged by the validator for the owners (sales-team).
    const asker = await signInAs(browser(), baseUrl, 'Erin Evans');
    await openAssistant(asker, baseUrl);
    const flagged = await askQuestion(asker, QUESTION);
    await expect
      .poll(() => flagged.getByTestId('verdict-badge').innerText())
      .toBe('Flagged');
    expect(await flagged.innerText()).toContain(HOSTED_CLAIM);
    await screenshot(asker, 'review-flagged-answer');

    expect(await flagged.innerText()).toMatch(
      /the data product's owners will review it/,
    );

    // The owner (the guest is in sales-team, which owns the product) is notified...
    const owner = await signInAsGuest(browser(), baseUrl);
    await expect
      .poll(
        async () => {
          await owner.goto(`${baseUrl}/notifications`);
          return owner
            .getByText('Partner Orders: an answer waits for your review')
            .first()
            .waitFor({ timeout: 10_000 })
            .then(() => true)
            .catch(() => false);
        },
        { timeout: 60_000, interval: 2_000 },
      )
      .toBe(true);
    await screenshot(owner, 'review-notification');
    // ...and told on the tab...
    await openAssistant(owner, baseUrl);
    const waiting = owner.getByTestId('review-summary');
    await expect
      .poll(() => waiting.innerText(), { timeout: 30_000 })
      .toMatch(/1 answer\b.*wait.* for your review/);
    // It arrives late, so it sits on the title's line, no taller than the
    // title: its arrival must not push the tabs down under a moving pointer.
    // (also in a narrow window, where the text is cut short, not the title)
    const heading = owner.getByRole('heading', {
      name: 'Data product assistant',
    });
    for (const width of [1400, 900]) {
      await owner.setViewportSize({ width, height: 1000 });
      const title = await heading.boundingBox();
      const box = await waiting.boundingBox();
      expect(title && box).toBeTruthy();
      expect(box!.height).toBeLessThanOrEqual(title!.height + 1);
      expect(
        Math.abs(box!.y + box!.height / 2 - (title!.y + title!.height / 2)),
      ).toBeLessThan(4);
      expect(await heading.evaluate(e => e.scrollWidth <= e.clientWidth)).toBe(
        true,
      );
      await screenshot(owner, `review-summary-${width}`);
    }
    await owner.setViewportSize({ width: 1400, height: 1000 });
    await waiting.getByRole('link', { name: /wait.* for your review/ }).click();
    await owner.waitForURL(/\/data-product-review\?product=/);
    expect(decodeURIComponent(owner.url())).toContain(PRODUCT);

    // ...and corrects the answer in the review queue.
    const item = owner.getByRole('region', { name: QUESTION });
    await item.waitFor();
    expect(await item.getByTestId('model-answer').innerText()).toContain(
      HOSTED_CLAIM,
    );
    expect(await item.innerText()).toMatch(/ungrounded|not supported|only/i);
    await item.getByRole('button', { name: 'Correct', exact: true }).click();
    await item
      .getByRole('textbox', { name: 'Corrected answer' })
      .fill(CORRECTION);
    await item
      .getByRole('textbox', { name: 'Comment' })
      .fill('The contract says daily.');
    await screenshot(owner, 'review-correcting');
    await item.getByRole('button', { name: 'Submit correction' }).click();
    const outcome = owner.getByTestId('review-outcome');
    await outcome.waitFor({ timeout: 30_000 });
    expect(await outcome.innerText()).toMatch(/Verified by/);
    expect(await outcome.innerText()).toContain(CORRECTION);
    await screenshot(owner, 'review-corrected');

    // The next person asking (near enough) the same question gets the verified answer.
    const next = await signInAsGuest(browser(), baseUrl);
    await openAssistant(next, baseUrl);
    const verified = await askQuestion(
      next,
      'how often are the partner orders refreshed',
    );
    await expect
      .poll(() => verified.getByTestId('verdict-badge').innerText())
      .toBe('Approved');
    const text = await verified.innerText();
    expect(text).toContain(CORRECTION);
    expect(text).not.toContain(HOSTED_CLAIM);
    expect(await verified.getByTestId('verified-label').innerText()).toMatch(
      /Verified by/,
    );
    expect(text).toMatch(/no model was called/);
    await screenshot(next, 'review-verified-answer');
  });
});
