import { createHash } from 'node:crypto';
import { readFile, realpath, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import {
  createServiceFactory,
  type UrlReaderService,
  type UrlReaderServiceReadUrlOptions,
  type UrlReaderServiceReadUrlResponse,
} from '@backstage/backend-plugin-api';
import { urlReaderFactoriesServiceRef } from '@backstage/backend-defaults/urlReader';
import {
  InputError,
  NotAllowedError,
  NotFoundError,
  NotModifiedError,
} from '@backstage/errors';

/**
 * Reads `file:` URLs below configured roots, so contracts next to a local
 * catalog file (as in development and the demo) go through the UrlReader like
 * any remote contract. Anything outside the roots is refused.
 */
export class FileUrlReader implements UrlReaderService {
  constructor(private readonly roots: string[]) {}

  private async resolve(url: string): Promise<string> {
    const file = await realpath(fileURLToPath(url)).catch(() => {
      throw new NotFoundError(`${url} does not exist`);
    });
    const allowed = this.roots.some(
      root => file === root || file.startsWith(root + path.sep),
    );
    if (!allowed) {
      throw new NotAllowedError(
        `Reading ${url} is not allowed: it is outside dataProductAssistant.localFiles.allow`,
      );
    }
    return file;
  }

  async readUrl(
    url: string,
    options?: UrlReaderServiceReadUrlOptions,
  ): Promise<UrlReaderServiceReadUrlResponse> {
    const file = await this.resolve(url);
    const info = await stat(file);
    if (!info.isFile()) throw new InputError(`${url} is not a file`);
    const content = await readFile(file);
    const etag = createHash('sha256').update(content).digest('hex');
    if (options?.etag === etag) throw new NotModifiedError();
    return {
      buffer: async () => content,
      etag,
      lastModifiedAt: info.mtime,
    };
  }

  async readTree(): Promise<never> {
    throw new NotAllowedError('FileUrlReader reads single files only');
  }

  async search(): Promise<never> {
    throw new NotAllowedError('FileUrlReader reads single files only');
  }

  toString() {
    return `file{roots=${this.roots.join(',')}}`;
  }
}

/** Adds the file reader to the backend's UrlReader for the configured roots. */
export const fileUrlReaderServiceFactory = createServiceFactory({
  service: urlReaderFactoriesServiceRef,
  deps: {},
  async factory() {
    return ({ config }) => {
      const roots = (
        config.getOptionalStringArray(
          'dataProductAssistant.localFiles.allow',
        ) ?? []
      ).map(root => path.resolve(root));
      if (roots.length === 0) return [];
      return [
        {
          predicate: (url: URL) => url.protocol === 'file:',
          reader: new FileUrlReader(roots),
        },
      ];
    };
  },
});
