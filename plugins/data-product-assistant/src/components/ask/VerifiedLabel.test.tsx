import { describe, expect, it } from 'vitest';
import { configure, fireEvent, screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { dataProductAssistantApiRef } from '../../api';
import { fakeApi } from '../../__testUtils__/fakeApi';
import { approvedAsk, verifiedAsk } from '../../__testUtils__/fixtures';
import { AnswerCard } from './AnswerCard';
import { AskHistory } from './AskHistory';

configure({ defaultHidden: true });

function render(element: JSX.Element, api = fakeApi()) {
  renderInTestApp(element, {
    apis: [[dataProductAssistantApiRef, api]],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
  return api;
}

describe('verified answers', () => {
  it('says who verified the answer and when, and that no model was called', async () => {
    render(<AnswerCard record={verifiedAsk} />);

    const card = await screen.findByRole('region', { name: 'Answer' });
    const label = within(card).getByTestId('verified-label');
    expect(label).toHaveTextContent(/Verified by alice, .*2025/);
    expect(within(label).getByRole('link', { name: 'alice' })).toHaveAttribute(
      'href',
      expect.stringContaining('/catalog/default/user/alice'),
    );
    expect(label).toHaveTextContent('no model was called');
    expect(card).toHaveTextContent("Verified by the data product's owners");
    const usage = within(card).getByTestId('answer-usage');
    expect(usage).toHaveTextContent(
      'Owner-verified answer · no model was called',
    );
    expect(usage).not.toHaveTextContent('Answered by');
    expect(within(card).getByTestId('answer-text')).toHaveTextContent(
      'net_amount is the amount after discounts, before tax',
    );
    // Same question as verified: not repeated.
    expect(within(card).queryByText(/Verified for the question/)).toBeNull();
  });

  it('names the verified question when the asker worded it differently', async () => {
    render(
      <AnswerCard
        record={{ ...verifiedAsk, question: 'what is net_amount?' }}
      />,
    );
    expect(
      await screen.findByText(
        'Verified for the question “What does net_amount mean?”',
      ),
    ).toBeInTheDocument();
  });

  it('has no verified label for a model answer', async () => {
    render(<AnswerCard record={approvedAsk} />);
    const card = await screen.findByRole('region', { name: 'Answer' });
    expect(within(card).queryByTestId('verified-label')).toBeNull();
    expect(card).not.toHaveTextContent('Verified by');
    expect(within(card).getByTestId('answer-usage')).toHaveTextContent(
      'Answered by commerce-answer@a1b2c3',
    );
  });

  it('marks verified answers in the history, with the full label when opened', async () => {
    const api = fakeApi();
    api.listAsks.mockResolvedValue({
      items: [verifiedAsk, approvedAsk],
      total: 2,
    });
    render(<AskHistory entityRef="component:default/orders" />, api);

    const items = await screen.findAllByTestId('ask-history-item');
    expect(within(items[0]).getByTestId('verified-label')).toHaveTextContent(
      'Verified',
    );
    expect(within(items[0]).getByTestId('verified-label')).toHaveAttribute(
      'title',
      expect.stringMatching(/^Verified by user:default\/alice, .*2025/),
    );
    expect(within(items[1]).queryByTestId('verified-label')).toBeNull();

    fireEvent.click(
      within(items[0]).getByRole('button', {
        name: /What does net_amount mean/,
      }),
    );
    expect(
      await within(items[0]).findByText(/no model was called\.$/),
    ).toBeInTheDocument();
  });
});
