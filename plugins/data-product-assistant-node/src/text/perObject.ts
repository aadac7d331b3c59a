/**
 * `compute` memoised per key object (a fact, a facts array): the engine derives the same
 * things from the same fact objects on every ask, and the memo goes with the object.
 */
export function perObject<K extends object, V>(
  compute: (key: K) => V,
): (key: K) => V {
  const memo = new WeakMap<K, V>();
  return key => {
    if (memo.has(key)) return memo.get(key) as V;
    const value = compute(key);
    memo.set(key, value);
    return value;
  };
}
