/**
 * A full-scan worker thread (started by parallelScan.ts). Two phases, each
 * over chunks claimed from a shared cursor, so the threads stay busy until
 * the end:
 *   1. on start: the ranked candidates of its columns, into the shared
 *      candidate lists (only the flat blocking index is needed, so this runs
 *      while the main thread still flattens the column features);
 *   2. on `score` (once every thread finished phase 1, with the features):
 *      the pairs of its columns' ranked candidates, then the pairs of its
 *      group keys (blockingCandidates.ts), deduplicated exactly as
 *      `InteropIndex.scanPairs` does, scored with the same `scoreCandidate`
 *      and oriented as `scanPairs` orients them (the main thread ranks them).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { scoreCandidate } from './builtinScorer';
import {
  candidateScratch,
  flatCandidates,
  forEachGroupPair,
  listed,
  type FlatBlocking,
} from './blockingCandidates';
import { FlatEntryView, type FlatEntries } from './scanPayload';
import { primeRelated, type RelatedTable } from './text';

/** What the main thread passes as `workerData`. */
export interface ScanWorkerData {
  blocking: FlatBlocking;
  /** Ranked candidates of column i: lists[blocking.listStart[i] ..], `counts[i]` of them. */
  lists: Int32Array;
  counts: Int32Array;
  /** Next unclaimed column of phase 1 (slot 0) and phase 2 (slot 1), next unclaimed group key of phase 2 (slot 2). */
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
 * Scored pairs, unordered: `from` refers to `to` (as `RankedPair.a` / `.b`),
 * kind as an index into `kinds`, logit as the scorer returned it.
 */
export interface ScanWorkerScored {
  type: 'scored';
  from: Int32Array<ArrayBuffer>;
  to: Int32Array<ArrayBuffer>;
  kind: Uint8Array<ArrayBuffer>;
  kinds: string[];
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
  const scratch = candidateScratch(n, blocking.maxCandidates);
  for (
    let range = claim(cursor, 0, chunk, n);
    range;
    range = claim(cursor, 0, chunk, n)
  ) {
    for (let i = range.start; i < range.end; i++) {
      const start = blocking.listStart[i];
      counts[i] = flatCandidates(blocking, i, scratch, lists, start);
      // ascending, for `listed`
      lists.subarray(start, start + counts[i]).sort();
    }
  }
}

/** Growable columns of scored pairs. */
class PairBuffer {
  size = 0;
  from = new Int32Array(1024);
  to = new Int32Array(1024);
  kind = new Uint8Array(1024);
  logit = new Float64Array(1024);

  push(from: number, to: number, kind: number, logit: number) {
    if (this.size === this.from.length) this.grow();
    const k = this.size++;
    this.from[k] = from;
    this.to[k] = to;
    this.kind[k] = kind;
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
    this.logit = grown(this.logit, l => new Float64Array(l));
  }

  /** The pairs, trimmed to size (their buffers are transferred). */
  done(kinds: string[], compared: number): ScanWorkerScored {
    return {
      type: 'scored',
      from: this.from.slice(0, this.size),
      to: this.to.slice(0, this.size),
      kind: this.kind.slice(0, this.size),
      kinds,
      logit: this.logit.slice(0, this.size),
      compared,
    };
  }
}

function scorePhase(
  data: ScanWorkerData,
  view: FlatEntryView,
): ScanWorkerScored {
  const { blocking, lists, counts, cursor, chunk } = data;
  const n = counts.length;
  const out = new PairBuffer();
  const kinds: string[] = [];
  let compared = 0;
  const score = (i: number, j: number) => {
    compared++;
    const a = view.get(i);
    const b = view.get(j);
    const s = scoreCandidate(a, b);
    if (!s) return;
    let kind = kinds.indexOf(s.kind);
    if (kind < 0) kind = kinds.push(s.kind) - 1;
    // oriented as InteropIndex.score orients: the key it refers to second
    const swap = a.keyKind === 'unique' && b.keyKind !== 'unique';
    out.push(swap ? b.idx : a.idx, swap ? a.idx : b.idx, kind, s.logit);
  };
  for (
    let range = claim(cursor, 1, chunk, n);
    range;
    range = claim(cursor, 1, chunk, n)
  ) {
    for (let i = range.start; i < range.end; i++) {
      for (let c = blocking.listStart[i], end = c + counts[i]; c < end; c++) {
        const j = lists[c];
        // the pair (i, j) is scored once: from the lower index, or from i when j did not list i
        if (j < i && listed(blocking, lists, counts, j, i)) continue;
        score(Math.min(i, j), Math.max(i, j));
      }
    }
  }
  const groups = blocking.groups;
  const groupChunk = Math.max(1, chunk >> 6);
  for (
    let range = claim(cursor, 2, groupChunk, groups.length);
    range;
    range = claim(cursor, 2, groupChunk, groups.length)
  ) {
    for (let g = range.start; g < range.end; g++)
      forEachGroupPair(blocking, groups[g], lists, counts, score);
  }
  return out.done(kinds, compared);
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
      scored.logit.buffer,
    ]);
  });
}
