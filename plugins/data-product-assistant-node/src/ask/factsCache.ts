import type { DataProductProfile } from '@dpa/plugin-data-product-assistant-common';
import { buildFacts } from '../context/buildFacts';
import type { KnowledgeNote } from '../context/knowledgeNotes';
import type { Fact } from '../models/types';

/**
 * The facts of a product, built once per profile and notes. The backend's
 * profile service returns the same frozen profile object while the entity,
 * the contract snapshots and the docs are unchanged,
 * so facts are cached by that object; a new snapshot version is a new object
 * and its facts are built anew, the old entry going with the old profile.
 * The engine's retrieval index is kept per facts array, so reusing the array
 * reuses the index too. Notes are part of the key by content.
 */
export class FactsCache {
  private readonly byProfile = new WeakMap<
    DataProductProfile,
    { notes: string; facts: Fact[] }
  >();

  factsFor(profile: DataProductProfile, notes?: KnowledgeNote[]): Fact[] {
    const key = JSON.stringify(notes ?? []);
    const cached = this.byProfile.get(profile);
    if (cached?.notes === key) return cached.facts;
    // frozen: one ask must not change what the next one sees
    const facts = Object.freeze(
      buildFacts(profile, { notes }).map(f => Object.freeze(f)),
    ) as Fact[];
    this.byProfile.set(profile, { notes: key, facts });
    return facts;
  }
}
