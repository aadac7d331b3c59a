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
import { formatMetric, metricLabel, metricRows } from './formatScorecards';

configure({ defaultHidden: true });

const finance: DomainScorecard = {
  domain: 'finance',
  champions: {
    answer: {
      name: 'builtin-answer',
      version: 'aaaaaaaaaaaa',
      provider: 'builtin',
      source: 'config',
      latestRun: {
        run: 'ci-20261203T020000Z',
        time: '2026-12-03T02:00:00.000Z',
        label: 'finance-served',
        hostedCalled: false,
        metrics: {
          answer_accuracy: 0.875,
          citation_precision: 0.9,
          governance_leaks: 0,
          latency_p95_ms: 12.4,
          cost_per_answer_usd: 0,
          // a split the suite may add, and a key the portal does not know
          'test.answer_accuracy': 0.8,
          brand_new_metric: 0.42,
        },
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
      latestRun: {
        run: 'ci-20261203T020000Z',
        time: '2026-12-03T02:00:00.000Z',
        label: 'validator-served',
        metrics: {
          validator_recall: 0.958,
          'validator_recall.pii': 1,
          'validator_precision.pii': 0.95,
          validator_latency_p95_ms: 34.5,
          validator_cases: 48,
        },
      },
    },
  },
  history: [],
};

const latestRun = {
  run: 'ci-20261203T020000Z',
  time: '2026-12-03T02:00:00.000Z',
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
    renderPage({ domains: [finance, sales], latestRun });

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

    // answer metrics under the answer model, from the latest run
    const answerMetrics = c.getByTestId('metrics-answer');
    expect(answerMetrics).toHaveTextContent('finance-served');
    const a = within(answerMetrics);
    expect(a.getByTestId('metric-answer_accuracy')).toHaveTextContent(
      /^Answer accuracy\s*87\.5%$/,
    );
    expect(a.getByTestId('metric-test.answer_accuracy')).toHaveTextContent(
      /^Answer accuracy \(test\)\s*80\.0%$/,
    );
    expect(a.getByTestId('metric-governance_leaks')).toHaveTextContent(
      /^Governance leaks\s*0$/,
    );
    expect(a.getByTestId('metric-latency_p95_ms')).toHaveTextContent(
      /^Latency p95 \(whole ask\)\s*12 ms$/,
    );
    expect(a.getByTestId('metric-cost_per_answer_usd')).toHaveTextContent(
      '$0.0000',
    );
    // an unknown key: under its own name, folded under "More metrics"
    expect(a.queryByTestId('metric-brand_new_metric')).toBeNull();
    fireEvent.click(a.getByText('More metrics (1)'));
    expect(a.getByTestId('metric-brand_new_metric')).toHaveTextContent(
      /brand_new_metric\s*42\.0%/,
    );
    // the registry champion: measured in its promotion run, not by the latest run
    const validatorMetrics = c.getByTestId('metrics-validator');
    expect(validatorMetrics).toHaveTextContent(
      'The latest evaluation run did not measure this model',
    );
    expect(validatorMetrics).toHaveTextContent('In its promotion run');
    expect(
      within(validatorMetrics).getByTestId('metric-validator_recall.pii'),
    ).toHaveTextContent(/^Recall: pii\s*100\.0%$/);
    // the answer suite's figures from that run are not the validator's
    expect(within(validatorMetrics).queryByText('Answer accuracy')).toBeNull();

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
    // validator metrics under the validator, latency once per model
    const salesValidator = within(salesCard).getByTestId('metrics-validator');
    expect(
      within(salesValidator).getByTestId('metric-validator_recall'),
    ).toHaveTextContent(/^Recall\s*95\.8%$/);
    expect(
      within(salesValidator).getByTestId('metric-validator_latency_p95_ms'),
    ).toHaveTextContent(/^Latency p95\s*35 ms$/);
    expect(
      within(salesValidator).getByTestId('metric-validator_cases'),
    ).toHaveTextContent(/^Cases\s*48$/);
    expect(within(salesValidator).queryByText(/Answer accuracy/)).toBeNull();
    expect(
      within(within(salesCard).getByTestId('metrics-answer')).queryByText(
        /Recall/,
      ),
    ).toBeNull();
    expect(within(salesCard).getAllByText(/Latency p95/)).toHaveLength(1);
    // Some domain has promotions: no page-wide notice.
    expect(
      screen.queryByText(/app-config's models serve every domain/),
    ).toBeNull();
  });

  it('says no promotions were recorded when the registry is empty', async () => {
    renderPage({ domains: [sales], latestRun });
    expect(
      await screen.findByText(/app-config's models serve every domain/),
    ).toHaveTextContent('No promotions recorded yet — run dpa promote');
    expect(screen.getByTestId('scorecard-sales')).toBeInTheDocument();
  });

  it('says how to get figures when no evaluation run was found', async () => {
    const bare = {
      ...sales,
      champions: {
        answer: { ...sales.champions.answer, latestRun: undefined },
        validator: { ...sales.champions.validator, latestRun: undefined },
      },
    };
    renderPage({ domains: [bare] });
    expect(
      await screen.findByText(/No evaluation run found: /, { selector: 'div' }),
    ).toHaveTextContent('npm run evals');
    expect(screen.getByTestId('metrics-answer')).toHaveTextContent(
      'No evaluation run found: run npm run evals',
    );
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
  it('labels known metrics, keeps a split beside the label, and leaves unknown keys for "more"', () => {
    expect(
      metricRows({
        zeta: 1,
        'validator_precision.pii': 1,
        latency_p95_ms: 3,
        answer_accuracy: 1,
        'validator_recall.pii': 1,
        'validator_recall.injection': 1,
        'test.answer_accuracy': 1,
      }),
    ).toEqual({
      known: [
        'answer_accuracy',
        'test.answer_accuracy',
        'latency_p95_ms',
        'validator_recall.injection',
        'validator_precision.pii',
        'validator_recall.pii',
      ],
      more: ['zeta'],
    });
    expect(metricLabel('validator_recall.pii')).toBe('Recall: pii');
    expect(metricLabel('test.answer_accuracy')).toBe('Answer accuracy (test)');
    expect(metricLabel('zeta')).toBeUndefined();
    expect(formatMetric('answer_errors', 2)).toBe('2');
    expect(formatMetric('validator_cases.pii', 12)).toBe('12');
    expect(formatMetric('test.latency_p95_ms', 12.6)).toBe('13 ms');
    expect(formatMetric('answer_accuracy', undefined)).toBe('—');
  });
});
