import { Entity } from '@backstage/catalog-model';
import {
  AskRecord,
  ColumnProfile,
  DataProductProfile,
  InteropMapping,
  InteropResponse,
  ReviewAnswerItem,
  ReviewInteropItem,
} from '@dpa/plugin-data-product-assistant-common';

export const orderEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'orders',
    namespace: 'default',
    annotations: { 'data-products/contract': './contracts/orders.odcs.yaml' },
  },
  spec: {
    type: 'data-product',
    owner: 'group:default/sales',
    lifecycle: 'production',
  },
};

function column(
  partial: Partial<ColumnProfile> & Pick<ColumnProfile, 'name'>,
): ColumnProfile {
  return {
    primaryKey: false,
    required: false,
    unique: false,
    pii: false,
    piiTypes: [],
    tags: [],
    examples: [],
    glossary: [],
    quality: [],
    ...partial,
  };
}

export const orderProfile: DataProductProfile = {
  entityRef: 'component:default/orders',
  title: 'Orders',
  description: 'Every customer order, one row per order line.',
  owner: 'group:default/sales',
  // as the backend serves it: spec.domain, a bare name
  domain: 'commerce',
  tags: ['sales', 'gold'],
  dependsOn: ['component:default/customers'],
  dependents: ['component:default/revenue'],
  docs: '# Orders\n\nOrders are **final** once shipped.',
  contracts: [
    {
      id: 'orders-contract',
      name: 'Orders contract',
      version: '1.2.0',
      apiVersion: 'v3.1.0',
      status: 'active',
      purpose: 'Revenue reporting',
      usage: 'Join with customers on customer_id',
      limitations: 'No returns before 2021',
      source: 'https://example.com/orders.odcs.yaml',
      tags: [],
      tables: [
        {
          name: 'order_lines',
          businessName: 'Order lines',
          granularity: 'one row per order line',
          primaryKey: ['order_id', 'line_no'],
          tags: [],
          quality: [],
          columns: [
            column({
              name: 'order_id',
              businessName: 'Order id',
              logicalType: 'string',
              physicalType: 'varchar(36)',
              primaryKey: true,
              primaryKeyPosition: 1,
              required: true,
              classification: 'public',
              description: 'Order identifier',
            }),
            column({
              name: 'net_amount',
              logicalType: 'number',
              classification: 'confidential',
              description: 'Amount after discounts, before tax',
            }),
            column({
              name: 'customer_email',
              logicalType: 'string',
              classification: 'restricted',
              pii: true,
              piiTypes: ['email'],
              description: 'Where the receipt goes',
            }),
            column({
              name: 'channel',
              logicalType: 'string',
              description: 'web or store',
            }),
          ],
        },
      ],
      slas: [
        { property: 'latency', value: '4', unit: 'h', element: 'order_lines' },
        { property: 'retention', value: '7', unit: 'y' },
      ],
      roles: [
        {
          role: 'orders_reader',
          access: 'read',
          description: 'Analysts',
          approvers: ['alice'],
        },
        {
          role: 'orders_pii_reader',
          access: 'read',
          description: 'Order lines including customer_email.',
          approvers: ['alice', 'Data Protection Office'],
        },
      ],
      team: {
        name: 'sales',
        members: [{ username: 'alice', name: 'Alice Doe', role: 'owner' }],
      },
      support: [
        {
          channel: '#orders-data',
          tool: 'slack',
          url: 'https://slack.example.com/orders',
        },
      ],
    },
  ],
};

/** An approved answer with two citations. */
export const approvedAsk: AskRecord = {
  id: 'ask-1',
  entityRef: 'component:default/orders',
  question: 'What does net_amount mean?',
  answer: 'net_amount is the amount after discounts, before tax.',
  status: 'approved',
  reasons: [],
  groundedness: 0.96,
  claims: [
    {
      text: 'net_amount is the amount after discounts, before tax',
      citations: ['col:order_lines.net_amount'],
    },
  ],
  citations: [
    {
      id: 'col:order_lines.net_amount',
      kind: 'column',
      table: 'order_lines',
      column: 'net_amount',
      text: 'Column order_lines.net_amount (number): Amount after discounts, before tax.',
    },
    // stored before citations carried their kind: labelled from the id
    {
      id: 'table:order_lines',
      text: 'Table order_lines: one row per order line.',
    },
  ],
  answerModel: {
    name: 'commerce-answer',
    version: 'a1b2c3',
    provider: 'builtin',
  },
  validatorModel: {
    name: 'validator',
    version: 'v9f8e7',
    provider: 'builtin',
  },
  usage: { promptTokens: 812, completionTokens: 64, costUsd: 0.000432 },
  latencyMs: 1234,
  userRef: 'user:default/guest',
  createdAt: '2025-03-04T10:15:00.000Z',
};

