import type { Classification } from '@dpa/plugin-data-product-assistant-common';
import { detectPii } from '../pii/detectPii';
import type { PiiType } from '../pii/types';
import type { Fact, FactKind } from '../models/types';
import {
  classificationRank,
  effectiveClassification,
  extractFactValues,
} from './factValues';

/** One masked value. */
export interface VaultEntry {
  /** e.g. `⟦EMAIL_1⟧`. */
  placeholder: string;
  value: string;
  /** PII type (`email`, `person`, ...) or `value` for a plain column value, `literal` for escaped brackets. */
  type: string;
  classification?: Classification;
  table?: string;
  column?: string;
  /** Why it was masked: a sensitive column's value, a detector hit, or bracket escaping. */
  source: 'column-value' | 'detected' | 'literal';
}

/** Reversible mapping between placeholders and values; plain data, safe to serialise. */
export interface PlaceholderVault {
  entries: VaultEntry[];
}

export interface SensitiveValue {
  value: string;
  type?: string;
  classification?: Classification;
  table?: string;
  column?: string;
}

export interface MaskOptions {
  /** Add to this vault (default: a new one). */
  vault?: PlaceholderVault;
  /** Mask example values of facts at or above these classifications (default confidential, restricted). */
  maskClassifications?: readonly Classification[];
  /** Mask example values of facts flagged `pii` (default true). */
  maskPiiColumns?: boolean;
  /** Run the PII detectors over fact text: false, true (all types, default) or a list of types. */
  detect?: boolean | readonly PiiType[];
  /** Fact kinds whose text is published by design and not scanned by detectors (default `support`). */
  publicKinds?: readonly FactKind[];
  /** Further values to mask, e.g. a contract's examples for PII columns. */
  values?: readonly SensitiveValue[];
}

export function createVault(): PlaceholderVault {
  return { entries: [] };
}

const PLACEHOLDER = /⟦ ?([A-Z][A-Z_]*?_\d+) ?⟧/g;
const LITERAL = /⟦[^⟦⟧]{0,80}⟧/g;
const MIN_VALUE_LENGTH = 3;

function label(type: string): string {
  return type.toUpperCase().replace(/[^A-Z]+/g, '_');
}

const COLUMN_TYPE_HINTS: Array<[RegExp, string]> = [
  [/e_?mail/, 'email'],
  [/phone|mobile|fax|msisdn/, 'phone'],
  [/iban/, 'iban'],
  [/card|pan\b/, 'payment-card'],
  [/ssn|nino|national|passport|tax_?id/, 'national-id'],
  [/\bip\b|ip_?addr/, 'ip-address'],
  [/birth|dob/, 'date-of-birth'],
  [/address|street|postcode|zip/, 'street-address'],
  [/name/, 'person'],
];

/** The type a sensitive value gets: what the detectors call it, else a hint from its column. */
function typeOf(value: string, column?: string): string {
  const spans = detectPii(value);
  const best = spans.find(s => s.end - s.start >= value.length * 0.8);
  if (best) return best.type;
  const col = (column ?? '').toLowerCase();
  for (const [re, t] of COLUMN_TYPE_HINTS) if (re.test(col)) return t;
  return 'value';
}

function addEntry(
  vault: PlaceholderVault,
  e: Omit<VaultEntry, 'placeholder'>,
): VaultEntry {
  const existing = vault.entries.find(x => x.value === e.value);
  if (existing) {
    // A value known from a more sensitive source keeps the stricter classification.
    if (
      classificationRank(e.classification) >
        classificationRank(existing.classification) &&
      e.classification
    ) {
      existing.classification = e.classification;
    }
    return existing;
  }
  const l = label(e.type);
  const n = vault.entries.filter(x => label(x.type) === l).length + 1;
  const entry: VaultEntry = { placeholder: `⟦${l}_${n}⟧`, ...e };
  vault.entries.push(entry);
  return entry;
}

interface Hit {
  start: number;
  end: number;
  entry: () => VaultEntry;
  priority: number;
}

interface MaskStringOptions {
  detect: boolean | readonly PiiType[];
  classification?: Classification;
}

