/** Deterministic checks of citations, independent of the validator under test. */

const STOP = new Set(
  'the a an and or of to in on for is are was were be by with as at from this that it its which who what when where how into per than then there their they them these those has have had not no can may must only also each any all one two its column table data product'.split(
    ' ',
  ),
);

export function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? []).filter(
    w => w.length >= 3 && !STOP.has(w),
  );
}

/** Share of the claim's content words found in the cited texts (1 for a claim with none). */
export function coverage(claim: string, cited: readonly string[]): number {
  const words = contentWords(claim);
  if (!words.length) return 1;
  const pool = new Set(cited.flatMap(contentWords));
  return (
    words.filter(w => pool.has(w) || pool.has(w.replace(/s$/, ''))).length /
    words.length
  );
}

export interface ClaimLike {
  text: string;
  citations: string[];
}

/** A citation is precise when it is one of the expected facts or its text covers at least half of the claim. */
export function citationCounts(
  claims: readonly ClaimLike[],
  factText: ReadonlyMap<string, string>,
  expected: readonly string[],
): { cited: number; precise: number; supportedClaims: number; claims: number } {
  let cited = 0;
  let precise = 0;
  let supportedClaims = 0;
  for (const c of claims) {
    const texts: string[] = [];
    for (const id of c.citations) {
      cited++;
      const t = factText.get(id);
      if (t !== undefined) texts.push(t);
      if (
        expected.includes(id) ||
        (t !== undefined && coverage(c.text, [t]) >= 0.5)
      )
        precise++;
    }
    if (c.citations.length && coverage(c.text, texts) >= 0.6) supportedClaims++;
  }
  return { cited, precise, supportedClaims, claims: claims.length };
}
