import { Entity } from '@backstage/catalog-model';
import {
  AskRecord,
  ColumnProfile,
  DataProductProfile,
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
  answer:
    'net_amount is the amount after discounts, before tax [orders.order_lines.net_amount].',
  status: 'approved',
  reasons: [],
  groundedness: 0.96,
  claims: [
    {
      text: 'net_amount is the amount after discounts, before tax',
      citations: ['orders.order_lines.net_amount'],
    },
  ],
  citations: [
    {
      id: 'orders.order_lines.net_amount',
      text: 'Column net_amount (number): Amount after discounts, before tax',
    },
    {
      id: 'orders.order_lines',
      text: 'Table order_lines: one row per order line',
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
  answer:
    'This answer was withheld because it may reveal personal data. It has been sent for review.',
  status: 'blocked',
  groundedness: 0,
  claims: [],
  citations: [],
  reasons: [
    {
      code: 'pii-disclosure',
      message: 'The answer reveals values of a PII column',
      severity: 'error',
    },
  ],
  usage: { promptTokens: 700, completionTokens: 80, costUsd: 0.0123 },
  createdAt: '2025-03-04T10:25:00.000Z',
};

/** No answer in the metadata. */
export const abstainedAsk: AskRecord = {
  ...approvedAsk,
  id: 'ask-4',
  question: 'What was revenue last quarter?',
  answer: 'The metadata of this data product does not say.',
  status: 'abstained',
  groundedness: 1,
  claims: [],
  citations: [],
  reasons: [],
  createdAt: '2025-03-04T10:30:00.000Z',
};
