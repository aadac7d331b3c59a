import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import {
  parseGateThresholds,
  verifyRegistryRecord,
  type DomainModelArtifact,
  type GateThresholds,
  type RegistryRecord,
} from '@dpa/plugin-data-product-assistant-node';
import { readRecordArtifact } from './recordArtifact';

/** How often the registry folder is looked at, when app-config does not say. */
export const DEFAULT_REGISTRY_CHECK_INTERVAL_MS = 5_000;

export interface ModelRegistryOptions {
  /** Absolute folder of the promotion records; undefined: no registry, no records. */
  dir: string | undefined;
  /**
   * The gate's thresholds file every record is checked against (default:
   * `thresholds.yaml` beside the folder, as in `evals/`). Missing or invalid:
   * every record is refused.
   */
  thresholdsFile?: string;
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
 * list of `*.json` files, their sizes or modification times, or the
 * thresholds file change; that check runs at most every `checkIntervalMs`. A
 * missing folder has no records.
 *
 * Records are files anyone with write access could edit, so each is
 * re-checked before it may name a champion (`verifyRegistryRecord`: schema,
 * spec hashes, the thresholds file's hash, per-threshold results recomputed
 * from its metrics, a verdict that follows from them) and its file name must
 * be its id. A record that does not hold is refused with a warning and the
 * configured model serves instead.
 */
export class ModelRegistry {
  private readonly dir: string | undefined;
  private readonly thresholdsFile: string | undefined;
  private readonly logger: LoggerService;
  private readonly checkIntervalMs: number;
  private signature: string | undefined;
  private cached: readonly RegistryRecord[] = [];
  private checkedAt = Number.NEGATIVE_INFINITY;
  private pending: Promise<readonly RegistryRecord[]> | undefined;
  private readonly seen = new Set<string>();
  private readonly onNewRecords: ModelRegistryOptions['onNewRecords'];
  /** Domain model artifacts of the records that verified, by record id; their files are watched too. */
  private artifacts = new Map<string, DomainModelArtifact>();
  private artifactFiles: string[] = [];

  constructor(options: ModelRegistryOptions) {
    this.dir = options.dir;
    this.thresholdsFile =
      options.thresholdsFile ??
      (options.dir
        ? path.join(path.dirname(options.dir), 'thresholds.yaml')
        : undefined);
    this.logger = options.logger;
    this.onNewRecords = options.onNewRecords;
    this.checkIntervalMs = Math.max(
      0,
      options.checkIntervalMs ?? DEFAULT_REGISTRY_CHECK_INTERVAL_MS,
    );
  }

  /**
   * `dataProductAssistant.registry.dir`, `.thresholdsFile` (relative paths
   * resolve against the backend's working directory, like other local paths
   * in app-config) and `.checkIntervalSeconds`.
   */
  static fromConfig(
    config: Config,
    logger: LoggerService,
    onNewRecords?: ModelRegistryOptions['onNewRecords'],
  ): ModelRegistry {
    const dir = config.getOptionalString('dataProductAssistant.registry.dir');
    const thresholdsFile = config.getOptionalString(
      'dataProductAssistant.registry.thresholdsFile',
    );
    const seconds = config.getOptionalNumber(
      'dataProductAssistant.registry.checkIntervalSeconds',
    );
    return new ModelRegistry({
      dir: dir ? path.resolve(dir) : undefined,
      thresholdsFile: thresholdsFile ? path.resolve(thresholdsFile) : undefined,
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

  /** The domain model artifact a verified record's challenger serves with, if it names one. */
  artifactOf(recordId: string): DomainModelArtifact | undefined {
    return this.artifacts.get(recordId);
  }

  /** Every record in the folder that verifies, in file-name order. */
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
    const thresholdsStat = this.thresholdsFile
      ? await stat(this.thresholdsFile).catch(() => undefined)
      : undefined;
    const signature = await this.signatureOf(
      files,
      thresholdsStat,
      this.artifactFiles,
    );
    if (signature === this.signature) return this.cached;

    const thresholds = files.length ? await this.readThresholds() : undefined;
    const records: RegistryRecord[] = [];
    const artifacts = new Map<string, DomainModelArtifact>();
    const artifactFiles: string[] = [];
    for (const file of files) {
      let input: unknown;
      try {
        input = JSON.parse(await readFile(path.join(dir, file.name), 'utf8'));
      } catch (error) {
        this.refuse(file.name, [(error as Error).message]);
        continue;
      }
      const check = verifyRegistryRecord(input, thresholds);
      if (!check.ok) {
        this.refuse(file.name, check.problems);
        continue;
      }
      if (`${check.record.id}.json` !== file.name) {
        this.refuse(file.name, [`its id is ${check.record.id}`]);
        continue;
      }
      // a trained challenger serves only with its own domain's artifact, as pinned
      const artifact = await readRecordArtifact(check.record, dir);
      if (artifact.file) artifactFiles.push(artifact.file);
      if (!artifact.ok) {
        this.refuse(file.name, artifact.problems);
        continue;
      }
      if (artifact.artifact) artifacts.set(check.record.id, artifact.artifact);
      records.push(check.record);
    }
    if (this.signature !== undefined || records.length > 0) {
      this.logger.info(
        `Model registry ${dir}: ${records.length} record(s), ${
          records.filter(r => r.verdict === 'promoted').length
        } promoted`,
      );
    }
    const firstRead = this.signature === undefined;
    this.artifactFiles = artifactFiles;
    this.artifacts = artifacts;
    // the artifact files found now are watched too: an artifact edited later is checked again
    this.signature = await this.signatureOf(
      files,
      thresholdsStat,
      artifactFiles,
    );
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

  /** What the folder looks like: thresholds file, record files and the artifacts records name. */
  private async signatureOf(
    files: Array<{ name: string; size: number; mtimeMs: number }>,
    thresholdsStat: { size: number; mtimeMs: number } | undefined,
    artifactFiles: string[],
  ): Promise<string> {
    const artifacts = await Promise.all(
      artifactFiles.map(async f => {
        const s = await stat(f).catch(() => undefined);
        return `artifact:${f}:${s?.size}:${s?.mtimeMs}`;
      }),
    );
    return [
      `thresholds:${thresholdsStat?.size}:${thresholdsStat?.mtimeMs}`,
      ...files.map(f => `${f.name}:${f.size}:${f.mtimeMs}`),
      ...artifacts,
    ].join('\n');
  }

  private refuse(file: string, problems: string[]) {
    this.logger.warn(
      `Refusing model registry record ${file}: ${problems.join(
        '; ',
      )}. The configured model serves instead.`,
    );
  }

  /** The thresholds records are checked against; undefined (every record refused) when unreadable. */
  private async readThresholds(): Promise<GateThresholds | undefined> {
    if (!this.thresholdsFile) return undefined;
    try {
      return parseGateThresholds(await readFile(this.thresholdsFile, 'utf8'));
    } catch (error) {
      this.logger.warn(
        `Cannot read the gate thresholds ${this.thresholdsFile}: ${
          (error as Error).message
        }`,
      );
      return undefined;
    }
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
