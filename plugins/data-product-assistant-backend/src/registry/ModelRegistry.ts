import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import {
  parseRegistryRecord,
  type RegistryRecord,
} from '@dpa/plugin-data-product-assistant-node';

/** How often the registry folder is looked at, when app-config does not say. */
export const DEFAULT_REGISTRY_CHECK_INTERVAL_MS = 5_000;

export interface ModelRegistryOptions {
  /** Absolute folder of the promotion records; undefined: no registry, no records. */
  dir: string | undefined;
  logger: LoggerService;
  /** The folder is listed at most this often; 0 lists it on every call. */
  checkIntervalMs?: number;
  /** Told of records this instance has not seen before (all of them on the first read). */
  onNewRecords?: (
    records: readonly RegistryRecord[],
    firstRead: boolean,
  ) => Promise<void>;
}

/**
 * The promotion registry (`evals/registry/`, one immutable JSON record per
 * `dpa promote` run) as the backend reads it. The folder is re-read when its
 * list of `*.json` files, their sizes or modification times change; that
 * check runs at most every `checkIntervalMs`. A missing folder has no
 * records; a file that is not a valid record is logged and skipped.
 */
export class ModelRegistry {
  private readonly dir: string | undefined;
  private readonly logger: LoggerService;
  private readonly checkIntervalMs: number;
  private signature: string | undefined;
  private cached: readonly RegistryRecord[] = [];
  private checkedAt = Number.NEGATIVE_INFINITY;
  private pending: Promise<readonly RegistryRecord[]> | undefined;
  private readonly seen = new Set<string>();
  private readonly onNewRecords: ModelRegistryOptions['onNewRecords'];

  constructor(options: ModelRegistryOptions) {
    this.dir = options.dir;
    this.logger = options.logger;
    this.onNewRecords = options.onNewRecords;
    this.checkIntervalMs = Math.max(
      0,
      options.checkIntervalMs ?? DEFAULT_REGISTRY_CHECK_INTERVAL_MS,
    );
  }

  /**
   * `dataProductAssistant.registry.dir` (relative paths resolve against the
   * backend's working directory, like other local paths in app-config) and
   * `dataProductAssistant.registry.checkIntervalSeconds`.
   */
  static fromConfig(
    config: Config,
    logger: LoggerService,
    onNewRecords?: ModelRegistryOptions['onNewRecords'],
  ): ModelRegistry {
    const dir = config.getOptionalString('dataProductAssistant.registry.dir');
    const seconds = config.getOptionalNumber(
      'dataProductAssistant.registry.checkIntervalSeconds',
    );
    return new ModelRegistry({
      dir: dir ? path.resolve(dir) : undefined,
      logger,
      checkIntervalMs:
        seconds !== undefined
          ? seconds * 1000
          : DEFAULT_REGISTRY_CHECK_INTERVAL_MS,
      onNewRecords,
    });
  }

  /** The folder read, if any. */
  get directory(): string | undefined {
    return this.dir;
  }

  /** Every valid record in the folder, in file-name order. */
  async records(): Promise<readonly RegistryRecord[]> {
    if (!this.dir) return [];
    if (Date.now() - this.checkedAt < this.checkIntervalMs) return this.cached;
    if (!this.pending) {
      this.pending = this.refresh(this.dir).finally(() => {
        this.checkedAt = Date.now();
        this.pending = undefined;
      });
    }
    return this.pending;
  }

  private async refresh(dir: string): Promise<readonly RegistryRecord[]> {
    const files = await this.listFiles(dir);
    const signature = files
      .map(f => `${f.name}:${f.size}:${f.mtimeMs}`)
      .join('\n');
    if (signature === this.signature) return this.cached;

    const records: RegistryRecord[] = [];
    for (const file of files) {
      try {
        const text = await readFile(path.join(dir, file.name), 'utf8');
        records.push(parseRegistryRecord(JSON.parse(text)));
      } catch (error) {
        this.logger.warn(
          `Skipping model registry file ${file.name}: ${
            (error as Error).message
          }`,
        );
      }
    }
    if (this.signature !== undefined || records.length > 0) {
      this.logger.info(
        `Model registry ${dir}: ${records.length} record(s), ${
          records.filter(r => r.verdict === 'promoted').length
        } promoted`,
      );
    }
    const firstRead = this.signature === undefined;
    this.signature = signature;
    this.cached = records;
    const fresh = records.filter(r => !this.seen.has(r.id));
    for (const r of fresh) this.seen.add(r.id);
    if (fresh.length > 0 && this.onNewRecords) {
      try {
        await this.onNewRecords(fresh, firstRead);
      } catch (error) {
        this.logger.error(
          `Cannot record new model registry records: ${
            (error as Error).message
          }`,
        );
      }
    }
    return records;
  }

  private async listFiles(
    dir: string,
  ): Promise<Array<{ name: string; size: number; mtimeMs: number }>> {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') {
        this.logger.warn(
          `Cannot read the model registry folder ${dir}: ${
            (error as Error).message
          }`,
        );
      }
      return [];
    }
    const files = await Promise.all(
      names
        .filter(name => name.endsWith('.json'))
        .sort()
        .map(async name => {
          try {
            const s = await stat(path.join(dir, name));
            return s.isFile()
              ? { name, size: s.size, mtimeMs: s.mtimeMs }
              : undefined;
          } catch {
            return undefined; // removed while listing
          }
        }),
    );
    return files.filter((f): f is NonNullable<typeof f> => f !== undefined);
  }
}
