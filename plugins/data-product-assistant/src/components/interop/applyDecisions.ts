import {
  InteropDecision,
  RelatedProduct,
} from '@dpa/plugin-data-product-assistant-common';

/**
 * The related products to show: each mapping with the decision made on this
 * page (which wins over the served one), without rejected mappings or ones
 * the validator blocked, and without products left with no mapping.
 */
export function applyDecisions(
  related: RelatedProduct[],
  decided: Record<string, InteropDecision>,
): RelatedProduct[] {
  const shown: RelatedProduct[] = [];
  for (const product of related) {
    const mappings = product.mappings
      .map(mapping => {
        const decision = decided[mapping.id] ?? mapping.decision;
        return decision === mapping.decision
          ? mapping
          : { ...mapping, decision };
      })
      .filter(
        mapping =>
          mapping.decision?.status !== 'rejected' &&
          mapping.validation.status !== 'blocked',
      );
    if (mappings.length > 0) {
      shown.push(
        mappings.length === product.mappings.length &&
          mappings.every((m, i) => m === product.mappings[i])
          ? product
          : { ...product, mappings },
      );
    }
  }
  return shown;
}
