import { describe, expect, it } from 'vitest';
import {
  configure,
  fireEvent,
  screen,
  waitFor,
  within,
} from '@testing-library/react';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { ResponseError } from '@backstage/errors';
import {
  InteropDecision,
  ReviewAnswerItem,
  ReviewQueueResponse,
} from '@dpa/plugin-data-product-assistant-common';
import plugin, { dataProductAssistantReviewPage } from '../../alpha';
import { dataProductAssistantApiRef, ReviewRejectedError } from '../../api';
import { fakeApi } from '../../__testUtils__/fakeApi';
import {
  blockedReviewItem,
  channelMapping,
  customersInteropItem,
  demotedReviewItem,
  flaggedReviewItem,
} from '../../__testUtils__/fixtures';
import { ReviewQueueContent } from './ReviewQueuePage';
import { summaryText } from './formatReview';

// *ByRole checks every ancestor's computed style for visibility, which is
// slow under MUI's style sheets in jsdom; collapsed content is unmounted.
configure({ defaultHidden: true });

const ORDERS = 'component:default/orders';
const RETURNS = 'component:default/returns';

const queue = (
  items: ReviewAnswerItem[],
  extra: Partial<ReviewQueueResponse> = {},
): ReviewQueueResponse => ({
  items,
  total: items.length,
  products: [ORDERS, RETURNS],
  ...extra,
});

function renderQueue(
  api = fakeApi(),
  options: { url?: string; pageSize?: number } = {},
) {
  renderInTestApp(<ReviewQueueContent pageSize={options.pageSize} />, {
    apis: [[dataProductAssistantApiRef, api]],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    initialRouteEntries: [options.url ?? '/'],
  });
  return api;
}

function withQueue(items: ReviewAnswerItem[]) {
  const api = fakeApi();
  api.getReviewQueue.mockResolvedValue(queue(items));
  return api;
}

function responseError(status: number, name: string, message: string) {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name, message },
        response: { statusCode: status },
      }),
      { status, headers: { 'Content-Type': 'application/json' } },
    ),
  );
}

const findItem = (id: string) => screen.findByTestId(`review-item-${id}`);
const click = (element: HTMLElement) => fireEvent.click(element);
const type = (element: HTMLElement, value: string) =>
  fireEvent.change(element, { target: { value } });

/** The item as the backend returns it after a review. */
function reviewed(
  item: ReviewAnswerItem,
  review: Partial<NonNullable<ReviewAnswerItem['review']>> &
    Pick<NonNullable<ReviewAnswerItem['review']>, 'action' | 'state'>,
): ReviewAnswerItem {
  return {
    ...item,
    state: review.state,
    review: {
      reviewedBy: 'user:default/guest',
      reviewedAt: '2025-03-06T08:00:00.000Z',
      ...review,
    },
  };
}

