import type {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  DefaultApiClient,
  type AcceptedInteropRelationship,
} from '@dpa/plugin-data-product-assistant-common';

/** Where the catalog processor learns which relationships owners accepted. */
export interface AcceptedRelationshipsSource {
  list(): Promise<AcceptedInteropRelationship[]>;
}

const PLUGIN_ID = 'data-product-assistant';

/** `GET /api/data-product-assistant/interop/accepted` with the catalog's service token. */
export class HttpAcceptedRelationshipsSource
  implements AcceptedRelationshipsSource
{
  constructor(
    private readonly options: {
      discovery: DiscoveryService;
      auth: AuthService;
      fetch?: typeof fetch;
    },
  ) {}

  async list(): Promise<AcceptedInteropRelationship[]> {
    const { discovery, auth } = this.options;
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: PLUGIN_ID,
    });
    const api = new DefaultApiClient({
      discoveryApi: discovery,
      fetchApi: { fetch: this.options.fetch ?? fetch },
    });
    const response = await api.listAcceptedInterop({}, { token });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response as Response);
    }
    return await response.json();
  }
}

/**
 * Serves a list for `ttlMs`, shares one fetch between concurrent callers and
 * keeps serving the last good list while the source is failing.
 */
export class CachedAcceptedRelationships
  implements AcceptedRelationshipsSource
{
  private cached?: { at: number; list: AcceptedInteropRelationship[] };
  private pending?: Promise<AcceptedInteropRelationship[]>;

  constructor(
    private readonly source: AcceptedRelationshipsSource,
    private readonly options: {
      ttlMs: number;
      logger: LoggerService;
      now?: () => number;
    },
  ) {}

  async list(): Promise<AcceptedInteropRelationship[]> {
    const now = (this.options.now ?? Date.now)();
    if (this.cached && now - this.cached.at < this.options.ttlMs)
      return this.cached.list;
    this.pending ??= this.source
      .list()
      .then(list => {
        this.cached = { at: (this.options.now ?? Date.now)(), list };
        return list;
      })
      .catch(error => {
        if (this.cached) {
          this.options.logger.warn(
            `Could not fetch accepted data product relationships, using the last known list: ${error}`,
          );
          return this.cached.list;
        }
        throw error;
      })
      .finally(() => {
        this.pending = undefined;
      });
    return this.pending;
  }
}
