import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { ResponseError } from '@backstage/errors';
import type { KnowledgeNoteRecord } from '@dpa/plugin-data-product-assistant-common';
import { dataProductAssistantApiRef } from '../../api';
import { fakeApi } from '../../__testUtils__/fakeApi';
import { orderEntity, orderProfile } from '../../__testUtils__/fixtures';
import { KnowledgeCard } from './KnowledgeCard';

const vatNote: KnowledgeNoteRecord = {
  id: 'n1',
  entityRef: 'component:default/orders',
  text: 'net_amount excludes VAT.',
  column: 'order_lines.net_amount',
  author: 'user:default/sally',
  createdAt: '2026-01-02T10:00:00.000Z',
  updatedAt: '2026-01-02T10:00:00.000Z',
};

// usePermission caches decisions per entity for the whole file: each test uses its own product.
let REF = 'component:default/orders';
let counter = 0;

function renderCard(api: ReturnType<typeof fakeApi>, owner: boolean) {
  counter += 1;
  const name = `orders-${owner ? 'owned' : 'read'}-${counter}`;
  REF = `component:default/${name}`;
  const entity = {
    ...orderEntity,
    metadata: { ...orderEntity.metadata, name },
  };
  return renderInTestApp(
    <KnowledgeCard entity={entity} profile={orderProfile} />,
    {
      apis: [
        [dataProductAssistantApiRef, api],
        mockApis.permission({
          authorize: owner ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
        }),
      ],
    },
  );
}

describe('KnowledgeCard', () => {
  it('shows notes read-only to readers', async () => {
    const api = fakeApi();
    api.listNotes.mockResolvedValue([vatNote]);
    await renderCard(api, false);

    expect(
      await screen.findByText('net_amount excludes VAT.'),
    ).toBeInTheDocument();
    expect(screen.getByText('order_lines.net_amount')).toBeInTheDocument();
    expect(screen.getByText(/user:default\/sally/)).toBeInTheDocument();
    expect(api.listNotes).toHaveBeenCalledWith(REF);
    expect(
      screen.queryByRole('button', { name: /add a note/i }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /edit note/i }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /delete note/i }),
    ).not.toBeInTheDocument();
  });

  it('says when there are no notes', async () => {
    await renderCard(fakeApi(), false);
    expect(await screen.findByText(/No notes yet/)).toBeInTheDocument();
  });

  it('lets an owner add a note about a column', async () => {
    const api = fakeApi();
    await renderCard(api, true);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Add a note' }),
    );
    const submit = screen.getByRole('button', { name: 'Add note' });
    expect(submit).toBeDisabled();
    await userEvent.click(screen.getByLabelText('Note'));
    await userEvent.paste('  Refunds land next quarter. ');
    await userEvent.selectOptions(
      screen.getByLabelText('Column (optional)'),
      'order_lines.net_amount',
    );
    await userEvent.click(submit);
    await waitFor(() =>
      expect(api.addNote).toHaveBeenCalledWith(REF, {
        text: 'Refunds land next quarter.',
        column: 'order_lines.net_amount',
      }),
    );
    // The list is reloaded after the change.
    await waitFor(() => expect(api.listNotes).toHaveBeenCalledTimes(2));
  });

  it('lets an owner edit and delete a note', async () => {
    const api = fakeApi();
    api.listNotes.mockResolvedValue([vatNote]);
    await renderCard(api, true);

    await userEvent.click(
      await screen.findByRole('button', { name: 'Edit note n1' }),
    );
    const text = screen.getByLabelText('Note');
    expect(text).toHaveValue('net_amount excludes VAT.');
    await userEvent.clear(text);
    await userEvent.paste('net_amount includes VAT.');
    await userEvent.selectOptions(
      screen.getByLabelText('Column (optional)'),
      '',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(api.updateNote).toHaveBeenCalledWith(REF, 'n1', {
        text: 'net_amount includes VAT.',
        column: undefined,
      }),
    );

    await userEvent.click(
      await screen.findByRole('button', { name: 'Delete note n1' }),
    );
    await waitFor(() => expect(api.deleteNote).toHaveBeenCalledWith(REF, 'n1'));
  });

  it('shows the backend message when a change fails', async () => {
    const api = fakeApi();
    api.addNote.mockRejectedValue(
      await ResponseError.fromResponse(
        new Response(
          JSON.stringify({
            error: {
              name: 'NotAllowedError',
              message: `Only the owners of ${REF} may add, edit or delete its knowledge notes`,
            },
            response: { statusCode: 403 },
          }),
          { status: 403, headers: { 'Content-Type': 'application/json' } },
        ),
      ),
    );
    await renderCard(api, true);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Add a note' }),
    );
    await userEvent.click(screen.getByLabelText('Note'));
    await userEvent.paste('Something');
    await userEvent.click(screen.getByRole('button', { name: 'Add note' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText(/Only the owners of/)).toBeInTheDocument();
    // The form stays open with the text, so nothing typed is lost.
    expect(screen.getByLabelText('Note')).toHaveValue('Something');
  });

  it('shows a load error with retry', async () => {
    const api = fakeApi();
    api.listNotes.mockRejectedValueOnce(new Error('backend down'));
    await renderCard(api, false);
    expect(
      await screen.findByText(/Could not load the notes: backend down/),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText(/No notes yet/)).toBeInTheDocument();
  });
});
