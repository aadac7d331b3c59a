import { Tiktoken } from 'js-tiktoken/lite';
import cl100kBase from 'js-tiktoken/ranks/cl100k_base';
import type { Fact } from '../models/types';

let encoder: Tiktoken | undefined;

/** The cl100k_base encoder, built once per process. */
function getEncoder(): Tiktoken {
  encoder ??= new Tiktoken(cl100kBase);
  return encoder;
}

/** Tokens of a text in cl100k_base (what GPT-4-class models count). */
export function countTokens(text: string): number {
  return getEncoder().encode(text).length;
}

/** How a fact is shown to a model: `[id] text`. */
export function factLine(fact: Fact): string {
  return `[${fact.id}] ${fact.text}`;
}

/** Tokens a fact takes in a prompt, line break included. */
const memo = new Map<string, number>();
// Per fact object too: packing counts every ranked fact on every ask, and building and
// hashing its line again costs more than the look-up.
const byFact = new WeakMap<Fact, number>();

export function factTokens(fact: Fact): number {
  const hit = byFact.get(fact);
  if (hit !== undefined) return hit;
  const line = `${factLine(fact)}\n`;
  let n = memo.get(line);
  if (n === undefined) {
    if (memo.size > 100_000) memo.clear();
    n = countTokens(line);
    memo.set(line, n);
  }
  byFact.set(fact, n);
  return n;
}
