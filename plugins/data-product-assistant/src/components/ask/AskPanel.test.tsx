import { describe, expect, it } from 'vitest';
import {
  configure,
  fireEvent,
  screen,
  waitFor,
  within,
} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { reviewRouteRef } from '../../routes';
import { ResponseError } from '@backstage/errors';
import {
  AskRecord,
  MAX_QUESTION_LENGTH,
} from '@dpa/plugin-data-product-assistant-common';
import { dataProductAssistantApiRef } from '../../api';
import { fakeApi } from '../../__testUtils__/fakeApi';
import {
  abstainedAsk,
  approvedAsk,
  blockedAsk,
  flaggedAsk,
  orderProfile,
} from '../../__testUtils__/fixtures';
import { AskPanel } from './AskPanel';

// *ByRole checks every ancestor's computed style for visibility, which is
// slow under MUI's many style sheets in jsdom. Collapsed content is unmounted
// here (accordions use unmountOnExit), so skipping that check loses nothing.
configure({ defaultHidden: true });

const ENTITY_REF = 'component:default/orders';
const LABEL = 'Ask a question about this data product';

function renderPanel(
  api = fakeApi(),
  props: { withProfile?: boolean; stageMs?: number; isOwner?: boolean } = {},
) {
  renderInTestApp(
    <AskPanel
      entityRef={ENTITY_REF}
      profile={props.withProfile === false ? undefined : orderProfile}
      isOwner={props.isOwner}
      stageMs={props.stageMs ?? 20}
    />,
    {
      apis: [[dataProductAssistantApiRef, api]],
      mountedRoutes: { '/data-product-review': reviewRouteRef },
    },
  );
  return api;
}

function deferred<T>() {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>(r => {
    resolve = r;
  });
  return { promise, resolve };
}

function responseError(status: number, message: string) {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: 'InputError', message },
        response: { statusCode: status },
      }),
      { status, headers: { 'Content-Type': 'application/json' } },
    ),
  );
}

const questionBox = () => screen.getByRole('textbox', { name: LABEL });

const setupUser = () => userEvent.setup({ delay: null });

async function askVia(text: string) {
  const user = setupUser();
  await user.click(await screen.findByRole('textbox', { name: LABEL }));
  await user.paste(text);
  await user.click(screen.getByRole('button', { name: 'Ask' }));
  return user;
}

const page = (items: AskRecord[], total = items.length) => ({ items, total });

