/** Kinds of personal or sensitive data the detectors recognise. */
export type PiiType =
  | 'email'
  | 'phone'
  | 'payment-card'
  | 'iban'
  | 'national-id'
  | 'ip-address'
  | 'person'
  | 'street-address'
  | 'date-of-birth'
  | 'secret';

export const piiTypes: readonly PiiType[] = [
  'email',
  'phone',
  'payment-card',
  'iban',
  'national-id',
  'ip-address',
  'person',
  'street-address',
  'date-of-birth',
  'secret',
];

/** One detected span; `start`/`end` are UTF-16 offsets into the scanned text (end exclusive). */
export interface PiiSpan {
  type: PiiType;
  start: number;
  end: number;
  /** Confidence in [0, 1]; overlaps are resolved by the highest score. */
  score: number;
  text: string;
  /** Finer label, e.g. `us-ssn`, `uk-nino`, `aws-access-key`. */
  subtype?: string;
}

export type PiiDetector = (text: string) => PiiSpan[];

/** Builds a span from a regex match (or a sub-range of it). */
export function span(
  type: PiiType,
  text: string,
  start: number,
  end: number,
  score: number,
  subtype?: string,
): PiiSpan {
  const s: PiiSpan = { type, start, end, score, text: text.slice(start, end) };
  if (subtype) s.subtype = subtype;
  return s;
}

// The global twin of each pattern, made once: building a RegExp per call costs more than
// most texts take to scan.
const globals = new WeakMap<RegExp, RegExp>();

/** Every match of a regex over text (non-overlapping, empty matches skipped). */
export function matchAll(re: RegExp, text: string): RegExpExecArray[] {
  let g = globals.get(re);
  if (!g) {
    g = new RegExp(
      re.source,
      re.flags.includes('g') ? re.flags : `${re.flags}g`,
    );
    globals.set(re, g);
  }
  const out: RegExpExecArray[] = [];
  g.lastIndex = 0;
  for (let m = g.exec(text); m !== null; m = g.exec(text)) {
    if (m[0].length === 0) {
      g.lastIndex++;
      continue;
    }
    out.push(m);
  }
  return out;
}

/** Text within `radius` characters before `start`, lower-cased, for cue words. */
export function before(text: string, start: number, radius = 40): string {
  return text.slice(Math.max(0, start - radius), start).toLowerCase();
}

/**
 * Overlapping spans are resolved greedily: highest score first, then the longer
 * span; a span is kept only if it overlaps none already kept. Result is sorted by start.
 */
export function resolveOverlaps(spans: PiiSpan[]): PiiSpan[] {
  const ranked = [...spans].sort(
    (a, b) =>
      b.score - a.score ||
      b.end - b.start - (a.end - a.start) ||
      a.start - b.start,
  );
  const kept: PiiSpan[] = [];
  for (const s of ranked) {
    if (kept.some(k => s.start < k.end && k.start < s.end)) continue;
    kept.push(s);
  }
  return kept.sort((a, b) => a.start - b.start);
}
