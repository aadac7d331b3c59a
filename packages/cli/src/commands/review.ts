import type { Command } from 'commander';
import {
  reviewActionRequestSchema,
  reviewStateFilterSchema,
  reviewVerdictFilterSchema,
  type ReviewActionRequest,
  type ReviewAnswerItem,
  type ReviewQueueResponse,
  type ReviewSummary,
  type ReviewVerdict,
  type VerifiedAnswerRecord,
} from '@dpa/plugin-data-product-assistant-common';
import {
  BackendClient,
  BackendError,
  DEFAULT_BACKEND_URL,
} from '../lib/backendClient';
import { parseEntityRef, stringifyEntityRef } from '../lib/entityRef';
import { printJson, printText } from '../lib/output';
import { UsageError } from '../lib/UsageError';

interface ConnectionOpts {
  backend?: string;
  token?: string;
  json?: boolean;
}

/** The options every `dpa review` command takes: where the backend is, whose token, and `--json`. */
function withConnection(command: Command): Command {
  return command
    .option(
      '--backend <url>',
      `the Backstage backend (default: $DPA_BACKEND_URL, else ${DEFAULT_BACKEND_URL})`,
    )
    .option(
      '--token <token>',
      'your Backstage token (default: $DPA_TOKEN); the routes act as you',
    )
    .option('--json', 'print one JSON document');
}

/** `--product` as the backend writes it, checked before any request. */
function productRef(value: string | undefined): string | undefined {
  return value === undefined
    ? undefined
    : stringifyEntityRef(parseEntityRef(value));
}

function integerOption(
  value: string | undefined,
  option: string,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`${option} must be an integer from ${min} to ${max}`);
  return n;
}

/** One of the common package's query filters; its message becomes the usage error. */
function filterOption<T>(
  schema: {
    safeParse(
      v: unknown,
    ):
      | { success: true; data: T }
      | { success: false; error: { issues: Array<{ message: string }> } };
  },
  value: string | undefined,
  option: string,
): T | undefined {
  if (value === undefined) return undefined;
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new UsageError(
      `${option}: ${parsed.error.issues[0]?.message ?? 'invalid value'}`,
    );
  return parsed.data;
}

const indent = (text: string, prefix = '             ') =>
  text
    .split('\n')
    .map((line, i) => (i === 0 ? line : `${prefix}${line}`))
    .join('\n');

function reasonLines(
  reasons: ReviewVerdict['reasons'],
  prefix = '             ',
): string[] {
  return reasons.map(r => `${prefix}- ${r.code} (${r.severity}): ${r.message}`);
}

function formatItem(item: ReviewAnswerItem): string {
  const { ask } = item;
  const lines = [
    `${ask.id}`,
    `  product:   ${ask.entityRef}`,
    `  verdict:   ${ask.status} (reason: ${item.reason}, state: ${item.state})`,
    `  asked:     by ${ask.userRef} at ${ask.createdAt}`,
    `  question:  ${indent(ask.question)}`,
    `  answer:    ${indent(item.modelAnswer)}`,
  ];
  lines.push(
    ask.reasons.length
      ? '  validator:'
      : `  validator: no reasons (groundedness ${ask.groundedness})`,
    ...reasonLines(ask.reasons, '    '),
  );
  if (item.demoted) {
    lines.push(
      `  demoted:   verified answer ${item.demoted.id} (${
        item.demoted.demotedReason ?? 'a contract change contradicts it'
      })`,
    );
  }
  if (item.review) {
    const r = item.review;
    lines.push(
      `  review:    ${r.state} by ${r.reviewedBy} at ${r.reviewedAt}${
        r.comment ? `: ${indent(r.comment)}` : ''
      }`,
    );
    if (r.correctedAnswer)
      lines.push(`  corrected: ${indent(r.correctedAnswer)}`);
  }
  return lines.join('\n');
}

