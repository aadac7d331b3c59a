/**
 * The context a question actually needs: the smallest context the engine's
 * own retrieval and packing produce (at some token budget) that still holds
 * every fact the answer cites. Behind `ask.tokens_ratio`.
 *
 * Packing is greedy (essential facts, then ranked facts while they fit), so
 * a larger budget can drop a fact a smaller one kept; budgets are therefore
 * tried upwards from the least the cited and essential facts take, jumping
 * each time to the next budget at which a fact left out would fit.
 */
import type { Fact } from '../../plugins/data-product-assistant-node/src/models/types';
import { packFacts } from '../../plugins/data-product-assistant-node/src/context/pack';
import { retrieveFacts } from '../../plugins/data-product-assistant-node/src/context/retrieve';
import {
  essentialFacts,
  readQuestion,
  selectContext,
} from '../../plugins/data-product-assistant-node/src/context/selectContext';
import { factTokens } from '../../plugins/data-product-assistant-node/src/context/tokens';

export interface ContextNeeded {
  /** Tokens of the smallest packed context holding every cited fact. */
  tokens: number;
  /** Its facts, in packing order. */
  facts: Fact[];
  /** Packings tried. */
  tries: number;
}

/** Retrieval and packing exactly as `selectContext` composes them, at any budget. */
export function packer(question: string, facts: Fact[]) {
  const { intents, mentions } = readQuestion(question, facts);
  const ranked = retrieveFacts(question, facts, { intents, mentions });
  const essential = essentialFacts(facts, intents, mentions);
  return {
    ranked,
    essential,
    pack: (tokenBudget: number) =>
      packFacts(ranked, { tokenBudget, essential }),
  };
}

/**
 * The smallest packed context for `question` that holds every fact in
 * `cited`. Throws when a cited fact is not among `facts` or no budget up to
 * `maxBudget` packs them all (the answer cannot have seen it).
 */
export function contextNeeded(
  question: string,
  facts: Fact[],
  cited: readonly string[],
  options: { maxBudget: number },
): ContextNeeded {
  const byId = new Map(facts.map(f => [f.id, f]));
  for (const id of cited)
    if (!byId.has(id)) throw new Error(`cited fact ${id} is not a fact`);
  const { ranked, essential, pack } = packer(question, facts);
  // the composition above must stay what the engine sends
  const sent = selectContext(question, facts, {
    tokenBudget: options.maxBudget,
  });
  const atMax = pack(options.maxBudget);
  if (sent.facts.map(f => f.id).join() !== atMax.facts.map(f => f.id).join())
    throw new Error(
      'selectContext no longer packs retrieveFacts + essentialFacts: update contextNeeded',
    );

  const order = [...essential, ...ranked.map(r => r.fact)];
  const need = new Set(cited);
  const floor = new Set([...essential.map(f => f.id), ...cited]);
  let budget = [...floor].reduce((s, id) => s + factTokens(byId.get(id)!), 0);
  for (let tries = 1; budget <= options.maxBudget; tries++) {
    const packed = pack(budget);
    const kept = new Set(packed.facts.map(f => f.id));
    if ([...need].every(id => kept.has(id)))
      return { tokens: packed.tokens, facts: packed.facts, tries };
    // the next budget at which a fact left out would fit after those before it
    let running = 0;
    let next = Infinity;
    const seen = new Set<string>();
    for (const f of order) {
      if (seen.has(f.id)) continue;
      seen.add(f.id);
      if (kept.has(f.id)) running += factTokens(f);
      else next = Math.min(next, running + factTokens(f));
    }
    budget = Math.max(budget + 1, next);
  }
  throw new Error(
    `no budget up to ${options.maxBudget} tokens packs every cited fact of "${question}"`,
  );
}
