import { createHash } from 'node:crypto';
import type { BigIntStats } from 'node:fs';
import { open, realpath, stat } from 'node:fs/promises';
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

/** The largest file read when `dataProductAssistant.localFiles.maxBytes` is not set. */
export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;

/**
 * A file's version from its metadata, as HTTP servers tag static files: any write changes the
 * change time (ctime, which no user can set back), so an unchanged tag means unchanged content
 * and a conditional read needs no open, read or hash.
 */
const versionOf = (info: BigIntStats) =>
  createHash('sha256')
    .update(
      [info.dev, info.ino, info.size, info.mtimeNs, info.ctimeNs].join(':'),
    )
    .digest('hex');

const isBelow = (file: string, roots: readonly string[]) =>
  roots.some(root => file === root || file.startsWith(root + path.sep));

/**
 * Reads `file:` URLs below configured roots, so contracts next to a local
 * catalog file (as in development and the demo) go through the UrlReader like
 * any remote contract. Anything outside the roots reads exactly like a file
 * that does not exist, links are followed before the check (the roots are
 * resolved too), and files past a size cap are refused.
 */
export class FileUrlReader implements UrlReaderService {
  private readonly roots: string[];
  private readonly realRoots: Promise<string[]>;
  private readonly maxBytes: number;

  constructor(roots: string[], options: { maxBytes?: number } = {}) {
    this.roots = roots.map(root => path.resolve(root));
    this.realRoots = Promise.all(
      this.roots.map(root => realpath(root).catch(() => root)),
    );
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  }

  /** One answer for missing, outside the roots and unparseable alike: it reveals nothing about the disk. */
  private unreadable(url: string): NotFoundError {
    return new NotFoundError(
      `${url} does not exist below dataProductAssistant.localFiles.allow`,
    );
  }

  private async resolve(url: string): Promise<string> {
    let file: string;
    try {
      file = path.resolve(fileURLToPath(url));
    } catch {
      throw this.unreadable(url);
    }
    const realRoots = await this.realRoots;
    // Outside every root as written: refused without touching the disk.
    if (!isBelow(file, [...this.roots, ...realRoots])) {
      throw this.unreadable(url);
    }
    const real = await realpath(file).catch(() => {
      throw this.unreadable(url);
    });
    if (!isBelow(real, realRoots)) throw this.unreadable(url);
    return real;
  }

  async readUrl(
    url: string,
    options?: UrlReaderServiceReadUrlOptions,
  ): Promise<UrlReaderServiceReadUrlResponse> {
    const file = await this.resolve(url);
    const current = await stat(file, { bigint: true }).catch(() => {
      throw this.unreadable(url);
    });
    if (options?.etag !== undefined && options.etag === versionOf(current)) {
      throw new NotModifiedError();
    }
    const handle = await open(file, 'r').catch(() => {
      throw this.unreadable(url);
    });
    let content: Buffer;
    let mtime: Date;
    let etag: string | undefined;
    try {
      const info = await handle.stat({ bigint: true });
      if (!info.isFile()) throw new InputError(`${url} is not a file`);
      if (info.size > this.maxBytes) {
        throw new InputError(
          `${url} is larger than ${this.maxBytes} bytes (dataProductAssistant.localFiles.maxBytes)`,
        );
      }
      // Read no more than the cap (and one byte) even if the file grew since stat.
      const chunks: Buffer[] = [];
      let length = 0;
      for await (const chunk of handle.createReadStream({
        start: 0,
        end: this.maxBytes,
        autoClose: false,
      })) {
        chunks.push(chunk as Buffer);
        length += (chunk as Buffer).length;
      }
      if (length > this.maxBytes) {
        throw new InputError(
          `${url} is larger than ${this.maxBytes} bytes (dataProductAssistant.localFiles.maxBytes)`,
        );
      }
      content = Buffer.concat(chunks, length);
      mtime = new Date(Number(info.mtimeMs));
      // Written to while read: no version, so the next read reads it in full again.
      const version = versionOf(info);
      if (versionOf(await handle.stat({ bigint: true })) === version)
        etag = version;
    } finally {
      await handle.close();
    }
    return {
      buffer: async () => content,
      etag,
      lastModifiedAt: mtime,
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
      const maxBytes = config.getOptionalNumber(
        'dataProductAssistant.localFiles.maxBytes',
      );
      return [
        {
          predicate: (url: URL) => url.protocol === 'file:',
          reader: new FileUrlReader(roots, { maxBytes }),
        },
      ];
    };
  },
});
