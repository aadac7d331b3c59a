/**
 * The full scan split across worker threads (`InteropIndex.scanPairsParallel`).
 *
 * The workers (scanWorker.ts) receive the blocking index as flat arrays
 * (blockingCandidates.ts) and generate every column's candidates into shared
 * memory, while the main thread flattens the column features the scorer
 * reads (scanPayload.ts); then they score the pairs and orient them, each
 * claiming chunks from a shared cursor, and the main thread joins their
 * parts. Apart from flattening and joining, the main thread only waits, so a
 * backend's event loop stays free during the scan. The result is the
 * single-threaded scan's, pair for pair and score for score: same
 * candidates, same deduplication, same scorer (InteropIndex ranks both).
 *
 * Workers start through `startEngineWorker` (TypeScript from source read
 * through sucrase). When a worker cannot start (a bundled build without
 * scanWorker.js), `scanInWorkers` throws and `scanPairsParallel` scans on
 * the calling thread instead.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { siblingFile, startEngineWorker } from '../workerThreads';
import type { ColumnIndex } from './ColumnIndex';
import type { ColumnEntry } from './columnFeatures';
import { flattenEntries } from './scanPayload';
import { relatedTable } from './text';
import type {
  ScanWorkerData,
  ScanWorkerReply,
  ScanWorkerRequest,
  ScanWorkerScored,
} from './scanWorker';

export interface ParallelScanOptions {
  /**
   * Worker threads. Default: `min(2, os.availableParallelism())`, so the scan
   * leaves room for the rest of the process; 1 or less scans on the calling
   * thread.
   */
  workers?: number;
  /** Columns a worker claims at a time (default 1024). */
  chunk?: number;
  /** The worker's source file (default: scanWorker next to this file); for tests. */
  workerFile?: string;
}

/** Scored pairs as columns: `from` refers to `to`; kind as an index into `kinds`. */
export interface ScoredColumns {
  from: Int32Array;
  to: Int32Array;
  kind: Uint8Array;
  kinds: string[];
  logit: Float64Array;
}

export interface WorkerScan {
  /** Every worker's pairs, unordered. */
  pairs: ScoredColumns;
  /** Pairs the scorer saw, over all workers. */
  compared: number;
  workers: number;
}

/** Joins the workers' parts into one list (kinds renumbered). */
export function joinParts(parts: ScanWorkerScored[]): ScoredColumns {
  const size = parts.reduce((sum, p) => sum + p.from.length, 0);
  const joined: ScoredColumns = {
    from: new Int32Array(size),
    to: new Int32Array(size),
    kind: new Uint8Array(size),
    kinds: [],
    logit: new Float64Array(size),
  };
  let out = 0;
  for (const part of parts) {
    const ids = part.kinds.map(k => {
      const id = joined.kinds.indexOf(k);
      return id >= 0 ? id : joined.kinds.push(k) - 1;
    });
    joined.from.set(part.from, out);
    joined.to.set(part.to, out);
    joined.logit.set(part.logit, out);
    for (let k = 0; k < part.kind.length; k++)
      joined.kind[out + k] = ids[part.kind[k]];
    out += part.from.length;
  }
  return joined;
}

export function defaultScanWorkers(): number {
  return Math.max(1, Math.min(2, availableParallelism()));
}

/** The worker's source: scanWorker.ts from source, scanWorker.js when compiled. */
function workerFile(): string {
  if (typeof __filename !== 'string')
    throw new Error('parallel scan needs CommonJS (__filename)');
  return siblingFile(__filename, 'scanWorker');
}

function nextReply(worker: Worker): Promise<ScanWorkerReply> {
  return new Promise(resolve => worker.once('message', resolve));
}

/**
 * Scans the index in `workers` threads. Throws when a worker fails to start
 * or dies; the workers are always terminated.
 */
export async function scanInWorkers(
  entries: ColumnEntry[],
  index: ColumnIndex,
  options: { workers: number; chunk?: number; workerFile?: string },
): Promise<WorkerScan> {
  const file = options.workerFile ?? workerFile();
  const n = entries.length;
  const blocking = index.flatten();
  const shared = (length: number) =>
    new Int32Array(new SharedArrayBuffer(4 * Math.max(1, length)));
  const data: ScanWorkerData = {
    blocking,
    lists: shared(blocking.listStart[n]),
    counts: shared(n),
    cursor: shared(3),
    chunk: Math.max(1, options.chunk ?? 1024),
  };
  const count = Math.max(
    1,
    Math.min(options.workers, Math.ceil(n / data.chunk)),
  );
  const state = { finished: false };
  const threads: Worker[] = [];
  try {
    // each worker generates candidates as soon as it starts
    for (let w = 0; w < count; w++)
      threads.push(startEngineWorker(file, { workerData: data }));
    const failed = new Promise<never>((_, reject) => {
      for (const worker of threads) {
        worker.on('error', reject);
        worker.on('exit', code => {
          if (!state.finished)
            reject(new Error(`scan worker exited with code ${code}`));
        });
      }
    });
    failed.catch(() => undefined);
    const candidatesDone = threads.map(nextReply);
    // meanwhile: the features the scorer reads
    const request: ScanWorkerRequest = {
      type: 'score',
      entries: flattenEntries(entries),
      related: relatedTable(entries.flatMap(e => e.concept)),
    };
    await Promise.race([Promise.all(candidatesDone), failed]);
    const scored = threads.map(nextReply);
    for (const worker of threads) worker.postMessage(request);
    const parts = (await Promise.race([
      Promise.all(scored),
      failed,
    ])) as ScanWorkerScored[];
    return {
      pairs: joinParts(parts),
      compared: parts.reduce((sum, p) => sum + p.compared, 0),
      workers: count,
    };
  } finally {
    state.finished = true;
    await Promise.all(threads.map(worker => worker.terminate()));
  }
}
