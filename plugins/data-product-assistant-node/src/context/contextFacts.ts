import { parse } from 'yaml';
import type { ContractIssue } from '@dpa/plugin-data-product-assistant-common';
import { parseContract } from '../contract/parseContract';
import type { Fact } from '../models/types';
import { profileFromContract } from '../profile/buildProfile';
import { buildFacts, splitParagraphs } from './buildFacts';

export type ContextFactsResult =
  | { ok: true; kind: 'contract' | 'text'; facts: Fact[]; domain?: string }
  | { ok: false; issues: ContractIssue[] };

function looksLikeContract(text: string): boolean {
  try {
    const doc = parse(text);
    return (
      !!doc &&
      typeof doc === 'object' &&
      (doc as { kind?: unknown }).kind === 'DataContract'
    );
  } catch {
    return false;
  }
}

/**
 * Facts from a context given outside the catalog: an ODCS contract (checked
 * against the schema like any other) or plain text, one fact per paragraph.
 */
export function contextFacts(
  text: string,
  source = 'context',
): ContextFactsResult {
  if (looksLikeContract(text)) {
    const parsed = parseContract(text);
    if (!parsed.ok) return parsed;
    const profile = profileFromContract(parsed.contract, source);
    return {
      ok: true,
      kind: 'contract',
      facts: buildFacts(profile),
      domain: profile.domain,
    };
  }
  const facts: Fact[] = splitParagraphs(text).map((paragraph, i) => ({
    id: `doc:${i}`,
    kind: 'doc',
    text: paragraph,
  }));
  return { ok: true, kind: 'text', facts };
}