describe('Review queue', () => {
  it('is a page at /data-product-review titled "Review queue" with a nav icon', () => {
    expect(
      plugin.getExtension('page:data-product-assistant/review'),
    ).toBeDefined();
    const tester = createExtensionTester(dataProductAssistantReviewPage);
    expect(tester.get(coreExtensionData.routePath)).toBe(
      '/data-product-review',
    );
    expect(tester.get(coreExtensionData.title)).toBe('Review queue');
    expect(tester.get(coreExtensionData.icon)).toBeDefined();
    expect(tester.get(coreExtensionData.routeRef)).toBeDefined();
  });

  it('lists the pending answers newest first with everything a reviewer needs', async () => {
    const api = withQueue([
      flaggedReviewItem,
      blockedReviewItem,
      demotedReviewItem,
    ]);
    renderQueue(api);

    const flagged = await findItem('ask-2');
    expect(api.getReviewQueue).toHaveBeenCalledWith({
      state: 'pending',
      limit: 10,
      offset: 0,
    });
    expect(
      screen.getByRole('heading', { name: 'Answers waiting for review (3)' }),
    ).toBeInTheDocument();
    // In the order served.
    const list = screen.getByRole('list', { name: 'Answers to review' });
    expect(
      within(list)
        .getAllByRole('heading', { level: 3 })
        .map(h => h.textContent),
    ).toEqual([
      'Can I join it with customer profiles?',
      'List the customer emails',
      'Is net_amount before tax?',
    ]);

    const f = within(flagged);
    expect(
      screen.getByRole('region', {
        name: 'Can I join it with customer profiles?',
      }),
    ).toBe(flagged);
    expect(f.getByTestId('verdict-badge')).toHaveTextContent('Flagged');
    expect(f.getByTestId('review-asked')).toHaveTextContent(
      /^Asked by guest on .+ about orders$/,
    );
    expect(f.getByTestId('model-answer')).toHaveTextContent(
      'Yes, join on customer_id.',
    );
    const reasons = f.getByRole('region', { name: 'Validator reasons' });
    expect(reasons).toHaveTextContent('ungrounded-claim (warning)');
    expect(reasons).toHaveTextContent(
      'Claim 1 is not supported by its citations',
    );
    expect(
      within(f.getByRole('region', { name: 'Citations' })).getByRole('button', {
        name: 'Column order_lines.net_amount',
      }),
    ).toBeInTheDocument();
    for (const name of ['Approve', 'Correct', 'Reject']) {
      expect(f.getByRole('button', { name })).toBeEnabled();
    }
    expect(f.getByRole('textbox', { name: 'Comment' })).toHaveValue('');

    // Blocked: the withheld text is what the reviewer sees.
    const blocked = within(await findItem('ask-3'));
    expect(blocked.getByTestId('verdict-badge')).toHaveTextContent('Blocked');
    expect(
      blocked.getByText('Model answer (withheld from the asker)'),
    ).toBeInTheDocument();
    expect(blocked.getByTestId('model-answer')).toHaveTextContent(
      'The emails are a@example.com and b@example.com.',
    );
    expect(blocked.getByTestId('review-asked')).toHaveTextContent(
      'Asked by bob',
    );

    // Demoted: the verified answer a contract change contradicted, and why.
    const demoted = within(await findItem('ask-6'));
    expect(demoted.getByTestId('review-reason')).toHaveTextContent('Demoted');
    const old = demoted.getByRole('region', {
      name: 'Demoted verified answer',
    });
    expect(old).toHaveTextContent('Yes: net_amount is before tax.');
    expect(old).toHaveTextContent(
      'The description of net_amount changed in contract 1.3.0',
    );
    expect(old).toHaveTextContent(/Verified by alice on .*2025/);
  });

  it('filters by product, verdict and state, with the products of the response', async () => {
    const api = withQueue([flaggedReviewItem]);
    renderQueue(api);
    await findItem('ask-2');

    const product = screen.getByRole('combobox', { name: 'Product' });
    expect(
      within(product)
        .getAllByRole('option')
        .map(o => o.textContent),
    ).toEqual(['All my data products', 'orders', 'returns']);
    type(product, RETURNS);
    await waitFor(() =>
      expect(api.getReviewQueue).toHaveBeenLastCalledWith({
        state: 'pending',
        limit: 10,
        offset: 0,
        product: RETURNS,
      }),
    );
    expect(api.getReviewInterop).toHaveBeenLastCalledWith({
      product: RETURNS,
      sort: 'confidence',
      limit: 5,
      offset: 0,
    });

    await findItem('ask-2');
    type(screen.getByRole('combobox', { name: 'Verdict' }), 'blocked');
    await waitFor(() =>
      expect(api.getReviewQueue).toHaveBeenLastCalledWith({
        state: 'pending',
        limit: 10,
        offset: 0,
        product: RETURNS,
        verdict: 'blocked',
      }),
    );

    await findItem('ask-2');
    const states = screen.getByRole('group', { name: 'Review state' });
    expect(
      within(states).getByRole('button', { name: 'Pending' }),
    ).toHaveAttribute('aria-pressed', 'true');
    click(within(states).getByRole('button', { name: 'Approved' }));
    await waitFor(() =>
      expect(api.getReviewQueue).toHaveBeenLastCalledWith({
        state: 'approved',
        limit: 10,
        offset: 0,
        product: RETURNS,
        verdict: 'blocked',
      }),
    );
  });

  it('preselects the product of ?product= and shows reviewed answers without actions', async () => {
    const api = fakeApi();
    api.getReviewQueue.mockResolvedValue(
      queue([
        reviewed(flaggedReviewItem, {
          action: 'reject',
          state: 'rejected',
          comment: 'The join key is wrong',
          reviewedBy: 'user:default/alice',
        }),
      ]),
    );
    renderQueue(api, {
      url: `/?product=${encodeURIComponent(ORDERS)}&state=rejected`,
    });

    const item = within(await findItem('ask-2'));
    expect(api.getReviewQueue).toHaveBeenCalledWith({
      state: 'rejected',
      limit: 10,
      offset: 0,
      product: ORDERS,
    });
    expect(api.getReviewInterop).toHaveBeenCalledWith({
      product: ORDERS,
      sort: 'confidence',
      limit: 5,
      offset: 0,
    });
    expect(screen.getByRole('combobox', { name: 'Product' })).toHaveValue(
      ORDERS,
    );
    expect(
      screen.getByRole('heading', { name: 'Rejected answers (1)' }),
    ).toBeInTheDocument();
    expect(item.getByTestId('review-outcome')).toHaveTextContent(
      /^Rejected by alice on .*2025“The join key is wrong”/,
    );
    expect(
      item.queryByRole('button', { name: 'Approve' }),
    ).not.toBeInTheDocument();
  });

  it('approves with a comment: the answer leaves the queue, verified', async () => {
    const api = withQueue([flaggedReviewItem, blockedReviewItem]);
    api.reviewAsk.mockImplementation(async (_id, request) =>
      reviewed(flaggedReviewItem, {
        action: 'approve',
        state: 'approved',
        comment: request.comment,
        verdict: { status: 'approved', reasons: [], groundedness: 0.9 },
        verifiedAnswerId: 'v1',
      }),
    );
    renderQueue(api);

    const item = within(await findItem('ask-2'));
    type(
      item.getByRole('textbox', { name: 'Comment' }),
      ' Checked the CRM docs ',
    );
    click(item.getByRole('button', { name: 'Approve' }));

    expect(api.reviewAsk).toHaveBeenCalledWith('ask-2', {
      action: 'approve',
      comment: 'Checked the CRM docs',
    });
    const done = await screen.findByRole('list', { name: 'Reviewed just now' });
    const outcome = within(done).getByTestId('review-outcome');
    expect(outcome).toHaveTextContent(/^Verified by guest on .*2025/);
    expect(outcome).toHaveTextContent('“Checked the CRM docs”');
    expect(outcome).toHaveTextContent('Validator: Approved · groundedness 90%');
    expect(
      within(done).queryByRole('button', { name: 'Approve' }),
    ).not.toBeInTheDocument();
    // Out of the pending list, and counted out.
    const pending = screen.getByRole('list', { name: 'Answers to review' });
    expect(
      within(pending).queryByTestId('review-item-ask-2'),
    ).not.toBeInTheDocument();
    expect(
      within(pending).getByTestId('review-item-ask-3'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'Answers waiting for review (1)' }),
    ).toBeInTheDocument();
  });

  it('corrects with the model answer prefilled, saving it as a note', async () => {
    const api = withQueue([flaggedReviewItem]);
    api.reviewAsk.mockImplementation(async (_id, request) =>
      reviewed(flaggedReviewItem, {
        action: 'correct',
        state: 'corrected',
        correctedAnswer: request.answer,
        noteId: 'note-9',
      }),
    );
    renderQueue(api);

    const item = within(await findItem('ask-2'));
    click(item.getByRole('button', { name: 'Correct' }));
    const editor = item.getByRole('textbox', { name: 'Corrected answer' });
    expect(editor).toHaveValue('Yes, join on customer_id.');
    type(editor, 'Yes, join on customer_id, after aggregating order lines.');
    click(
      item.getByRole('checkbox', { name: 'Also save as a knowledge note' }),
    );
    type(item.getByRole('textbox', { name: 'Comment' }), 'Grain differs');
    click(item.getByRole('button', { name: 'Submit correction' }));

    expect(api.reviewAsk).toHaveBeenCalledWith('ask-2', {
      action: 'correct',
      answer: 'Yes, join on customer_id, after aggregating order lines.',
      comment: 'Grain differs',
      saveAsNote: true,
    });
    const done = await screen.findByRole('list', { name: 'Reviewed just now' });
    const outcome = within(done).getByTestId('review-outcome');
    expect(outcome).toHaveTextContent(
      /Verified by guest on .*2025 · corrected/,
    );
    expect(within(outcome).getByTestId('corrected-answer')).toHaveTextContent(
      'Yes, join on customer_id, after aggregating order lines.',
    );
    expect(outcome).toHaveTextContent('Saved as a knowledge note');
    expect(screen.getByTestId('review-empty')).toHaveTextContent(
      'Nothing waits for your review',
    );
  });

  it('cannot submit an empty correction, and Cancel goes back', async () => {
    const api = withQueue([flaggedReviewItem]);
    renderQueue(api);
    const item = within(await findItem('ask-2'));
    click(item.getByRole('button', { name: 'Correct' }));
    type(item.getByRole('textbox', { name: 'Corrected answer' }), '   ');
    expect(
      item.getByRole('button', { name: 'Submit correction' }),
    ).toBeDisabled();
    expect(
      item.getByText('The corrected answer must not be empty.'),
    ).toBeInTheDocument();
    click(item.getByRole('button', { name: 'Cancel' }));
    expect(
      item.queryByRole('textbox', { name: 'Corrected answer' }),
    ).not.toBeInTheDocument();
    expect(item.getByRole('button', { name: 'Approve' })).toBeInTheDocument();
    expect(api.reviewAsk).not.toHaveBeenCalled();
  });

  it('rejects only with a comment', async () => {
    const api = withQueue([flaggedReviewItem]);
    api.reviewAsk.mockImplementation(async (_id, request) =>
      reviewed(flaggedReviewItem, {
        action: 'reject',
        state: 'rejected',
        comment: request.comment,
      }),
    );
    renderQueue(api);

    const item = within(await findItem('ask-2'));
    click(item.getByRole('button', { name: 'Reject' }));
    expect(api.reviewAsk).not.toHaveBeenCalled();
    const comment = item.getByRole('textbox', { name: 'Comment' });
    expect(comment).toHaveAttribute('aria-invalid', 'true');
    expect(
      item.getByText('Say what is wrong: a comment is required to reject.'),
    ).toBeInTheDocument();
    expect(comment).toHaveFocus();

    type(comment, 'customer_id is not the CRM key');
    click(item.getByRole('button', { name: 'Reject' }));
    expect(api.reviewAsk).toHaveBeenCalledWith('ask-2', {
      action: 'reject',
      comment: 'customer_id is not the CRM key',
    });
    const done = await screen.findByRole('list', { name: 'Reviewed just now' });
    expect(within(done).getByTestId('review-outcome')).toHaveTextContent(
      /^Rejected by guest on .*2025“customer_id is not the CRM key”/,
    );
  });

  it('keeps the edited text and shows the reasons when the validator blocks a correction', async () => {
    const api = withQueue([flaggedReviewItem]);
    api.reviewAsk.mockRejectedValue(
      new ReviewRejectedError({
        message: 'The validator blocked the corrected answer',
        verdict: {
          status: 'blocked',
          reasons: [
            {
              code: 'pii-disclosure',
              message: 'The answer reveals values of a PII column',
              severity: 'error',
            },
          ],
          groundedness: 0.1,
        },
      }),
    );
    renderQueue(api);

    const item = within(await findItem('ask-2'));
    click(item.getByRole('button', { name: 'Correct' }));
    type(
      item.getByRole('textbox', { name: 'Corrected answer' }),
      'Join on customer_email: a@example.com',
    );
    click(
      item.getByRole('checkbox', { name: 'Also save as a knowledge note' }),
    );
    type(item.getByRole('textbox', { name: 'Comment' }), 'Use the email');
    click(item.getByRole('button', { name: 'Submit correction' }));

    const alert = await item.findByRole('alert');
    expect(alert).toHaveTextContent('The validator blocked this text');
    expect(alert).toHaveTextContent(
      'The validator blocked the corrected answer',
    );
    const reasons = within(alert).getByRole('region', {
      name: 'Why the validator blocked it',
    });
    expect(reasons).toHaveTextContent('pii-disclosure (error)');
    expect(reasons).toHaveTextContent(
      'The answer reveals values of a PII column',
    );
    // Nothing the reviewer typed is lost, and they can try again.
    expect(item.getByRole('textbox', { name: 'Corrected answer' })).toHaveValue(
      'Join on customer_email: a@example.com',
    );
    expect(item.getByRole('textbox', { name: 'Comment' })).toHaveValue(
      'Use the email',
    );
    expect(
      item.getByRole('checkbox', { name: 'Also save as a knowledge note' }),
    ).toBeChecked();
    expect(
      item.getByRole('button', { name: 'Submit correction' }),
    ).toBeEnabled();
    expect(
      screen.queryByRole('list', { name: 'Reviewed just now' }),
    ).toBeNull();
    expect(screen.getByTestId('review-item-ask-2')).toHaveAttribute(
      'data-state',
      'pending',
    );
  });

  it('says an answer was already reviewed (409) with the backend message', async () => {
    const api = withQueue([flaggedReviewItem]);
    api.reviewAsk.mockRejectedValue(
      await responseError(
        409,
        'ConflictError',
        'ask-2 was already reviewed by alice',
      ),
    );
    renderQueue(api);
    const item = within(await findItem('ask-2'));
    click(item.getByRole('button', { name: 'Approve' }));
    const alert = await item.findByRole('alert');
    expect(alert).toHaveTextContent('Already reviewed');
    expect(alert).toHaveTextContent('ask-2 was already reviewed by alice');
  });

  it('says when nothing waits', async () => {
    const api = fakeApi();
    api.getReviewQueue.mockResolvedValue(queue([]));
    renderQueue(api);
    expect(await screen.findByTestId('review-empty')).toHaveTextContent(
      'Nothing waits for your review',
    );
    expect(
      await screen.findByText(
        'No relationship suggestions wait for your review',
      ),
    ).toBeInTheDocument();
  });

  it('shows the backend message when the queue cannot be loaded, and retries', async () => {
    const api = fakeApi();
    api.getReviewQueue.mockRejectedValue(
      await responseError(500, 'Error', 'review store is down'),
    );
    renderQueue(api);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the review queue');
    expect(alert).toHaveTextContent('review store is down');

    api.getReviewQueue.mockResolvedValue(queue([flaggedReviewItem]));
    click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await findItem('ask-2')).toBeInTheDocument();
  });

  it('pages when there are more answers than fit', async () => {
    const api = fakeApi();
    api.getReviewQueue.mockResolvedValue(
      queue([flaggedReviewItem, blockedReviewItem], { total: 3 }),
    );
    renderQueue(api, { pageSize: 2 });

    await findItem('ask-2');
    const pages = screen.getByRole('navigation', { name: 'Pages' });
    expect(within(pages).getByTestId('review-page')).toHaveTextContent(
      '1–2 of 3',
    );
    expect(
      within(pages).getByRole('button', { name: 'Previous' }),
    ).toBeDisabled();

    api.getReviewQueue.mockResolvedValue(
      queue([demotedReviewItem], { total: 3 }),
    );
    click(within(pages).getByRole('button', { name: 'Next' }));
    expect(await findItem('ask-6')).toBeInTheDocument();
    expect(api.getReviewQueue).toHaveBeenLastCalledWith({
      state: 'pending',
      limit: 2,
      offset: 2,
    });
    expect(screen.getByTestId('review-page')).toHaveTextContent('3–3 of 3');
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();
  });

  it('lists each pair of products once, folded, with Accept and Reject on its mappings', async () => {
    const api = fakeApi();
    api.getReviewInterop.mockResolvedValue({
      items: [customersInteropItem],
      total: 1,
      pendingMappings: 2,
    });
    api.decideInterop.mockImplementation(
      async (_ref, request): Promise<InteropDecision> => ({
        suggestionId: request.suggestionId,
        status: 'accepted',
        decidedBy: 'user:default/guest',
        decidedAt: '2025-03-06T08:00:00.000Z',
        from: channelMapping.from,
        to: channelMapping.to,
        kind: channelMapping.kind,
      }),
    );
    renderQueue(api);

    const section = await screen.findByRole('region', {
      name: /^Relationship suggestions/,
    });
    expect(
      within(section).getByRole('heading', {
        name: 'Relationship suggestions (2)',
      }),
    ).toBeInTheDocument();
    const pairs = await within(section).findAllByTestId('review-interop-group');
    expect(pairs).toHaveLength(1);
    expect(pairs[0]).toHaveAccessibleName('orders ↔ customers');
    expect(api.getReviewInterop).toHaveBeenCalledWith({
      sort: 'confidence',
      limit: 5,
      offset: 0,
    });
    // folded until opened
    expect(within(pairs[0]).queryByTestId('mapping-m-channel')).toBeNull();
    click(
      within(pairs[0]).getByRole('button', { name: 'Show 2 column mappings' }),
    );
    const row = await within(pairs[0]).findByTestId('mapping-m-channel');
    expect(row).toHaveTextContent(
      'order_lines.channel ↔ customers.signup_channel',
    );
    click(
      within(row).getByRole('button', {
        name: 'Accept channel ↔ signup_channel',
      }),
    );
    expect(api.decideInterop).toHaveBeenCalledWith(ORDERS, {
      suggestionId: 'm-channel',
      decision: 'accept',
    });
    await waitFor(() =>
      expect(within(row).getByTestId('decision-state')).toHaveTextContent(
        /^Accepted by guest on .*2025/,
      ),
    );
    expect(
      within(section).getByRole('heading', {
        name: 'Relationship suggestions (1)',
      }),
    ).toBeInTheDocument();
  });

  it('pages and sorts the pairs of products', async () => {
    const api = fakeApi();
    api.getReviewInterop.mockResolvedValue({
      items: [customersInteropItem],
      total: 7,
      pendingMappings: 9,
    });
    renderQueue(api);
    const section = await screen.findByTestId('review-interop');
    const pages = await within(section).findByRole('navigation', {
      name: 'Pages of relationship suggestions',
    });
    expect(within(pages).getByTestId('review-interop-page')).toHaveTextContent(
      '1–1 of 7',
    );
    click(within(pages).getByRole('button', { name: 'Next' }));
    await waitFor(() =>
      expect(api.getReviewInterop).toHaveBeenLastCalledWith({
        sort: 'confidence',
        limit: 5,
        offset: 5,
      }),
    );
    fireEvent.change(
      await within(section).findByRole('combobox', { name: 'Sort by' }),
      { target: { value: 'product' } },
    );
    await waitFor(() =>
      expect(api.getReviewInterop).toHaveBeenLastCalledWith({
        sort: 'product',
        limit: 5,
        offset: 0,
      }),
    );
  });

  it('asks for the oldest answers first when chosen', async () => {
    const api = fakeApi();
    api.getReviewQueue.mockResolvedValue(queue([flaggedReviewItem]));
    renderQueue(api);
    await findItem('ask-2');
    const filters = screen.getByRole('search', { name: 'Review filters' });
    fireEvent.change(within(filters).getByRole('combobox', { name: 'Order' }), {
      target: { value: 'oldest' },
    });
    await waitFor(() =>
      expect(api.getReviewQueue).toHaveBeenLastCalledWith({
        state: 'pending',
        order: 'oldest',
        limit: 10,
        offset: 0,
      }),
    );
  });

  it('shows why the relationship suggestions cannot be loaded', async () => {
    const api = fakeApi();
    api.getReviewInterop.mockRejectedValue(
      await responseError(500, 'Error', 'interop cache is cold'),
    );
    renderQueue(api);
    const section = await screen.findByTestId('review-interop');
    const alert = await within(section).findByRole('alert');
    expect(alert).toHaveTextContent(
      'Could not load the relationship suggestions',
    );
    expect(alert).toHaveTextContent('interop cache is cold');
  });
});

describe('summaryText', () => {
  it('counts answers and suggestions, leaving out zeros', () => {
    const summary = {
      canReview: true,
      pendingAnswers: 2,
      pendingSuggestions: 3,
    };
    expect(summaryText(summary)).toBe(
      '2 answers and 3 relationship suggestions wait for your review',
    );
    expect(summaryText({ ...summary, pendingSuggestions: 1 })).toBe(
      '2 answers and 1 relationship suggestion wait for your review',
    );
    expect(summaryText({ ...summary, pendingSuggestions: 0 })).toBe(
      '2 answers wait for your review',
    );
    expect(
      summaryText({ ...summary, pendingAnswers: 0, pendingSuggestions: 1 }),
    ).toBe('1 relationship suggestion waits for your review');
    expect(
      summaryText({ ...summary, pendingAnswers: 0, pendingSuggestions: 0 }),
    ).toBe('');
  });
});
