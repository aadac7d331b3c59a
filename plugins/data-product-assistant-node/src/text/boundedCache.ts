/**
 * A Map that keeps at most `max` entries: when full, the oldest half is
 * dropped. Memoises per-word work (lemmas, lexicon look-ups, identifier
 * splits) without letting a long-running process grow without bound.
 */
export class BoundedCache<K, V> {
  private readonly map = new Map<K, V>();

  constructor(private readonly max: number) {}

  get size(): number {
    return this.map.size;
  }

  get(key: K): V | undefined {
    return this.map.get(key);
  }

  has(key: K): boolean {
    return this.map.has(key);
  }

  set(key: K, value: V): void {
    if (this.map.size >= this.max) {
      let drop = this.max >>> 1;
      for (const k of this.map.keys()) {
        if (drop-- <= 0) break;
        this.map.delete(k);
      }
    }
    this.map.set(key, value);
  }

  /** The cached value, computing and caching it when missing. */
  getOrSet(key: K, compute: (key: K) => V): V {
    const hit = this.map.get(key);
    if (hit !== undefined || this.map.has(key)) return hit as V;
    const value = compute(key);
    this.set(key, value);
    return value;
  }
}
