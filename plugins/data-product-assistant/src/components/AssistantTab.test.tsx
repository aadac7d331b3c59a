import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { ResponseError } from '@backstage/errors';
import { Entity } from '@backstage/catalog-model';
import { DataProductProfile } from '@dpa/plugin-data-product-assistant-common';
import {
  ContractValidationError,
  DataProductAssistantApi,
  dataProductAssistantApiRef,
} from '../api';
import {
  approvedAsk,
  orderEntity,
  orderProfile,
  ordersInterop,
} from '../__testUtils__/fixtures';
import { fakeApi } from '../__testUtils__/fakeApi';
import { AssistantTab } from './AssistantTab';
import { reviewRouteRef } from '../routes';

function renderTab(
  getProfile: DataProductAssistantApi['getProfile'],
  options: {
    owner?: boolean;
    entity?: Entity;
    api?: DataProductAssistantApi;
    /** `?section=` of the address: the sub-tab shown at first. */
    section?: string;
  } = {},
) {
  const api: DataProductAssistantApi = options.api ?? {
    ...fakeApi(),
    getProfile,
  };
  return renderInTestApp(
    <EntityProvider entity={options.entity ?? orderEntity}>
      <AssistantTab />
    </EntityProvider>,
    {
      apis: [
        [dataProductAssistantApiRef, api],
        mockApis.permission({
          authorize: options.owner
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
        }),
      ],
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        '/data-product-review': reviewRouteRef,
      },
      initialRouteEntries: [
        options.section ? `/?section=${options.section}` : '/',
      ],
    },
  );
}