function formatVerified(record: VerifiedAnswerRecord): string {
  const lines = [
    `${record.id}`,
    `  status:    ${record.status}${
      record.demotedAt ? ` at ${record.demotedAt}` : ''
    }${record.demotedReason ? ` (${record.demotedReason})` : ''}`,
    `  verified:  by ${record.verifiedBy} at ${record.verifiedAt} (ask ${record.askId})`,
    `  question:  ${indent(record.question)}`,
    `  answer:    ${indent(record.answer)}`,
    `  validator: ${record.verdict.status} (groundedness ${record.verdict.groundedness})`,
    ...reasonLines(record.verdict.reasons, '    '),
  ];
  return lines.join('\n');
}

function registerList(review: Command) {
  withConnection(
    review
      .command('list')
      .description(
        'List the answers waiting for your review on the data products you own',
      )
      .option('--product <entityRef>', 'only this data product')
      .option('--verdict <verdict>', 'flagged, blocked or demoted')
      .option(
        '--state <state>',
        'pending (default), approved, corrected or rejected',
      )
      .option('--limit <n>', 'at most this many items (1-100, default 20)')
      .option('--offset <n>', 'skip this many items'),
  ).action(
    async (
      opts: ConnectionOpts & {
        product?: string;
        verdict?: string;
        state?: string;
        limit?: string;
        offset?: string;
      },
    ) => {
      const query = {
        product: productRef(opts.product),
        verdict: filterOption(
          reviewVerdictFilterSchema,
          opts.verdict,
          '--verdict',
        ),
        state: filterOption(reviewStateFilterSchema, opts.state, '--state'),
        limit: integerOption(opts.limit, '--limit', 1, 100),
        offset: integerOption(opts.offset, '--offset', 0, 1_000_000),
      };
      const client = BackendClient.fromOptions(opts);
      const queue: ReviewQueueResponse = await client.call(
        'GET /review',
        (api, options) => api.getReviewQueue({ query }, options),
      );
      if (opts.json) {
        printJson(queue);
        return;
      }
      if (queue.items.length === 0) {
        printText(
          queue.products.length
            ? `Nothing waits for your review (${queue.total} in total).`
            : 'You review no data products: only their owners do.',
        );
        return;
      }
      printText(
        [
          ...queue.items.map(formatItem),
          `${queue.items.length} of ${queue.total} shown.`,
        ].join('\n\n'),
      );
    },
  );
}

function registerSummary(review: Command) {
  withConnection(
    review
      .command('summary')
      .description('Count what waits for your review')
      .option('--product <entityRef>', 'only this data product'),
  ).action(async (opts: ConnectionOpts & { product?: string }) => {
    const product = productRef(opts.product);
    const client = BackendClient.fromOptions(opts);
    const summary: ReviewSummary = await client.call(
      'GET /review/summary',
      (api, options) => api.getReviewSummary({ query: { product } }, options),
    );
    if (opts.json) printJson(summary);
    else
      printText(
        summary.canReview
          ? `${summary.pendingAnswers} answer(s) and ${summary.pendingSuggestions} relationship suggestion(s) wait for your review.`
          : 'You review no data products: only their owners do.',
      );
  });
}

/** approve, correct and reject: validated with the backend's own schema, so bad input sends nothing. */
async function act(
  askId: string,
  raw: Record<string, unknown>,
  opts: ConnectionOpts,
) {
  if (!askId.trim()) throw new UsageError('the ask id must not be empty');
  const parsed = reviewActionRequestSchema.safeParse(raw);
  if (!parsed.success) {
    throw new UsageError(
      parsed.error.issues[0]?.message ?? 'invalid review action',
    );
  }
  const body: ReviewActionRequest = parsed.data;
  const client = BackendClient.fromOptions(opts);
  let item: ReviewAnswerItem;
  try {
    item = await client.call('POST /review/asks/:id', (api, options) =>
      api.reviewAsk({ path: { id: askId.trim() }, body }, options),
    );
  } catch (error) {
    const verdict =
      error instanceof BackendError && error.status === 422
        ? (error.body as { verdict?: ReviewVerdict } | undefined)?.verdict
        : undefined;
    if (verdict) {
      // What the validator found in the text goes to stdout; the one-line error to stderr.
      if (opts.json) printJson((error as BackendError).body);
      else
        printText(
          [
            `The validator ${verdict.status} the text (groundedness ${verdict.groundedness}):`,
            ...reasonLines(verdict.reasons, '  '),
          ].join('\n'),
        );
    }
    throw error;
  }
  if (opts.json) {
    printJson(item);
    return;
  }
  const review = item.review;
  printText(
    [
      `${item.ask.id}: ${item.state}${
        review ? ` by ${review.reviewedBy} at ${review.reviewedAt}` : ''
      }`,
      ...(review?.verdict
        ? [
            `  validator: ${review.verdict.status} (groundedness ${review.verdict.groundedness})`,
            ...reasonLines(review.verdict.reasons, '    '),
          ]
        : []),
      ...(review?.verifiedAnswerId
        ? [`  verified answer: ${review.verifiedAnswerId}`]
        : []),
      ...(review?.noteId ? [`  knowledge note: ${review.noteId}`] : []),
    ].join('\n'),
  );
}