/** A flagged answer: shown with a warning, queued for review. */
export const flaggedAsk: AskRecord = {
  ...approvedAsk,
  id: 'ask-2',
  question: 'Can I join it with customer profiles?',
  answer: 'Yes, join on customer_id.',
  status: 'flagged',
  groundedness: 0.5,
  reasons: [
    {
      code: 'ungrounded-claim',
      message: 'Claim 1 is not supported by its citations',
      severity: 'warning',
      claim: 0,
    },
  ],
  createdAt: '2025-03-04T10:20:00.000Z',
};

/** A blocked answer: the answer is the withheld notice, nothing cited. */
export const blockedAsk: AskRecord = {
  ...approvedAsk,
  id: 'ask-3',
  question: 'List the customer emails',
  answer: 'This answer was withheld by the validator; its reasons say why.',
  status: 'blocked',
  groundedness: 1,
  claims: [],
  citations: [],
  reasons: [
    {
      code: 'pii',
      message:
        "The answer contains an e-mail address from order_lines.customer_email (classified restricted), which the reader's clearance (internal) does not cover.",
      severity: 'block',
    },
  ],
  usage: { promptTokens: 700, completionTokens: 80, costUsd: 0.0123 },
  createdAt: '2025-03-04T10:25:00.000Z',
};

/** No answer in the metadata: a correct abstention, pointing to the owner. */
export const abstainedAsk: AskRecord = {
  ...approvedAsk,
  id: 'ask-4',
  question: 'What was revenue last quarter?',
  answer:
    'The metadata of this data product does not say. For anything else, ask the owner of "Orders", sales.',
  status: 'abstained',
  // as the built-in validator scores the pointer to the owner
  groundedness: 0,
  claims: [
    {
      text: 'For anything else, ask the owner of "Orders", sales.',
      citations: ['owner'],
    },
  ],
  citations: [
    {
      id: 'owner',
      kind: 'owner',
      text: 'The data product "Orders" is owned by sales (group:default/sales).',
    },
  ],
  reasons: [
    {
      code: 'ungrounded',
      message: 'Claim 1 only 8 of 10 content words are in its cited facts.',
      severity: 'warning',
      claim: 0,
    },
  ],
  createdAt: '2025-03-04T10:30:00.000Z',
};

/** orders.order_lines.customer_id ↔ customers.customers.customer_id: an approved join key. */
export const customerIdMapping: InteropMapping = {
  id: 'm-customer-id',
  from: {
    product: 'component:default/orders',
    table: 'order_lines',
    column: 'customer_id',
  },
  to: {
    product: 'component:default/customers',
    table: 'customers',
    column: 'customer_id',
  },
  kind: 'join-key',
  confidence: 0.92,
  evidence: [
    'same column name customer_id',
    'customers.customer_id is the primary key',
  ],
  explanation: {
    summary:
      'order_lines.customer_id refers to customers.customer_id, the key of Customers.',
    enables: 'revenue per customer segment and region',
    sql: 'SELECT o.order_id, c.segment\nFROM orders.order_lines o\nJOIN customers.customers c ON o.customer_id = c.customer_id',
    caveats: [
      {
        code: 'grain-one-to-many',
        message: 'One customer has many order lines: aggregate before joining',
      },
      {
        code: 'pii-join-key',
        message: 'customer_id identifies a person',
      },
    ],
  },
  validation: { status: 'approved', issues: [], groundedness: 1 },
};

/** orders.order_lines.channel ↔ customers.customers.signup_channel: flagged by the validator. */
export const channelMapping: InteropMapping = {
  id: 'm-channel',
  from: {
    product: 'component:default/orders',
    table: 'order_lines',
    column: 'channel',
  },
  to: {
    product: 'component:default/customers',
    table: 'customers',
    column: 'signup_channel',
  },
  kind: 'same-concept',
  confidence: 0.61,
  evidence: ['both describe a sales channel'],
  explanation: {
    summary: 'channel and signup_channel both name a sales channel.',
    enables: 'comparing where customers signed up with where they buy',
    sql: 'SELECT o.channel, COUNT(*)\nFROM orders.order_lines o\nJOIN customers.customers c ON o.channel = c.signup_channel\nGROUP BY o.channel',
    caveats: [
      {
        code: 'many-to-many',
        message: 'Neither column is unique: the join multiplies rows',
      },
    ],
  },
  validation: {
    status: 'flagged',
    issues: [
      {
        code: 'type-cast',
        severity: 'warning',
        message: 'types string and integer need a cast to join',
      },
    ],
    groundedness: 0.8,
  },
};

