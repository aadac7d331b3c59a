/**
 * A full-scan worker thread (started by parallelScan.ts). Two phases, each
 * over column chunks claimed from a shared cursor, so the threads stay busy
 * until the end:
 *   1. on start: the blocking candidates of its columns, into the shared
 *      candidate lists (only the flat blocking index is needed, so this runs
 *      while the main thread still flattens the column features);
 *   2. on `score` (once every thread finished phase 1, with the features):
 *      the pairs of its columns, deduplicated exactly as
 *      `InteropIndex.scanPairs` does, scored with the same `scoreCandidate`,
 *      oriented as `scanPairs` orients them and sorted as it sorts them
 *      (the main thread then only merges the sorted parts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { scoreCandidate } from './builtinScorer';
import {
  candidateScratch,
  flatCandidates,
  type FlatBlocking,
} from './blockingCandidates';
import { FlatEntryView, type FlatEntries } from './scanPayload';
import { primeRelated, type RelatedTable } from './text';

/** What the main thread passes as `workerData`. */
export interface ScanWorkerData {
  blocking: FlatBlocking;
  /** Candidates of column i: lists[i × maxCandidates ..], `counts[i]` of them. */
  lists: Int32Array;
  counts: Int32Array;
  /** Next unclaimed column of phase 1 (slot 0) and phase 2 (slot 1). */
  cursor: Int32Array;
  chunk: number;
}

export interface ScanWorkerRequest {
  type: 'score';
  entries: FlatEntries;
  /** Related words of every concept word, so the worker needs no WordNet of its own. */
  related: RelatedTable;
}

/**
 * Scored pairs, best first (logit descending, then `from`, then `to`):
 * `from` refers to `to` (as `RankedPair.a` / `.b`), kind as an index into
 * `kinds`, confidence and logit as the scorer returned them.
 */
export interface ScanWorkerScored {
  type: 'scored';
  from: Int32Array<ArrayBuffer>;
  to: Int32Array<ArrayBuffer>;
  kind: Uint8Array<ArrayBuffer>;
  kinds: string[];
  confidence: Float64Array<ArrayBuffer>;
  logit: Float64Array<ArrayBuffer>;
  compared: number;
}

export type ScanWorkerReply = { type: 'candidates-done' } | ScanWorkerScored;

function claim(cursor: Int32Array, slot: number, chunk: number, n: number) {
  const start = Atomics.add(cursor, slot, chunk);
  return start < n ? { start, end: Math.min(n, start + chunk) } : undefined;
}

function candidatesPhase(data: ScanWorkerData): void {
  const { blocking, counts, lists, cursor, chunk } = data;
  const n = counts.length;
  const max = blocking.maxCandidates;
  const scratch = candidateScratch(n, max);
  for (
    let range = claim(cursor, 0, chunk, n);
    range;
    range = claim(cursor, 0, chunk, n)
  ) {
    for (let i = range.start; i < range.end; i++)
      counts[i] = flatCandidates(blocking, i, scratch, lists, i * max);
  }
}

/** Growable columns of scored pairs. */
class PairBuffer {
  size = 0;
  from = new Int32Array(1024);
  to = new Int32Array(1024);
  kind = new Uint8Array(1024);
  confidence = new Float64Array(1024);
  logit = new Float64Array(1024);

  push(
    from: number,
    to: number,
    kind: number,
    confidence: number,
    logit: number,
  ) {
    if (this.size === this.from.length) this.grow();
    const k = this.size++;
    this.from[k] = from;
    this.to[k] = to;
    this.kind[k] = kind;
    this.confidence[k] = confidence;
    this.logit[k] = logit;
  }

  private grow() {
    const next = this.from.length * 2;
    const grown = <T extends Int32Array | Uint8Array | Float64Array>(
      a: T,
      make: (length: number) => T,
    ) => {
      const b = make(next);
      b.set(a);
      return b;
    };
    this.from = grown(this.from, l => new Int32Array(l));
    this.to = grown(this.to, l => new Int32Array(l));
    this.kind = grown(this.kind, l => new Uint8Array(l));
    this.confidence = grown(this.confidence, l => new Float64Array(l));
    this.logit = grown(this.logit, l => new Float64Array(l));
  }

  /** The pairs best first: logit descending, then `from`, then `to` ascending. */
  sorted(kinds: string[], compared: number): ScanWorkerScored {
    const { size, from, to, logit } = this;
    const order = new Int32Array(size);
    for (let k = 0; k < size; k++) order[k] = k;
    order.sort(
      (x, y) => logit[y] - logit[x] || from[x] - from[y] || to[x] - to[y],
    );
    const pick = <T extends Int32Array | Uint8Array | Float64Array>(
      a: T,
      make: (length: number) => T,
    ) => {
      const b = make(size);
      for (let k = 0; k < size; k++) b[k] = a[order[k]];
      return b;
    };
    return {
      type: 'scored',
      from: pick(from, l => new Int32Array(l)),
      to: pick(to, l => new Int32Array(l)),
      kind: pick(this.kind, l => new Uint8Array(l)),
      kinds,
      confidence: pick(this.confidence, l => new Float64Array(l)),
      logit: pick(logit, l => new Float64Array(l)),
      compared,
    };
  }
}

function scorePhase(
  data: ScanWorkerData,
  view: FlatEntryView,
): ScanWorkerScored {
  const { lists, counts, cursor, chunk } = data;
  const max = data.blocking.maxCandidates;
  const n = counts.length;
  const out = new PairBuffer();
  const kinds: string[] = [];
  let compared = 0;
  /** Whether column j lists column i among its candidates. */
  const listed = (j: number, i: number) => {
    for (let d = j * max, end = d + counts[j]; d < end; d++)
      if (lists[d] === i) return true;
    return false;
  };
  for (
    let range = claim(cursor, 1, chunk, n);
    range;
    range = claim(cursor, 1, chunk, n)
  ) {
    for (let i = range.start; i < range.end; i++) {
      for (let c = i * max, end = c + counts[i]; c < end; c++) {
        const j = lists[c];
        // the pair (i, j) is scored once: from the lower index, or from i when j did not list i
        if (j < i && listed(j, i)) continue;
        compared++;
        const a = view.get(Math.min(i, j));
        const b = view.get(Math.max(i, j));
        const s = scoreCandidate(a, b);
        if (!s) continue;
        let kind = kinds.indexOf(s.kind);
        if (kind < 0) kind = kinds.push(s.kind) - 1;
        // oriented as InteropIndex.score orients: the key it refers to second
        const swap = a.keyKind === 'unique' && b.keyKind !== 'unique';
        out.push(
          swap ? b.idx : a.idx,
          swap ? a.idx : b.idx,
          kind,
          s.confidence,
          s.logit,
        );
      }
    }
  }
  return out.sorted(kinds, compared);
}

const data = workerData as ScanWorkerData | undefined;
if (parentPort && data?.blocking) {
  const port = parentPort;
  candidatesPhase(data);
  port.postMessage({ type: 'candidates-done' } satisfies ScanWorkerReply);
  port.on('message', (request: ScanWorkerRequest) => {
    primeRelated(request.related);
    const scored = scorePhase(data, new FlatEntryView(request.entries));
    port.postMessage(scored, [
      scored.from.buffer,
      scored.to.buffer,
      scored.kind.buffer,
      scored.confidence.buffer,
      scored.logit.buffer,
    ]);
  });
}