function registerActions(review: Command) {
  withConnection(
    review
      .command('approve')
      .description(
        'Approve an answer as the model wrote it (the validator checks it again)',
      )
      .argument('<askId>', 'the answer, as `dpa review list` shows it')
      .option('--comment <text>', 'why'),
  ).action(async (askId: string, opts: ConnectionOpts & { comment?: string }) =>
    act(askId, { action: 'approve', comment: opts.comment }, opts),
  );

  withConnection(
    review
      .command('correct')
      .description(
        'Replace an answer with your own text, which becomes a verified answer',
      )
      .argument('<askId>', 'the answer, as `dpa review list` shows it')
      .option('--answer <text>', 'the corrected answer (required)')
      .option('--comment <text>', 'why')
      .option(
        '--save-as-note',
        'also keep the corrected answer as a knowledge note on the product',
      ),
  ).action(
    async (
      askId: string,
      opts: ConnectionOpts & {
        answer?: string;
        comment?: string;
        saveAsNote?: boolean;
      },
    ) => {
      if (opts.answer === undefined)
        throw new UsageError('--answer is required to correct an answer');
      await act(
        askId,
        {
          action: 'correct',
          answer: opts.answer,
          comment: opts.comment,
          saveAsNote: opts.saveAsNote ? true : undefined,
        },
        opts,
      );
    },
  );

  withConnection(
    review
      .command('reject')
      .description('Reject an answer: it is never reused')
      .argument('<askId>', 'the answer, as `dpa review list` shows it')
      .option('--comment <text>', 'what is wrong (required)'),
  ).action(
    async (askId: string, opts: ConnectionOpts & { comment?: string }) => {
      if (opts.comment === undefined)
        throw new UsageError(
          '--comment is required to reject an answer: say what is wrong',
        );
      await act(askId, { action: 'reject', comment: opts.comment }, opts);
    },
  );
}

function registerVerified(review: Command) {
  withConnection(
    review
      .command('verified')
      .description("List a data product's verified answers, active and demoted")
      .option('--product <entityRef>', 'the data product (required)'),
  ).action(async (opts: ConnectionOpts & { product?: string }) => {
    if (opts.product === undefined)
      throw new UsageError('--product is required');
    const { kind, namespace, name } = parseEntityRef(opts.product);
    const client = BackendClient.fromOptions(opts);
    const response: { items: VerifiedAnswerRecord[] } = await client.call(
      'GET /products/:namespace/:kind/:name/verified',
      (api, options) =>
        api.listVerifiedAnswers({ path: { namespace, kind, name } }, options),
    );
    if (opts.json) printJson(response);
    else if (response.items.length === 0)
      printText(
        `${stringifyEntityRef({
          kind,
          namespace,
          name,
        })} has no verified answers.`,
      );
    else printText(response.items.map(formatVerified).join('\n\n'));
  });
}

/** `dpa review`: the owners' review queue and verified answers, against a running backend. */
export function registerReview(program: Command) {
  const review = program
    .command('review')
    .description(
      'Review flagged, blocked and demoted answers on your data products, against a running backend',
    );
  registerList(review);
  registerSummary(review);
  registerActions(review);
  registerVerified(review);
}
