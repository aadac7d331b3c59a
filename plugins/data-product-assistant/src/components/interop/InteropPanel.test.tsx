import { describe, expect, it } from 'vitest';
import {
  configure,
  fireEvent,
  screen,
  waitFor,
  within,
} from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { ResponseError } from '@backstage/errors';
import {
  InteropDecision,
  InteropResponse,
} from '@dpa/plugin-data-product-assistant-common';
import { dataProductAssistantApiRef } from '../../api';
import { fakeApi } from '../../__testUtils__/fakeApi';
import {
  customerIdMapping,
  emptyInterop,
  ordersInterop,
} from '../../__testUtils__/fixtures';
import { InteropPanel } from './InteropPanel';

// *ByRole checks every ancestor's computed style for visibility, which is
// slow under MUI's style sheets in jsdom; collapsed content is unmounted.
configure({ defaultHidden: true });

const ENTITY_REF = 'component:default/orders';
const CUSTOMER_ID = 'order_lines.customer_id ↔ customers.customer_id';
const CHANNEL = 'order_lines.channel ↔ customers.signup_channel';
const ORDER_ID = 'order_lines.order_id ↔ shipments.order_id';

function renderPanel(api = fakeApi(), props: { pageSize?: number } = {}) {
  renderInTestApp(
    <InteropPanel entityRef={ENTITY_REF} pageSize={props.pageSize} />,
    {
      apis: [[dataProductAssistantApiRef, api]],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
  return api;
}

/** Related products are folded to one line: open every one on the page. */
async function openAll() {
  const toggles = await screen.findAllByRole('button', {
    name: /^Show \d+ column mappings?$/,
  });
  toggles.forEach(toggle => fireEvent.click(toggle));
}

function withOwner(response: InteropResponse = ordersInterop) {
  const api = fakeApi();
  api.getInterop.mockResolvedValue({ ...response, canDecide: true });
  return api;
}

function deferred<T>() {
  let resolve: (value: T) => void = () => {};
  let reject: (error: unknown) => void = () => {};
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
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

// Rows by test id: a role query over the whole panel computes the accessible
// name of every list item; the first test checks the rows' names once.
const findRow = (id: string) => screen.findByTestId(`mapping-${id}`);
const click = (element: HTMLElement) => fireEvent.click(element);

const accepted = (by: string, comment?: string): InteropDecision => ({
  suggestionId: customerIdMapping.id,
  status: 'accepted',
  ...(comment ? { comment } : {}),
  decidedBy: by,
  decidedAt: '2025-03-05T12:00:00.000Z',
  from: customerIdMapping.from,
  to: customerIdMapping.to,
  kind: customerIdMapping.kind,
});

describe('InteropPanel', () => {
  it('shows related products with their mappings, kind, confidence and evidence', async () => {
    const api = fakeApi();
    api.getInterop.mockResolvedValue(ordersInterop);
    renderPanel(api);

    const customers = await screen.findByRole('region', { name: 'Customers' });
    const panel = screen.getByRole('region', { name: 'Interoperability' });
    expect(panel).toContainElement(customers);
    expect(api.getInterop).toHaveBeenCalledWith(ENTITY_REF, undefined);
    expect(
      within(panel).getByText(/from the contracts you can read/),
    ).toBeInTheDocument();
    // What the number means, in words.
    expect(screen.getByTestId('confidence-legend')).toHaveTextContent(
      'Likelihood: Estimated chance that this suggestion is a real relationship',
    );
    expect(screen.getByTestId('confidence-legend')).toHaveTextContent(
      'it is never 100%',
    );
    // Folded: one line per product until opened.
    expect(within(customers).queryByTestId('mapping-m-customer-id')).toBeNull();
    expect(customers).toHaveTextContent('1 flagged');
    await openAll();

    // The product, its domain and owner link to the catalog.
    expect(
      within(customers).getByRole('link', { name: 'Customers' }),
    ).toHaveAttribute(
      'href',
      expect.stringContaining('/catalog/default/component/customers'),
    );
    expect(
      within(customers).getByRole('link', { name: 'crm' }),
    ).toHaveAttribute(
      'href',
      expect.stringContaining('/catalog/default/domain/crm'),
    );
    expect(
      within(customers).getByRole('link', { name: /crm-team/ }),
    ).toHaveAttribute(
      'href',
      expect.stringContaining('/catalog/default/group/crm-team'),
    );
    expect(
      within(customers).getAllByRole('progressbar', {
        name: 'Likelihood 92%',
      })[0],
    ).toBeInTheDocument();

    const join = within(customers).getByRole('listitem', { name: CUSTOMER_ID });
    expect(within(join).getByTestId('kind-chip')).toHaveTextContent(
      /^Join key$/,
    );
    expect(
      within(join).getByRole('progressbar', { name: 'Likelihood 92%' }),
    ).toHaveAttribute('aria-valuenow', '92');
    expect(within(join).getByText('likely 92%')).toBeInTheDocument();
    // evidence and explanation are folded too
    click(
      within(join).getByRole('button', { name: 'Evidence and explanation' }),
    );
    const evidence = within(join).getByRole('region', { name: 'Evidence' });
    expect(within(evidence).getAllByRole('listitem')).toHaveLength(2);
    expect(
      within(evidence).getByText('customers.customer_id is the primary key'),
    ).toBeInTheDocument();
    expect(
      within(join).getByText(
        'order_lines.customer_id refers to customers.customer_id, the key of Customers.',
      ),
    ).toBeInTheDocument();
    expect(
      within(join).queryByTestId('validation-warnings'),
    ).not.toBeInTheDocument();
    // Nothing decided yet: no decision state.
    expect(
      within(join).queryByTestId('decision-state'),
    ).not.toBeInTheDocument();

    const concept = within(customers).getByRole('listitem', { name: CHANNEL });
    expect(within(concept).getByTestId('kind-chip')).toHaveTextContent(
      /^Same concept$/,
    );
    expect(within(concept).getByText('likely 61%')).toBeInTheDocument();

    // A product without a title is named by its ref.
    const shipments = screen.getByRole('region', {
      name: 'component:default/shipments',
    });
    expect(
      within(shipments).getByRole('listitem', { name: ORDER_ID }),
    ).toBeInTheDocument();
    expect(screen.getByTestId('interop-stats')).toHaveTextContent(
      '120 of 800 column pairs compared',
    );
  });

  it('shows the validator issues of a flagged mapping as warnings', async () => {
    const api = fakeApi();
    api.getInterop.mockResolvedValue(ordersInterop);
    renderPanel(api);

    await openAll();
    const row = await findRow('m-channel');
    const warnings = within(row).getByTestId('validation-warnings');
    expect(warnings).toHaveTextContent('Flagged by the validator');
    expect(
      within(warnings).getByText(
        /types string and integer need a cast to join/,
      ),
    ).toBeInTheDocument();
    expect(warnings).toHaveClass('MuiAlert-standardWarning');
  });

  it('expands the explanation: what joining enables, caveats and the example SQL', async () => {
    const api = fakeApi();
    api.getInterop.mockResolvedValue(ordersInterop);
    renderPanel(api);

    await openAll();
    const row = await findRow('m-customer-id');
    expect(
      within(row).queryByText('revenue per customer segment and region'),
    ).not.toBeInTheDocument();
    const toggle = within(row).getByRole('button', {
      name: 'Evidence and explanation',
    });
    click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');

    expect(
      within(row).getByRole('region', { name: 'What joining enables' }),
    ).toHaveTextContent('revenue per customer segment and region');
    const caveats = within(row).getByRole('region', { name: 'Caveats' });
    expect(
      within(caveats).getByRole('img', { name: 'Grain mismatch' }),
    ).toBeInTheDocument();
    expect(
      within(caveats).getByRole('img', { name: 'PII join key' }),
    ).toBeInTheDocument();
    expect(
      within(caveats).getByText(
        'One customer has many order lines: aggregate before joining',
      ),
    ).toBeInTheDocument();
    expect(
      within(caveats).getByText('customer_id identifies a person'),
    ).toBeInTheDocument();

    // The code snippet loads its highlighter lazily.
    const sql = within(row).getByRole('region', { name: 'Example join' });
    await waitFor(
      () =>
        expect(sql).toHaveTextContent(
          'JOIN customers.customers c ON o.customer_id = c.customer_id',
        ),
      { timeout: 10_000 },
    );
    expect(
      within(row).getByText(/Groundedness of the explanation 100%/),
    ).toBeInTheDocument();
  });

  it('shows an accepted mapping to everyone, and no decision buttons to non-owners', async () => {
    const api = fakeApi();
    api.getInterop.mockResolvedValue(ordersInterop);
    renderPanel(api);

    expect(
      await screen.findByRole('region', {
        name: 'component:default/shipments',
      }),
    ).toHaveTextContent('1 accepted');
    await openAll();
    const row = await findRow('m-order-id');
    const state = within(row).getByTestId('decision-state');
    expect(state).toHaveTextContent(/^Accepted by alice on .*2025/);
    expect(within(state).getByRole('link', { name: 'alice' })).toHaveAttribute(
      'href',
      expect.stringContaining('/catalog/default/user/alice'),
    );
    expect(state).toHaveTextContent('“Used by the logistics team”');

    expect(
      screen.queryByRole('button', { name: /^Accept / }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /^Reject / }),
    ).not.toBeInTheDocument();
    expect(screen.queryByTestId('decision-controls')).not.toBeInTheDocument();
  });

  it('lets owners accept with a comment, showing the decision at once', async () => {
    const api = withOwner();
    const saved = deferred<InteropDecision>();
    api.decideInterop.mockReturnValue(saved.promise);
    renderPanel(api);
    await openAll();

    const row = await findRow('m-customer-id');
    expect(
      within(row).getByRole('button', {
        name: 'Reject customer_id ↔ customer_id',
      }),
    ).toBeInTheDocument();
    // An accepted mapping can only be rejected.
    const orderRow = screen.getByTestId('mapping-m-order-id');
    expect(
      within(orderRow).queryByRole('button', { name: /^Accept / }),
    ).not.toBeInTheDocument();
    expect(
      within(orderRow).getByRole('button', {
        name: 'Reject order_id ↔ order_id',
      }),
    ).toBeInTheDocument();

    click(
      within(row).getByRole('button', {
        name: 'Add a comment on customer_id ↔ customer_id',
      }),
    );
    fireEvent.change(
      within(row).getByRole('textbox', {
        name: 'Comment on customer_id ↔ customer_id (optional)',
      }),
      { target: { value: 'Matches the CRM key' } },
    );
    // customer_id identifies a person: said beside Accept, and Accept asks first
    expect(within(row).getByTestId('pii-join-warning')).toHaveTextContent(
      'Joins on personal data',
    );
    click(
      within(row).getByRole('button', {
        name: 'Accept customer_id ↔ customer_id',
      }),
    );
    expect(api.decideInterop).not.toHaveBeenCalled();
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('Accept a join on personal data?');
    expect(dialog).toHaveTextContent('customer_id identifies a person');
    click(within(dialog).getByRole('button', { name: 'Accept anyway' }));

    expect(api.decideInterop).toHaveBeenCalledWith(ENTITY_REF, {
      suggestionId: customerIdMapping.id,
      decision: 'accept',
      comment: 'Matches the CRM key',
    });
    // Optimistic: accepted while saving, buttons disabled.
    const pending = within(row).getByTestId('decision-state');
    expect(pending).toHaveTextContent('Accepted');
    expect(
      within(pending).getByRole('progressbar', { name: 'Saving the decision' }),
    ).toBeInTheDocument();
    expect(
      within(row).getByRole('button', {
        name: 'Accept customer_id ↔ customer_id',
      }),
    ).toBeDisabled();

    saved.resolve(accepted('user:default/bob', 'Matches the CRM key'));
    await waitFor(() =>
      expect(within(row).getByTestId('decision-state')).toHaveTextContent(
        /^Accepted by bob on .*2025/,
      ),
    );
    expect(within(row).getByTestId('decision-state')).toHaveTextContent(
      '“Matches the CRM key”',
    );
    expect(
      within(row).queryByRole('progressbar', { name: 'Saving the decision' }),
    ).not.toBeInTheDocument();
    expect(
      within(row).queryByRole('button', { name: /^Accept / }),
    ).not.toBeInTheDocument();
  });

  it('removes a mapping once rejected, and the product with its last one', async () => {
    const api = withOwner();
    api.decideInterop.mockImplementation(async (_ref, request) => ({
      ...accepted('user:default/bob'),
      suggestionId: request.suggestionId,
      status: 'rejected',
    }));
    renderPanel(api);
    await openAll();

    click(
      within(await findRow('m-customer-id')).getByRole('button', {
        name: 'Reject customer_id ↔ customer_id',
      }),
    );
    expect(api.decideInterop).toHaveBeenCalledWith(ENTITY_REF, {
      suggestionId: customerIdMapping.id,
      decision: 'reject',
    });
    await waitFor(() =>
      expect(
        screen.queryByTestId('mapping-m-customer-id'),
      ).not.toBeInTheDocument(),
    );
    expect(screen.getByTestId('mapping-m-channel')).toBeInTheDocument();

    click(
      within(await findRow('m-order-id')).getByRole('button', {
        name: 'Reject order_id ↔ order_id',
      }),
    );
    await waitFor(() =>
      expect(
        screen.queryByRole('region', { name: 'component:default/shipments' }),
      ).not.toBeInTheDocument(),
    );
    expect(
      screen.getByRole('region', { name: 'Customers' }),
    ).toBeInTheDocument();
  });

  it('shows a 403 as is and takes the optimistic decision back', async () => {
    const api = withOwner();
    api.decideInterop.mockRejectedValue(
      await responseError(
        403,
        'NotAllowedError',
        'Only the owners of component:default/orders may decide',
      ),
    );
    renderPanel(api);
    await openAll();

    const row = await findRow('m-customer-id');
    click(
      within(row).getByRole('button', {
        name: 'Accept customer_id ↔ customer_id',
      }),
    );
    click(
      within(await screen.findByRole('dialog')).getByRole('button', {
        name: 'Accept anyway',
      }),
    );

    const alert = await within(row).findByRole('alert');
    expect(alert).toHaveTextContent('Not allowed');
    expect(alert).toHaveTextContent(
      'Only the owners of component:default/orders may decide',
    );
    expect(within(row).queryByTestId('decision-state')).not.toBeInTheDocument();
    expect(
      within(row).getByRole('button', {
        name: 'Accept customer_id ↔ customer_id',
      }),
    ).toBeEnabled();
  });

  it('accepts a mapping that joins on no personal data at once, and cancels a PII join', async () => {
    const api = withOwner();
    api.decideInterop.mockImplementation(async (_ref, request) => ({
      ...accepted('user:default/bob'),
      suggestionId: request.suggestionId,
    }));
    renderPanel(api);
    await openAll();
    const channel = await findRow('m-channel');
    expect(within(channel).queryByTestId('pii-join-warning')).toBeNull();
    click(
      within(channel).getByRole('button', {
        name: 'Accept channel ↔ signup_channel',
      }),
    );
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(api.decideInterop).toHaveBeenCalledTimes(1);

    click(
      within(await findRow('m-customer-id')).getByRole('button', {
        name: 'Accept customer_id ↔ customer_id',
      }),
    );
    click(
      within(await screen.findByRole('dialog')).getByRole('button', {
        name: 'Cancel',
      }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.decideInterop).toHaveBeenCalledTimes(1);
  });

  it('pages and sorts the related products', async () => {
    const api = fakeApi();
    api.getInterop.mockResolvedValue(ordersInterop);
    renderPanel(api, { pageSize: 1 });

    const list = await screen.findByRole('list', {
      name: 'Related data products',
    });
    expect(within(list).getAllByTestId('related-product')).toHaveLength(1);
    expect(
      within(list).getByRole('region', { name: 'Customers' }),
    ).toBeTruthy();
    const pages = screen.getByRole('navigation', {
      name: 'Pages of related data products',
    });
    expect(within(pages).getByTestId('interop-page')).toHaveTextContent(
      '1–1 of 2',
    );
    click(within(pages).getByRole('button', { name: 'Next' }));
    expect(
      await within(list).findByRole('region', {
        name: 'component:default/shipments',
      }),
    ).toBeInTheDocument();
    expect(
      within(list).queryByRole('region', { name: 'Customers' }),
    ).toBeNull();

    // by name, back on the first page: the untitled product is named by its ref, `component:…` < `customers`
    fireEvent.change(screen.getByRole('combobox', { name: 'Sort by' }), {
      target: { value: 'name' },
    });
    expect(
      await within(list).findByRole('region', {
        name: 'component:default/shipments',
      }),
    ).toBeInTheDocument();
    expect(screen.getByTestId('interop-page')).toHaveTextContent('1–1 of 2');
  });

  it('says so when no related data products are found', async () => {
    renderPanel(fakeApi());
    expect(
      await screen.findByText('No related data products found'),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('related-product')).not.toBeInTheDocument();
  });

  it('shows the backend message when loading fails, and retries', async () => {
    const api = fakeApi();
    api.getInterop.mockRejectedValueOnce(
      await responseError(
        400,
        'InputError',
        'component:default/orders is not a data product',
      ),
    );
    renderPanel(api);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'component:default/orders is not a data product',
    );
    click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(
      await screen.findByText('No related data products found'),
    ).toBeInTheDocument();
    expect(api.getInterop).toHaveBeenCalledTimes(2);
  });

  it('shows progress while loading', async () => {
    const api = fakeApi();
    const response = deferred<InteropResponse>();
    api.getInterop.mockReturnValue(response.promise);
    renderPanel(api);

    expect(await screen.findByTestId('progress')).toBeInTheDocument();
    response.resolve(emptyInterop);
    expect(
      await screen.findByText('No related data products found'),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('progress')).not.toBeInTheDocument();
  });
});