async function responseError(status: number, name: string, message: string) {
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

describe('AssistantTab', () => {
  it('shows the columns with classification and PII badges', async () => {
    const getProfile = vi.fn(async () => orderProfile);
    renderTab(getProfile, { section: 'profile' });

    const table = await screen.findByRole('table', {
      name: 'Columns of order_lines',
    });
    expect(getProfile).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'orders',
    });

    const email = within(table).getByTestId('column-customer_email');
    expect(
      within(email).getByLabelText('Classification: restricted'),
    ).toBeInTheDocument();
    expect(within(email).getByLabelText('PII: email')).toBeInTheDocument();

    const orderId = within(table).getByTestId('column-order_id');
    expect(
      within(orderId).getByLabelText('Classification: public'),
    ).toBeInTheDocument();
    expect(within(orderId).getByLabelText('Primary key')).toBeInTheDocument();
    expect(
      within(orderId).getByText('string (varchar(36))'),
    ).toBeInTheDocument();
    expect(within(orderId).queryByLabelText(/^PII/)).not.toBeInTheDocument();

    expect(
      within(within(table).getByTestId('column-net_amount')).getByLabelText(
        'Classification: confidential',
      ),
    ).toBeInTheDocument();
    // No classification in the contract: shown as internal.
    expect(
      within(within(table).getByTestId('column-channel')).getByLabelText(
        /^Classification: internal/,
      ),
    ).toBeInTheDocument();

    // grain and key on lines of their own
    const grain = screen.getByText('Grain: one row per order line');
    expect(grain.parentElement).toHaveStyle({ flexDirection: 'column' });
    expect(
      screen.getByText('Primary key: order_id, line_no'),
    ).toBeInTheDocument();
  });

  it('shows the overview, SLAs, access, support and docs', async () => {
    renderTab(async () => orderProfile, { section: 'profile' });

    expect(
      await screen.findByText('Every customer order, one row per order line.'),
    ).toBeInTheDocument();
    expect(screen.getByText('Revenue reporting')).toBeInTheDocument();
    expect(screen.getByText('No returns before 2021')).toBeInTheDocument();
    expect(
      screen.getByLabelText('Contract status: active'),
    ).toBeInTheDocument();
    expect(screen.getByText('version 1.2.0')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /sales/ })).toHaveAttribute(
      'href',
      expect.stringContaining('/catalog/default/group/sales'),
    );
    // a bare spec.domain links to the domain entity
    expect(screen.getByRole('link', { name: 'commerce' })).toHaveAttribute(
      'href',
      expect.stringContaining('/catalog/default/domain/commerce'),
    );
    expect(screen.getByRole('link', { name: /customers/ })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /revenue/ })).toBeInTheDocument();

    // in words, with the element column because one SLA has an element
    const slas = screen.getByRole('table', { name: 'Service levels' });
    expect(
      within(slas).getByText('Latency (maximum data delay)'),
    ).toBeInTheDocument();
    expect(within(slas).getByText('4 hours')).toBeInTheDocument();
    expect(within(slas).getByText('7 years')).toBeInTheDocument();
    expect(
      within(slas).getByRole('columnheader', { name: 'Applies to' }),
    ).toBeInTheDocument();
    expect(
      within(slas).queryByRole('columnheader', { name: 'Driver' }),
    ).toBeNull();

    expect(screen.getByText('orders_reader (read)')).toBeInTheDocument();
    expect(
      screen.getByText(
        /Order lines including customer_email\. — Approvers: alice, Data Protection Office/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Alice Doe')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /#orders-data/ }),
    ).toBeInTheDocument();

    // MarkdownContent loads its renderer lazily: the first load is slow.
    expect(
      await screen.findByText('final', {}, { timeout: 15_000 }),
    ).toBeInTheDocument();
  });

  it('lists every issue of an invalid contract with its source', async () => {
    renderTab(async () => {
      throw new ContractValidationError({
        message: 'Contract does not match ODCS v3.1.0',
        source: 'https://example.com/orders.odcs.yaml',
        issues: [
          {
            path: '/schema/0/properties/1/logicalType',
            message: 'must be equal to one of the allowed values',
          },
          { path: '/apiVersion', message: 'unsupported version v2.2.0' },
          { path: '', message: "must have required property 'id'" },
        ],
      });
    });

    expect(
      await screen.findByText('Contract is invalid', { exact: false }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Contract does not match ODCS v3.1.0'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', {
        name: /https:\/\/example.com\/orders.odcs.yaml/,
      }),
    ).toBeInTheDocument();
    const issues = screen.getByRole('list', { name: 'Contract issues' });
    const items = within(issues).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(
      within(items[0]).getByText('/schema/0/properties/1/logicalType'),
    ).toBeInTheDocument();
    expect(
      within(items[0]).getByText('must be equal to one of the allowed values'),
    ).toBeInTheDocument();
    expect(
      within(items[1]).getByText('unsupported version v2.2.0'),
    ).toBeInTheDocument();
    expect(within(items[2]).getByText('/')).toBeInTheDocument();
  });

  it('shows the backend message of a 404 as is', async () => {
    const error = await responseError(
      404,
      'NotFoundError',
      'No entity named component:default/orders',
    );
    renderTab(async () => {
      throw error;
    });

    expect(
      await screen.findByText('No entity named component:default/orders'),
    ).toBeInTheDocument();
    expect(screen.getByText(/Data product not found/)).toBeInTheDocument();
  });

  it('shows the backend message of a 400 as is', async () => {
    const error = await responseError(
      400,
      'InputError',
      'component:default/orders has no data-products/contract annotation',
    );
    renderTab(async () => {
      throw error;
    });

    expect(
      await screen.findByText(
        'component:default/orders has no data-products/contract annotation',
      ),
    ).toBeInTheDocument();
  });

  it('shows progress while the profile loads', async () => {
    let resolve: (profile: DataProductProfile) => void = () => {};
    renderTab(
      () =>
        new Promise<DataProductProfile>(r => {
          resolve = r;
        }),
      { section: 'profile' },
    );

    expect(await screen.findByTestId('progress')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();

    resolve(orderProfile);
    expect(
      await screen.findByRole('table', { name: 'Columns of order_lines' }),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('progress')).not.toBeInTheDocument();
  });

  // usePermission caches decisions per entity for the whole test file, so
  // the ownership tests use entities of their own.
  const named = (name: string): Entity => ({
    ...orderEntity,
    metadata: { ...orderEntity.metadata, name },
  });

  it('tells owners they own the data product', async () => {
    renderTab(async () => orderProfile, {
      owner: true,
      entity: named('owned-orders'),
    });
    expect(
      await screen.findByText('You own this data product'),
    ).toBeInTheDocument();
  });

  it('tells everyone else the view is read-only', async () => {
    renderTab(async () => orderProfile, {
      owner: false,
      entity: named('someone-elses-orders'),
    });
    expect(await screen.findByText('Read-only view')).toBeInTheDocument();
    await waitFor(() =>
      expect(
        screen.queryByText('You own this data product'),
      ).not.toBeInTheDocument(),
    );
  });

  it('opens on Ask, with the sections one click away, the Profile among them', async () => {
    renderTab(async () => orderProfile);

    const tabs = await screen.findByRole('tablist', {
      name: 'Assistant sections',
    });
    expect(
      within(tabs)
        .getAllByRole('tab')
        .map(t => t.textContent),
    ).toEqual(['Ask', 'Interoperability', 'Profile', 'Domain knowledge']);
    expect(within(tabs).getByRole('tab', { name: 'Ask' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(
      await screen.findByRole('textbox', {
        name: 'Ask a question about this data product',
      }),
    ).toBeInTheDocument();
    // suggestions come from the profile
    expect(
      await screen.findByRole('button', { name: 'How fresh is the data?' }),
    ).toBeInTheDocument();
    // only the chosen section is on the page
    expect(
      screen.queryByRole('table', { name: 'Columns of order_lines' }),
    ).toBeNull();
    expect(
      screen.queryByRole('region', { name: 'Interoperability' }),
    ).toBeNull();

    await userEvent.click(within(tabs).getByRole('tab', { name: 'Profile' }));
    expect(
      await screen.findByRole('table', { name: 'Columns of order_lines' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('textbox', {
        name: 'Ask a question about this data product',
      }),
    ).toBeNull();
    expect(within(tabs).getByRole('tab', { name: 'Profile' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  });

  it('opens the section the address names', async () => {
    renderTab(async () => orderProfile, { section: 'knowledge' });
    expect(
      await screen.findByRole('tab', { name: 'Domain knowledge' }),
    ).toHaveAttribute('aria-selected', 'true');
    expect(
      await screen.findByText(/Notes from this data product/),
    ).toBeInTheDocument();
  });

  it('still asks when the profile failed, without suggestions', async () => {
    const error = await responseError(500, 'Error', 'contract store down');
    const api = fakeApi();
    api.getProfile.mockRejectedValue(error);
    api.ask.mockResolvedValue(approvedAsk);
    renderTab(api.getProfile, { api });

    expect(await screen.findByText('contract store down')).toBeInTheDocument();
    expect(
      screen.queryByRole('region', { name: 'Suggested questions' }),
    ).not.toBeInTheDocument();

    await userEvent.type(
      screen.getByRole('textbox', {
        name: 'Ask a question about this data product',
      }),
      'What does net_amount mean?{Enter}',
    );
    expect(
      await screen.findByRole('region', { name: 'Answer' }),
    ).toBeInTheDocument();
    expect(api.ask).toHaveBeenCalledWith(
      'component:default/orders',
      'What does net_amount mean?',
    );
  });

  it('shows interoperability in its own section', async () => {
    const api = fakeApi();
    api.getInterop.mockResolvedValue(ordersInterop);
    renderTab(api.getProfile, { api });

    await userEvent.click(
      await screen.findByRole('tab', { name: 'Interoperability' }),
    );
    const panel = await screen.findByRole('region', {
      name: 'Interoperability',
    });
    expect(
      await within(panel).findByRole('region', { name: 'Customers' }),
    ).toBeInTheDocument();
    expect(api.getInterop).toHaveBeenCalledWith(
      'component:default/orders',
      undefined,
    );
  });

  it('tells reviewers how much waits, linking to the review queue for this product', async () => {
    const api = fakeApi();
    api.getReviewSummary.mockResolvedValue({
      canReview: true,
      pendingAnswers: 3,
      pendingSuggestions: 2,
    });
    renderTab(api.getProfile, { api });

    const alert = await screen.findByTestId('review-summary');
    expect(api.getReviewSummary).toHaveBeenCalledWith(
      'component:default/orders',
    );
    expect(alert).toHaveTextContent(
      '3 answers and 2 relationship suggestions wait for your review',
    );
    const href = '/data-product-review?product=component%3Adefault%2Forders';
    expect(
      within(alert).getByRole('link', {
        name: '3 answers and 2 relationship suggestions wait for your review',
      }),
    ).toHaveAttribute('href', href);
  });

  it('shows no review alert when nothing waits, to non-reviewers, or when the summary fails', async () => {
    for (const summary of [
      async () => ({
        canReview: true,
        pendingAnswers: 0,
        pendingSuggestions: 0,
      }),
      async () => ({
        canReview: false,
        pendingAnswers: 4,
        pendingSuggestions: 1,
      }),
      async () => {
        throw await responseError(500, 'Error', 'summary is down');
      },
    ]) {
      const api = fakeApi();
      api.getReviewSummary.mockImplementation(summary);
      const { unmount } = renderTab(api.getProfile, {
        api,
        section: 'profile',
      });
      await screen.findByRole('table', { name: 'Columns of order_lines' });
      await waitFor(() => expect(api.getReviewSummary).toHaveBeenCalled());
      // let the summary settle before looking
      await new Promise(resolve => setTimeout(resolve, 20));
      expect(screen.queryByTestId('review-summary')).not.toBeInTheDocument();
      expect(
        screen.queryByText(/wait for your review/),
      ).not.toBeInTheDocument();
      expect(screen.queryByText('summary is down')).not.toBeInTheDocument();
      unmount();
    }
  });
});
