import { DataProductProfile } from '@dpa/plugin-data-product-assistant-common';

/** How many suggestions to offer at most. */
export const MAX_SUGGESTIONS = 8;

/**
 * Questions the product's own metadata can answer, drawn from its profile:
 * only those whose facts exist (no freshness question without SLAs, no PII
 * question without personal data), so a suggestion never leads to an
 * abstention. Without a profile there are no suggestions.
 */
export function suggestQuestions(profile?: DataProductProfile): string[] {
  if (!profile) {
    return [];
  }
  const contracts = profile.contracts;
  const tables = contracts.flatMap(c => c.tables);
  const columns = tables.flatMap(t => t.columns);
  const questions: string[] = [];

  // A described column, preferring one that is not a key: keys explain
  // themselves less often than measures do.
  const described = columns.filter(c => c.description?.trim());
  const column = described.find(c => !c.primaryKey) ?? described[0];
  if (column) {
    questions.push(`What does ${column.name} mean?`);
  }
  if (columns.some(c => c.pii || c.piiTypes.length > 0)) {
    questions.push('Which columns contain personal data?');
  }
  if (contracts.some(c => c.slas.length > 0)) {
    questions.push('How fresh is the data?');
  }
  const grained =
    tables.find(t => t.granularity?.trim()) ??
    tables.find(t => t.primaryKey.length > 0);
  if (grained) {
    questions.push(`What is the grain of ${grained.name}?`);
  }
  if (profile.owner || contracts.some(c => c.team)) {
    questions.push('Who owns this data product?');
  }
  if (contracts.some(c => c.roles.length > 0 || c.support.length > 0)) {
    questions.push('How do I get access?');
  }
  if (profile.dependsOn.length > 0) {
    questions.push('Which products does it depend on?');
  }
  if (tables.length > 0) {
    questions.push('How many tables are there?');
  }
  return [...new Set(questions)].slice(0, MAX_SUGGESTIONS);
}
