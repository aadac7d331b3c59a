import type { Classification } from '@dpa/plugin-data-product-assistant-common';
import { classificationLevels } from '@dpa/plugin-data-product-assistant-common';
import type { Fact } from '../models/types';

// "Examples: a, b" (the fact builder's `EXAMPLES_MARKER`), "e.g. 'a', 'b'", "example values: [a, b]",
// "sample values: a; b", "values such as a, b". The keyword must stand on its own — not inside a URL
// or host name ("https://glossary.example.com/…", "sample.org") — and be followed by a separator
// (":" / "=") or a connecting word, never by "." or "/".
const EXAMPLE_SEGMENT =
  /(?<![\p{L}\p{N}_.\/@:#-])(?:(?:example values?|sample values?|examples?|samples?)(?:\s*[:=]|\s+(?:include|are|is)\b)|(?:values? such as|values? like|for example|e\.g\.)(?:[,:]|(?=\s)))\s*([\s\S]*?)(?=(?:\.\s+[A-Z(])|\.\s*$|\n|\)\s*[.;]?\s*$|$)/giu;
const QUOTED =
  /"([^"\n]{1,200})"|'([^'\n]{1,200})'|`([^`\n]{1,200})`|“([^”\n]{1,200})”|‘([^’\n]{1,200})’/g;

/**
 * The example values a fact's text lists, by the convention the fact builder uses
 * (`Examples: a, b` or quoted lists). Values shorter than 3 characters are ignored:
 * masking them would mask unrelated text.
 */
export function extractFactValues(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(EXAMPLE_SEGMENT)) {
    const seg = m[1].trim().replace(/^\[|\]$/g, '');
    const quoted = [...seg.matchAll(QUOTED)].map(
      q => q.slice(1).find(Boolean) as string,
    );
    const parts = quoted.length
      ? quoted
      : seg.split(/\s*[,;|]\s*|\s+(?:or|and)\s+/);
    for (let p of parts) {
      p = p
        .trim()
        .replace(/^[[("'`]+|[\])"'`.]+$/g, '')
        .trim();
      if (p.length >= 3 && !/^(?:etc|and so on|null|none|n\/a)$/i.test(p))
        out.add(p);
    }
  }
  return [...out];
}

export function classificationRank(c: Classification | undefined): number {
  return classificationLevels.indexOf(c ?? 'internal');
}

/** Sensitivity of the values a fact carries: its classification, at least confidential when PII. */
export function effectiveClassification(
  fact: Pick<Fact, 'classification' | 'pii'>,
): Classification {
  const base = fact.classification ?? 'internal';
  if (fact.pii && classificationRank(base) < classificationRank('confidential'))
    return 'confidential';
  return base;
}

/** Kinds of fact that describe the product itself rather than carry column data. */
const METADATA_KINDS = new Set<Fact['kind']>([
  'product',
  'owner',
  'domain',
  'tag',
  'lineage',
  'contract',
  'table',
  'quality',
  'sla',
  'role',
  'support',
  'team',
  'doc',
  'note',
]);

/**
 * Whether the text of a fact may be shown to anyone who can read the product:
 * support channels always (published by design), facts classified public, and
 * unclassified, non-PII metadata facts (descriptions, SLAs, owners, docs).
 */
export function isPublicFact(fact: Fact): boolean {
  if (fact.kind === 'support') return true;
  if (fact.pii) return false;
  if (fact.classification === 'public') return true;
  return fact.classification === undefined && METADATA_KINDS.has(fact.kind);
}