describe('AskPanel', () => {
  it('shows the stages while asking, then the approved answer', async () => {
    const api = fakeApi();
    const answer = deferred<AskRecord>();
    api.ask.mockReturnValue(answer.promise);
    renderPanel(api, { stageMs: 300 });

    const user = await askVia('What does net_amount mean?');

    const progress = await screen.findByRole('region', {
      name: 'Answering the question',
    });
    expect(within(progress).getByText('Retrieving facts')).toBeInTheDocument();
    expect(within(progress).getByRole('status')).toHaveTextContent(
      'Retrieving facts…',
    );
    expect(questionBox()).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Ask' })).toBeDisabled();
    expect(api.ask).toHaveBeenCalledWith(
      ENTITY_REF,
      'What does net_amount mean?',
    );

    // The stages advance on the timer, and stop at the last one.
    await waitFor(() =>
      expect(within(progress).getByRole('status')).toHaveTextContent(
        'Validating…',
      ),
    );
    // No stage claims to be done before the response.
    expect(progress.querySelector('.MuiStepIcon-completed')).toBeNull();

    answer.resolve(approvedAsk);
    const card = await screen.findByTestId('answer-card');
    // A browser test finds the card by its role and name.
    expect(screen.getByRole('region', { name: 'Answer' })).toBe(card);
    expect(
      screen.queryByRole('region', { name: 'Answering the question' }),
    ).not.toBeInTheDocument();
    expect(within(card).getByTestId('verdict-badge')).toHaveTextContent(
      /^Approved$/,
    );
    expect(within(card).getByTestId('answer-text')).toHaveTextContent(
      'net_amount is the amount after discounts, before tax',
    );
    expect(within(card).getByTestId('answer-usage')).toHaveTextContent(
      'Answered by commerce-answer@a1b2c3 · validated by validator@v9f8e7 · groundedness 96% · cost $0.000432 · 876 tokens · 1.2 s',
    );
    // The question box is free again and cleared.
    expect(questionBox()).toBeEnabled();
    expect(questionBox()).toHaveValue('');

    // Sources are named as a person reads them and expand to the fact itself.
    const citations = within(card).getByRole('region', { name: 'Citations' });
    const fact = within(citations).getByRole('button', {
      name: 'Column order_lines.net_amount',
    });
    // a record stored before citations carried their kind: named from its id
    expect(
      within(citations).getByRole('button', { name: 'Table order_lines' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByText(
        'Column order_lines.net_amount (number): Amount after discounts, before tax.',
      ),
    ).not.toBeInTheDocument();
    await user.click(fact);
    expect(fact).toHaveAttribute('aria-expanded', 'true');
    expect(within(citations).getByTestId('cited-fact')).toHaveTextContent(
      'Column order_lines.net_amount (number): Amount after discounts, before tax.',
    );
    // the column as the contract describes it
    const column = within(citations).getByTestId('cited-column');
    expect(column).toHaveTextContent('number');
    expect(
      within(column).getByLabelText('Classification: confidential'),
    ).toBeInTheDocument();
  });

  it('shows the cited SLA and support channel as the contract holds them', async () => {
    const api = fakeApi();
    api.ask.mockResolvedValue({
      ...approvedAsk,
      answer: 'Order lines arrive within 4 hours; ask in #orders-data.',
      citations: [
        {
          id: 'sla:latency',
          kind: 'sla',
          text: 'SLA latency: the latency (maximum data delay) is 4 hours (for order_lines).',
        },
        {
          id: 'support:#orders-data',
          kind: 'support',
          text: 'Support channel #orders-data (slack, https://slack.example.com/orders).',
        },
      ],
    });
    renderPanel(api);
    const user = await askVia('How fresh is the data?');
    const citations = await screen.findByRole('region', { name: 'Citations' });
    await user.click(
      within(citations).getByRole('button', { name: 'SLA: latency' }),
    );
    expect(within(citations).getByTestId('cited-source')).toHaveTextContent(
      'Latency (maximum data delay): 4 hours (order_lines)',
    );
    await user.click(
      within(citations).getByRole('button', {
        name: 'Support channel #orders-data',
      }),
    );
    expect(
      within(citations).getByRole('link', { name: /#orders-data/ }),
    ).toHaveAttribute('href', 'https://slack.example.com/orders');
  });

  it('shows a flagged answer with its warning and the validator reasons', async () => {
    const api = fakeApi();
    api.ask.mockResolvedValue(flaggedAsk);
    renderPanel(api);
    await askVia('Can I join it with customer profiles?');

    const card = await screen.findByTestId('answer-card');
    expect(within(card).getByTestId('verdict-badge')).toHaveTextContent(
      /^Flagged$/,
    );
    expect(
      within(card).getByText('Flagged: review pending'),
    ).toBeInTheDocument();
    expect(within(card).getByText('Yes, join on customer_id.')).toBeVisible();
    const reasons = within(card).getByRole('region', {
      name: 'Validator reasons',
    });
    expect(
      within(reasons).getByText('ungrounded-claim (warning)'),
    ).toBeInTheDocument();
    expect(
      within(reasons).getByText('Claim 1 is not supported by its citations'),
    ).toBeInTheDocument();
  });

  it('explains a blocked answer to an asker: where it went and the access role to request', async () => {
    const api = fakeApi();
    api.ask.mockResolvedValue(blockedAsk);
    renderPanel(api);
    await askVia('List the customer emails');

    const card = await screen.findByTestId('answer-card');
    expect(within(card).getByTestId('verdict-badge')).toHaveTextContent(
      /^Blocked$/,
    );
    const notice = within(card).getByTestId('blocked-notice');
    expect(notice).toHaveTextContent('Answer withheld');
    expect(notice).toHaveTextContent(
      "it would show values your access does not cover. It waits for review by the data product's owners (sales).",
    );
    // the engine's own notice is not repeated
    expect(notice).not.toHaveTextContent(/sent to the data product owner/);
    // the contract's role that covers the withheld column, with its approvers
    const hint = within(notice).getByTestId('access-hint');
    expect(hint).toHaveTextContent(
      'To see such values, request the access role',
    );
    expect(hint).toHaveTextContent(
      'orders_pii_reader (read) — covers order_lines.customer_email; approved by alice, Data Protection Office.',
    );
    expect(hint).not.toHaveTextContent('orders_reader (read)');
    expect(
      within(card).queryByRole('region', { name: 'Citations' }),
    ).not.toBeInTheDocument();
    expect(
      within(card).getByText('Personal data (withheld)'),
    ).toBeInTheDocument();
    // Two decimals from a cent up.
    expect(within(card).getByTestId('answer-usage')).toHaveTextContent(
      'cost $0.01',
    );
  });

  it('tells the owner a blocked answer waits in their review queue, not that it was sent to them', async () => {
    const api = fakeApi();
    api.ask.mockResolvedValue(blockedAsk);
    renderPanel(api, { isOwner: true });
    await askVia('List the customer emails');

    const notice = await screen.findByTestId('blocked-notice');
    expect(notice).toHaveTextContent(
      'You own this data product, so it waits in your review queue',
    );
    expect(notice).not.toHaveTextContent(/owner for review|sent to/);
    expect(
      within(notice).getByRole('link', { name: 'your review queue' }),
    ).toHaveAttribute(
      'href',
      '/data-product-review?product=component%3Adefault%2Forders',
    );
  });

  it('says when the metadata holds no answer, without doubting a correct abstention', async () => {
    const api = fakeApi();
    api.ask.mockResolvedValue(abstainedAsk);
    renderPanel(api);
    await askVia('What was revenue last quarter?');

    const card = await screen.findByTestId('answer-card');
    expect(within(card).getByTestId('verdict-badge')).toHaveTextContent(
      /^Abstained$/,
    );
    expect(
      within(card).getByText('No answer in the metadata'),
    ).toBeInTheDocument();
    expect(within(card).getByTestId('answer-text')).toHaveTextContent(
      'The metadata of this data product does not say.',
    );
    // no "ungrounded (warning)", no "groundedness 0%"
    expect(
      within(card).queryByRole('region', { name: 'Validator reasons' }),
    ).not.toBeInTheDocument();
    expect(within(card).queryByText(/ungrounded|Not supported/)).toBeNull();
    expect(within(card).getByTestId('answer-usage')).not.toHaveTextContent(
      /groundedness/,
    );
    expect(
      within(card).getByRole('button', { name: 'Owner' }),
    ).toBeInTheDocument();
  });

  it('shows the backend message of a 400 and of a 429', async () => {
    const api = fakeApi();
    api.ask.mockRejectedValueOnce(
      await responseError(
        400,
        'question is too long: the limit is 2000 characters',
      ),
    );
    renderPanel(api);
    const user = await askVia('Why?');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The question was not accepted');
    expect(alert).toHaveTextContent(
      'question is too long: the limit is 2000 characters',
    );
    // The question stays for the user to fix.
    expect(questionBox()).toHaveValue('Why?');

    api.ask.mockRejectedValueOnce(
      await responseError(429, 'At most 10 questions a minute; resets in 42 s'),
    );
    await user.click(screen.getByRole('button', { name: 'Ask' }));
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent(
        'At most 10 questions a minute; resets in 42 s',
      ),
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Too many questions');
  });

  it('refuses empty and over-long questions without calling the API', async () => {
    const api = renderPanel();
    const user = setupUser();
    await user.click(await screen.findByRole('button', { name: 'Ask' }));
    expect(await screen.findByText(/Type a question first\./)).toBeVisible();
    expect(questionBox()).toHaveAttribute('aria-invalid', 'true');

    await user.type(questionBox(), '   {Enter}');
    expect(screen.getByText(/Type a question first\./)).toBeInTheDocument();

    fireEvent.change(questionBox(), {
      target: { value: 'x'.repeat(MAX_QUESTION_LENGTH + 1) },
    });
    expect(
      screen.getByText(/The question is too long: 2001 of at most 2000/),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Ask' }));
    expect(api.ask).not.toHaveBeenCalled();
  });

  it('counts characters, asks on Enter and adds a line on Shift+Enter', async () => {
    const api = fakeApi();
    api.ask.mockResolvedValue(approvedAsk);
    renderPanel(api);
    const user = setupUser();
    const box = await screen.findByRole('textbox', { name: LABEL });
    expect(screen.getByText(/^0 \/ 2000 characters/)).toBeInTheDocument();

    await user.type(box, 'first line{Shift>}{Enter}{/Shift}second');
    expect(box).toHaveValue('first line\nsecond');
    expect(screen.getByText(/^17 \/ 2000 characters/)).toBeInTheDocument();
    expect(api.ask).not.toHaveBeenCalled();

    await user.type(box, '{Enter}');
    expect(api.ask).toHaveBeenCalledWith(ENTITY_REF, 'first line\nsecond');
    expect(await screen.findByTestId('answer-card')).toBeInTheDocument();
  });

  it('asks a suggested question when it is clicked', async () => {
    const api = fakeApi();
    api.ask.mockResolvedValue(approvedAsk);
    renderPanel(api);

    const suggestions = await screen.findByRole('region', {
      name: 'Suggested questions',
    });
    await setupUser().click(
      within(suggestions).getByRole('button', {
        name: 'Which columns contain personal data?',
      }),
    );
    expect(api.ask).toHaveBeenCalledWith(
      ENTITY_REF,
      'Which columns contain personal data?',
    );
    expect(await screen.findByTestId('answer-card')).toBeInTheDocument();
  });

  it('offers no suggestions without a profile', async () => {
    renderPanel(fakeApi(), { withProfile: false });
    await screen.findByRole('textbox', { name: LABEL });
    expect(
      screen.queryByRole('region', { name: 'Suggested questions' }),
    ).not.toBeInTheDocument();
  });

  it('sends feedback with the comment and thanks the user', async () => {
    const api = fakeApi();
    api.ask.mockResolvedValue(approvedAsk);
    renderPanel(api);
    const user = await askVia('What does net_amount mean?');
    const card = await screen.findByTestId('answer-card');

    await user.click(
      within(card).getByRole('textbox', { name: 'Comment (optional)' }),
    );
    await user.paste('Clear, thanks');
    await user.click(within(card).getByRole('button', { name: 'Helpful' }));

    expect(
      await within(card).findByText('Thanks for the feedback'),
    ).toBeVisible();
    expect(api.sendFeedback).toHaveBeenCalledWith('ask-1', {
      helpful: true,
      comment: 'Clear, thanks',
    });
    expect(
      within(card).getByRole('button', { name: 'Helpful' }),
    ).toHaveAttribute('aria-pressed', 'true');

    await user.click(within(card).getByRole('button', { name: 'Not helpful' }));
    await waitFor(() =>
      expect(api.sendFeedback).toHaveBeenLastCalledWith('ask-1', {
        helpful: false,
        comment: 'Clear, thanks',
      }),
    );
  });

  it('shows the stored feedback of a record and a failure to send', async () => {
    const api = fakeApi();
    api.ask.mockResolvedValue({
      ...approvedAsk,
      feedback: {
        helpful: false,
        comment: 'Misses the tax part',
        userRef: 'user:default/guest',
        createdAt: approvedAsk.createdAt,
      },
    });
    api.sendFeedback.mockRejectedValue(new Error('network down'));
    renderPanel(api);
    const user = await askVia('What does net_amount mean?');
    const card = await screen.findByTestId('answer-card');

    expect(
      within(card).getByRole('button', { name: 'Not helpful' }),
    ).toHaveAttribute('aria-pressed', 'true');
    expect(
      within(card).getByText('You marked this answer not helpful.'),
    ).toBeInTheDocument();
    expect(
      within(card).getByRole('textbox', { name: 'Comment (optional)' }),
    ).toHaveValue('Misses the tax part');

    await user.click(within(card).getByRole('button', { name: 'Helpful' }));
    expect(
      await within(card).findByText(
        /Could not send the feedback: network down/,
      ),
    ).toBeInTheDocument();
    expect(within(card).queryByText('Thanks for the feedback')).toBeNull();
  });

  describe('history', () => {
    const older = (n: number): AskRecord => ({
      ...approvedAsk,
      id: `old-${n}`,
      question: `Old question ${n}`,
    });

    it('shows the empty state', async () => {
      const api = renderPanel();
      expect(
        await screen.findByText('No questions asked yet'),
      ).toBeInTheDocument();
      expect(api.listAsks).toHaveBeenCalledWith(
        ENTITY_REF,
        { limit: 5, offset: 0 },
        expect.anything(),
      );
      expect(
        screen.queryByRole('navigation', { name: 'Pages of past questions' }),
      ).not.toBeInTheDocument();
    });

    it('lists past questions newest first, a page at a time', async () => {
      const api = fakeApi();
      const first = [flaggedAsk, blockedAsk, older(1), older(2), older(3)];
      api.listAsks
        .mockResolvedValueOnce(page(first, 7))
        .mockResolvedValueOnce(page([older(4), older(5)], 7));
      renderPanel(api);

      const history = await screen.findByRole('region', {
        name: /Past questions/,
      });
      await waitFor(() =>
        expect(within(history).getAllByTestId('ask-history-item')).toHaveLength(
          5,
        ),
      );
      expect(history).toHaveTextContent('Past questions (7)');
      const items = within(history).getAllByTestId('ask-history-item');
      expect(items[0]).toHaveTextContent(
        'Can I join it with customer profiles?',
      );
      expect(within(items[0]).getByTestId('verdict-badge')).toHaveTextContent(
        'Flagged',
      );
      expect(within(items[1]).getByTestId('verdict-badge')).toHaveTextContent(
        'Blocked',
      );
      expect(items[0].querySelector('time')).toHaveAttribute(
        'dateTime',
        flaggedAsk.createdAt,
      );
      const pages = within(history).getByRole('navigation', {
        name: 'Pages of past questions',
      });
      expect(within(pages).getByTestId('ask-history-page')).toHaveTextContent(
        '1–5 of 7',
      );

      await setupUser().click(
        within(pages).getByRole('button', { name: 'Next' }),
      );
      await waitFor(() =>
        expect(within(history).getAllByTestId('ask-history-item')).toHaveLength(
          2,
        ),
      );
      expect(api.listAsks).toHaveBeenLastCalledWith(
        ENTITY_REF,
        { limit: 5, offset: 5 },
        expect.anything(),
      );
      expect(within(history).getByTestId('ask-history-page')).toHaveTextContent(
        '6–7 of 7',
      );
      expect(
        within(history).getByRole('button', { name: 'Next' }),
      ).toBeDisabled();
    });

    it('lists the oldest first when asked, reading the newest-first list from its end', async () => {
      const api = fakeApi();
      // newest first: old-7 … old-1
      const all = [7, 6, 5, 4, 3, 2, 1].map(older);
      api.listAsks.mockImplementation(async (_ref, query) => {
        const offset = query?.offset ?? 0;
        return page(all.slice(offset, offset + (query?.limit ?? 5)), 7);
      });
      renderPanel(api);
      const history = await screen.findByRole('region', {
        name: /Past questions/,
      });
      await waitFor(() =>
        expect(within(history).getAllByTestId('ask-history-item')).toHaveLength(
          5,
        ),
      );
      fireEvent.change(
        within(history).getByRole('combobox', { name: 'Order' }),
        {
          target: { value: 'oldest' },
        },
      );
      await waitFor(() =>
        expect(
          within(history)
            .getAllByTestId('ask-history-item')
            .map(i => i.textContent?.match(/Old question \d/)?.[0]),
        ).toEqual([
          'Old question 1',
          'Old question 2',
          'Old question 3',
          'Old question 4',
          'Old question 5',
        ]),
      );
      await setupUser().click(
        within(history).getByRole('button', { name: 'Next' }),
      );
      await waitFor(() =>
        expect(
          within(history)
            .getAllByTestId('ask-history-item')
            .map(i => i.textContent?.match(/Old question \d/)?.[0]),
        ).toEqual(['Old question 6', 'Old question 7']),
      );
    });

    it('expands a past question to its answer', async () => {
      const api = fakeApi();
      api.listAsks.mockResolvedValue(page([flaggedAsk]));
      renderPanel(api);

      const history = await screen.findByRole('region', {
        name: /Past questions/,
      });
      const summary = await within(history).findByRole('button', {
        name: /Can I join it with customer profiles\?/,
      });
      expect(
        within(history).queryByText('Yes, join on customer_id.'),
      ).not.toBeInTheDocument();
      await setupUser().click(summary);
      expect(
        within(history).getByText('Yes, join on customer_id.'),
      ).toBeInTheDocument();
      expect(
        within(history).getByText('ungrounded-claim (warning)'),
      ).toBeInTheDocument();
    });

    it('reloads after a new ask', async () => {
      const api = fakeApi();
      api.ask.mockResolvedValue(approvedAsk);
      api.listAsks
        .mockResolvedValueOnce(page([]))
        .mockResolvedValueOnce(page([approvedAsk]));
      renderPanel(api);
      expect(
        await screen.findByText('No questions asked yet'),
      ).toBeInTheDocument();

      await askVia('What does net_amount mean?');
      await screen.findByTestId('answer-card');
      const history = screen.getByRole('region', { name: /Past questions/ });
      await waitFor(() =>
        expect(within(history).getAllByTestId('ask-history-item')).toHaveLength(
          1,
        ),
      );
      expect(api.listAsks).toHaveBeenCalledTimes(2);
      expect(api.listAsks).toHaveBeenLastCalledWith(
        ENTITY_REF,
        { limit: 5, offset: 0 },
        expect.anything(),
      );
    });

    it('shows why the history could not load', async () => {
      const api = fakeApi();
      api.listAsks.mockRejectedValue(
        await responseError(404, 'No entity component:default/orders'),
      );
      renderPanel(api);
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent('Data product not found');
      expect(alert).toHaveTextContent('No entity component:default/orders');
    });
  });
});