/** orders.order_lines.order_id ↔ shipments.shipments.order_id: already accepted. */
export const acceptedOrderIdMapping: InteropMapping = {
  id: 'm-order-id',
  from: {
    product: 'component:default/orders',
    table: 'order_lines',
    column: 'order_id',
  },
  to: {
    product: 'component:default/shipments',
    table: 'shipments',
    column: 'order_id',
  },
  kind: 'join-key',
  confidence: 0.88,
  evidence: ['same column name order_id'],
  explanation: {
    summary: 'shipments.order_id refers to order_lines.order_id.',
    enables: 'delivery times per order',
    sql: 'SELECT o.order_id, s.shipped_at\nFROM orders.order_lines o\nJOIN shipments.shipments s ON o.order_id = s.order_id',
    caveats: [
      {
        code: 're-identification',
        message: 'Addresses in shipments can re-identify customers',
      },
    ],
  },
  validation: { status: 'approved', issues: [], groundedness: 1 },
  decision: {
    suggestionId: 'm-order-id',
    status: 'accepted',
    comment: 'Used by the logistics team',
    decidedBy: 'user:default/alice',
    decidedAt: '2025-03-04T10:15:00.000Z',
    from: {
      product: 'component:default/orders',
      table: 'order_lines',
      column: 'order_id',
    },
    to: {
      product: 'component:default/shipments',
      table: 'shipments',
      column: 'order_id',
    },
    kind: 'join-key',
  },
};

/** What the backend says the orders product fits with. */
export const ordersInterop: InteropResponse = {
  entityRef: 'component:default/orders',
  computedAt: '2025-03-04T09:00:00.000Z',
  related: [
    {
      entityRef: 'component:default/customers',
      title: 'Customers',
      domain: 'crm',
      owner: 'group:default/crm-team',
      bestConfidence: 0.92,
      mappings: [customerIdMapping, channelMapping],
    },
    {
      entityRef: 'component:default/shipments',
      // no title: the card is named by the ref
      domain: 'logistics',
      owner: 'group:default/logistics',
      bestConfidence: 0.88,
      mappings: [acceptedOrderIdMapping],
    },
  ],
  canDecide: false,
  stats: { columns: 42, candidatePairs: 120, allPairs: 800 },
};

/** No related products. */
export const emptyInterop: InteropResponse = {
  ...ordersInterop,
  related: [],
};

/** An approved answer reused from the owners' verified answers: no model was called. */
export const verifiedAsk: AskRecord = {
  ...approvedAsk,
  id: 'ask-5',
  verified: {
    id: 'verified-1',
    verifiedBy: 'user:default/alice',
    verifiedAt: '2025-03-05T09:00:00.000Z',
    askId: 'ask-2',
    question: 'What does net_amount mean?',
  },
  usage: { promptTokens: 0, completionTokens: 0, costUsd: 0 },
  latencyMs: 12,
};

/** The flagged answer, waiting for review. */
export const flaggedReviewItem: ReviewAnswerItem = {
  kind: 'answer',
  ask: flaggedAsk,
  modelAnswer: 'Yes, join on customer_id.',
  reason: 'flagged',
  state: 'pending',
};

/** The blocked answer: what the model wrote is only in `modelAnswer`. */
export const blockedReviewItem: ReviewAnswerItem = {
  kind: 'answer',
  ask: { ...blockedAsk, userRef: 'user:default/bob' },
  modelAnswer: 'The emails are a@example.com and b@example.com.',
  reason: 'blocked',
  state: 'pending',
};

/** A verified answer a contract change contradicted. */
export const demotedReviewItem: ReviewAnswerItem = {
  kind: 'answer',
  ask: { ...approvedAsk, id: 'ask-6', question: 'Is net_amount before tax?' },
  modelAnswer: 'net_amount is the amount after discounts and tax.',
  reason: 'demoted',
  state: 'pending',
  demoted: {
    id: 'verified-2',
    entityRef: 'component:default/orders',
    askId: 'ask-0',
    question: 'Is net_amount before tax?',
    answer: 'Yes: net_amount is before tax.',
    verifiedBy: 'user:default/alice',
    verifiedAt: '2025-02-01T09:00:00.000Z',
    claims: [],
    citations: [],
    verdict: { status: 'approved', reasons: [], groundedness: 1 },
    status: 'demoted',
    demotedAt: '2025-03-01T09:00:00.000Z',
    demotedReason: 'The description of net_amount changed in contract 1.3.0',
  },
};

/** orders ↔ customers: the pair's undecided mappings, waiting for the owners of orders. */
export const customersInteropItem: ReviewInteropItem = {
  kind: 'interop',
  entityRef: 'component:default/orders',
  related: {
    entityRef: 'component:default/customers',
    title: 'Customers',
    domain: 'crm',
    owner: 'group:default/crm-team',
    bestConfidence: 0.92,
    mappings: [customerIdMapping, channelMapping],
  },
  computedAt: '2025-03-04T09:00:00.000Z',
};
