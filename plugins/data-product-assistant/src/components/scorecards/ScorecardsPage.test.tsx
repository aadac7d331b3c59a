import { describe, expect, it } from 'vitest';
import { configure, fireEvent, screen, within } from '@testing-library/react';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { ResponseError } from '@backstage/errors';
import type {
  DomainScorecard,
  ScorecardsResponse,
} from '@dpa/plugin-data-product-assistant-common';
import plugin, { dataProductAssistantScorecardsPage } from '../../alpha';
import { dataProductAssistantApiRef } from '../../api';
import { fakeApi } from '../../__testUtils__/fakeApi';
import { ScorecardsContent } from './ScorecardsPage';
import { formatMetric, metricRows } from './formatScorecards';

configure({ defaultHidden: true });

const finance: DomainScorecard = {
  domain: 'finance',
  champions: {
    answer: {
      name: 'builtin-answer',
      version: 'aaaaaaaaaaaa',
      provider: 'builtin',
      source: 'config',
      metrics: {
        answer_accuracy: 0.875,
        citation_precision: 0.9,
        governance_leaks: 0,
        latency_p95_ms: 12.4,
        cost_per_answer_usd: 0,
      },
    },
    validator: {
      name: 'builtin-validator-strict',
      version: 'bbbbbbbbbbbb',
      provider: 'builtin',
      source: 'registry',
      promotedAt: '2026-05-01T09:30:00.000Z',
      recordId: 'rec-promoted',
      metrics: {
        answer_accuracy: 0.8125,
        'validator_recall.pii': 1,
        'validator_precision.pii': 0.95,
      },
    },
  },
  history: [
    {
      id: 'rec-refused',
      time: '2026-05-02T09:30:00.000Z',
      role: 'answer',
      verdict: 'refused',
      reasons: [
        'hosted model gpt-answer could not be called: OPENAI_API_KEY is not set',
      ],
      champion: {
        name: 'builtin-answer',
        specHash: 'aaaaaaaaaaaa',
        metrics: {},
      },
      challenger: { name: 'gpt-answer', specHash: 'cccccccccccc', metrics: {} },
      gitSha: '0123456789abcdef0123456789abcdef01234567',
      datasetHash: 'd'.repeat(64),
      promptfooVersion: '0.118.0',
      thresholds: [],
    },
    {
      id: 'rec-promoted',
      time: '2026-05-01T09:30:00.000Z',
      role: 'validator',
      verdict: 'promoted',
      reasons: [],
      champion: {
        name: 'strict-validator',
        specHash: 'eeeeeeeeeeee',
        metrics: {},
      },
      challenger: {
        name: 'builtin-validator-strict',
        specHash: 'bbbbbbbbbbbb',
        metrics: {},
      },
      gitSha: null,
      datasetHash: 'f'.repeat(64),
      promptfooVersion: '0.118.0',
      thresholds: [],
    },
  ],
};

const sales: DomainScorecard = {
  domain: 'sales',
  champions: {
    answer: {
      name: 'builtin-answer',
      version: 'aaaaaaaaaaab',
      provider: 'builtin',
      source: 'config',
    },
    validator: {
      name: 'builtin-validator',
      version: '111111111111',
      provider: 'builtin',
      source: 'config',
    },
  },
  history: [],
};

function renderPage(response: ScorecardsResponse | Error) {
  const api = fakeApi();
  if (response instanceof Error) api.getScorecards.mockRejectedValue(response);
  else api.getScorecards.mockResolvedValue(response);
  renderInTestApp(<ScorecardsContent />, {
    apis: [[dataProductAssistantApiRef, api]],
  });
  return api;
}

