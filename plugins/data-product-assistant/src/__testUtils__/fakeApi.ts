import { vi } from 'vitest';
import { DataProductAssistantApi } from '../api';
import { emptyInterop, orderProfile } from './fixtures';

/**
 * A fake {@link DataProductAssistantApi} whose methods are vitest mocks with
 * harmless defaults (the order profile, an empty history); change them with
 * `mockImplementation`. Interoperability has no related products, and
 * deciding fails unless faked. The caller reviews nothing (an empty queue, a
 * summary without `canReview`), and reviewing fails unless faked.
 */
export function fakeApi() {
  return {
    getProfile: vi.fn<DataProductAssistantApi['getProfile']>(
      async () => orderProfile,
    ),
    ask: vi.fn<DataProductAssistantApi['ask']>(async () => {
      throw new Error('ask is not faked in this test');
    }),
    listAsks: vi.fn<DataProductAssistantApi['listAsks']>(async () => ({
      items: [],
      total: 0,
    })),
    sendFeedback: vi.fn<DataProductAssistantApi['sendFeedback']>(
      async (_id, feedback) => ({
        ...feedback,
        userRef: 'user:default/guest',
        createdAt: new Date(0).toISOString(),
      }),
    ),
    getAsk: vi.fn<DataProductAssistantApi['getAsk']>(async () => {
      throw new Error('getAsk is not faked in this test');
    }),
    getInterop: vi.fn<DataProductAssistantApi['getInterop']>(
      async () => emptyInterop,
    ),
    decideInterop: vi.fn<DataProductAssistantApi['decideInterop']>(async () => {
      throw new Error('decideInterop is not faked in this test');
    }),
    getScorecards: vi.fn<DataProductAssistantApi['getScorecards']>(
      async () => ({
        domains: [],
      }),
    ),
    listNotes: vi.fn<DataProductAssistantApi['listNotes']>(async () => []),
    addNote: vi.fn<DataProductAssistantApi['addNote']>(
      async (entityRef, note) => ({
        id: 'note-1',
        entityRef:
          typeof entityRef === 'string'
            ? entityRef
            : 'component:default/orders',
        text: note.text,
        column: note.column,
        author: 'user:default/guest',
        createdAt: new Date(0).toISOString(),
        updatedAt: new Date(0).toISOString(),
      }),
    ),
    updateNote: vi.fn<DataProductAssistantApi['updateNote']>(
      async (entityRef, id, note) => ({
        id,
        entityRef:
          typeof entityRef === 'string'
            ? entityRef
            : 'component:default/orders',
        text: note.text,
        column: note.column,
        author: 'user:default/guest',
        createdAt: new Date(0).toISOString(),
        updatedAt: new Date(0).toISOString(),
      }),
    ),
    deleteNote: vi.fn<DataProductAssistantApi['deleteNote']>(
      async () => undefined,
    ),
    getReviewQueue: vi.fn<DataProductAssistantApi['getReviewQueue']>(
      async () => ({ items: [], total: 0, products: [] }),
    ),
    getReviewInterop: vi.fn<DataProductAssistantApi['getReviewInterop']>(
      async () => ({ items: [], total: 0, pendingMappings: 0 }),
    ),
    getReviewSummary: vi.fn<DataProductAssistantApi['getReviewSummary']>(
      async () => ({
        canReview: false,
        pendingAnswers: 0,
        pendingSuggestions: 0,
      }),
    ),
    reviewAsk: vi.fn<DataProductAssistantApi['reviewAsk']>(async () => {
      throw new Error('reviewAsk is not faked in this test');
    }),
    listVerified: vi.fn<DataProductAssistantApi['listVerified']>(
      async () => [],
    ),
  } satisfies DataProductAssistantApi;
}
