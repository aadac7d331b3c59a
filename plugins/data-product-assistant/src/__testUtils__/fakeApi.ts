import { vi } from 'vitest';
import { DataProductAssistantApi } from '../api';
import { orderProfile } from './fixtures';

/**
 * A fake {@link DataProductAssistantApi} whose methods are vitest mocks with
 * harmless defaults (the order profile, an empty history); change them with
 * `mockImplementation`.
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
  } satisfies DataProductAssistantApi;
}