function maskString(
  text: string,
  vault: PlaceholderVault,
  opts: MaskStringOptions,
): string {
  const hits: Hit[] = [];
  // Bracketed text that already looks like a placeholder is escaped, so unmasking is exact.
  for (const m of text.matchAll(LITERAL)) {
    const value = m[0];
    hits.push({
      start: m.index!,
      end: m.index! + value.length,
      priority: 3,
      entry: () =>
        addEntry(vault, { value, type: 'literal', source: 'literal' }),
    });
  }
  if (opts.detect) {
    // Detected values join the vault first, so every occurrence of them is masked below.
    const types = opts.detect === true ? undefined : opts.detect;
    const literals = hits.slice();
    for (const s of detectPii(text, { types })) {
      if (literals.some(l => s.start < l.end && l.start < s.end)) continue;
      addEntry(vault, {
        value: s.text,
        type: s.type,
        classification: opts.classification ?? 'confidential',
        source: 'detected',
      });
    }
  }
  for (const e of vault.entries) {
    if (e.source === 'literal' || e.value.length < MIN_VALUE_LENGTH) continue;
    let from = 0;
    for (;;) {
      const i = text.indexOf(e.value, from);
      if (i < 0) break;
      hits.push({
        start: i,
        end: i + e.value.length,
        priority: 2,
        entry: () => e,
      });
      from = i + 1;
    }
  }
  if (!hits.length) return text;
  hits.sort(
    (a, b) =>
      b.priority - a.priority ||
      b.end - b.start - (a.end - a.start) ||
      a.start - b.start,
  );
  const kept: Hit[] = [];
  for (const h of hits)
    if (!kept.some(k => h.start < k.end && k.start < h.end)) kept.push(h);
  kept.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const h of kept) {
    out += text.slice(at, h.start) + h.entry().placeholder;
    at = h.end;
  }
  return out + text.slice(at);
}

function masksFact(f: Fact, opts: MaskOptions): boolean {
  const levels = opts.maskClassifications ?? ['confidential', 'restricted'];
  if (f.pii && opts.maskPiiColumns !== false) return true;
  return f.classification !== undefined && levels.includes(f.classification);
}

/**
 * Replaces sensitive values in facts by reversible placeholders before they go to
 * a model that is not local: (a) example values of PII / confidential / restricted
 * columns, wherever they appear in any fact, and (b) PII found by the detectors.
 */
export function maskFacts(
  facts: readonly Fact[],
  options: MaskOptions = {},
): { facts: Fact[]; vault: PlaceholderVault } {
  const vault = options.vault ?? createVault();
  for (const v of options.values ?? []) {
    if (v.value.length < MIN_VALUE_LENGTH) continue;
    addEntry(vault, {
      value: v.value,
      type: v.type ?? typeOf(v.value, v.column),
      classification: v.classification,
      table: v.table,
      column: v.column,
      source: 'column-value',
    });
  }
  for (const f of facts) {
    if (!masksFact(f, options)) continue;
    for (const value of extractFactValues(f.text)) {
      addEntry(vault, {
        value,
        type: typeOf(value, f.column),
        classification: effectiveClassification(f),
        table: f.table,
        column: f.column,
        source: 'column-value',
      });
    }
  }
  // Longer values first, so "Jane Doe" is masked before "Jane".
  vault.entries.sort((a, b) => b.value.length - a.value.length);
  const publicKinds = options.publicKinds ?? ['support'];
  const detect = options.detect ?? true;
  const masked = facts.map(f => ({
    ...f,
    text: maskString(f.text, vault, {
      detect: publicKinds.includes(f.kind) ? false : detect,
      classification:
        f.classification && classificationRank(f.classification) > 1
          ? f.classification
          : undefined,
    }),
  }));
  return { facts: masked, vault };
}

/** Applies a vault to further text (the question); newly detected PII is added to the vault. */
export function maskText(
  text: string,
  vault: PlaceholderVault,
  options: { detect?: boolean | readonly PiiType[] } = {},
): string {
  return maskString(text, vault, { detect: options.detect ?? true });
}

export interface UnmaskOptions {
  /** Whether this entry may be restored for the reader (default: none). */
  reveal?: (entry: VaultEntry) => boolean;
}

/** `[redacted email]`, `[redacted payment card]`, `[redacted value]`. */
export function neutralRedaction(type: string): string {
  return `[redacted ${type.toLowerCase().replace(/[_-]+/g, ' ')}]`;
}

/**
 * Restores placeholders the reader may see; the others become a neutral
 * `[redacted <type>]`. Placeholders not in the vault (invented by a model) are redacted too.
 */
export function unmask(
  text: string,
  vault: PlaceholderVault,
  options: UnmaskOptions = {},
): string {
  const byLabel = new Map(
    vault.entries.map(e => [e.placeholder.slice(1, -1), e]),
  );
  const byLiteral = new Map(
    vault.entries
      .filter(e => e.source === 'literal')
      .map(e => [e.placeholder, e.value]),
  );
  return text.replace(PLACEHOLDER, (whole: string, lbl: string) => {
    const e = byLabel.get(lbl);
    if (!e) return neutralRedaction(lbl.replace(/_\d+$/, ''));
    if (e.source === 'literal') return byLiteral.get(e.placeholder) ?? whole;
    return options.reveal?.(e) ? e.value : neutralRedaction(e.type);
  });
}

/** Reveal policy by clearance: entries at or below the reader's clearance are restored. */
export function revealUpTo(
  clearance: Classification,
): (entry: VaultEntry) => boolean {
  return e =>
    classificationRank(e.classification) <= classificationRank(clearance);
}