describe('Model scorecards', () => {
  it('is a page at /model-scorecards titled "Model scorecards" with a nav icon', () => {
    expect(
      plugin.getExtension('page:data-product-assistant/scorecards'),
    ).toBeDefined();
    const tester = createExtensionTester(dataProductAssistantScorecardsPage);
    expect(tester.get(coreExtensionData.routePath)).toBe('/model-scorecards');
    expect(tester.get(coreExtensionData.title)).toBe('Model scorecards');
    expect(tester.get(coreExtensionData.icon)).toBeDefined();
    expect(tester.get(coreExtensionData.routeRef)).toBeDefined();
  });

  it('shows each domain with its serving models, metrics and promotion history', async () => {
    renderPage({ domains: [finance, sales] });

    const card = await screen.findByTestId('scorecard-finance');
    const c = within(card);
    const answer = c.getByTestId('serving-answer-model');
    expect(answer).toHaveTextContent('builtin-answer@aaaaaaaaaaaa');
    expect(answer).toHaveTextContent('app-config');
    const validator = c.getByTestId('serving-validator');
    expect(validator).toHaveTextContent(
      'builtin-validator-strict@bbbbbbbbbbbb',
    );
    expect(validator).toHaveTextContent('registry');
    expect(validator).toHaveTextContent(/promoted .*2026/);

    expect(c.getByTestId('metric-answer_accuracy')).toHaveTextContent(
      /Answer accuracy\s*87\.5%\s*81\.3%/,
    );
    expect(c.getByTestId('metric-governance_leaks')).toHaveTextContent(
      /Governance leaks\s*0\s*—/,
    );
    expect(c.getByTestId('metric-latency_p95_ms')).toHaveTextContent('12 ms');
    expect(c.getByTestId('metric-cost_per_answer_usd')).toHaveTextContent(
      '$0.0000',
    );
    expect(c.getByTestId('metric-validator_recall.pii')).toHaveTextContent(
      /Validator recall: pii\s*—\s*100\.0%/,
    );

    const refused = c.getByTestId('promotion-rec-refused');
    expect(refused).toHaveTextContent('gpt-answer@cccccccccccc');
    expect(refused).toHaveTextContent('refused');
    expect(refused).toHaveTextContent('OPENAI_API_KEY is not set');
    expect(refused).toHaveTextContent('0123456');
    expect(refused).not.toHaveTextContent('01234567');
    expect(refused).toHaveTextContent('dddddddd');
    const promoted = c.getByTestId('promotion-rec-promoted');
    expect(promoted).toHaveTextContent('promoted');
    expect(promoted).toHaveTextContent('validator');
    expect(promoted).toHaveTextContent('vs strict-validator@eeeeeeeeeeee');

    const salesCard = screen.getByTestId('scorecard-sales');
    expect(salesCard).toHaveTextContent(
      'No promotions recorded yet — run dpa promote',
    );
    expect(salesCard).toHaveTextContent('No metrics yet');
    // Some domain has promotions: no page-wide notice.
    expect(
      screen.queryByText(/app-config's models serve every domain/),
    ).toBeNull();
  });

  it('says no promotions were recorded when the registry is empty', async () => {
    renderPage({ domains: [sales] });
    expect(
      await screen.findByText(/app-config's models serve every domain/),
    ).toHaveTextContent('No promotions recorded yet — run dpa promote');
    expect(screen.getByTestId('scorecard-sales')).toBeInTheDocument();
  });

  it('shows the backend message when loading fails, and retries', async () => {
    const error = await ResponseError.fromResponse(
      new Response(
        JSON.stringify({
          error: {
            name: 'AuthenticationError',
            message: 'Missing credentials',
          },
          response: { statusCode: 401 },
        }),
        { status: 401, headers: { 'Content-Type': 'application/json' } },
      ),
    );
    const api = renderPage(error);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the model scorecards');
    expect(alert).toHaveTextContent('Missing credentials');

    api.getScorecards.mockResolvedValue({ domains: [finance] });
    fireEvent.click(within(alert).getByText('Retry'));
    expect(await screen.findByTestId('scorecard-finance')).toBeInTheDocument();
    expect(api.getScorecards).toHaveBeenCalledTimes(2);
  });
});

describe('formatScorecards', () => {
  it('orders known metrics first, then validator categories, then the rest', () => {
    expect(
      metricRows(
        {
          zeta: 1,
          'validator_precision.pii': 1,
          latency_p95_ms: 3,
          answer_accuracy: 1,
        },
        { 'validator_recall.pii': 1, 'validator_recall.injection': 1 },
      ),
    ).toEqual([
      'answer_accuracy',
      'latency_p95_ms',
      'validator_recall.injection',
      'validator_recall.pii',
      'validator_precision.pii',
      'zeta',
    ]);
    expect(formatMetric('answer_errors', 2)).toBe('2');
    expect(formatMetric('answer_accuracy', undefined)).toBe('—');
  });
});
