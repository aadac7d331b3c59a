import { Entity } from '@backstage/catalog-model';
import {
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
  domain: 'domain:default/commerce',
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
