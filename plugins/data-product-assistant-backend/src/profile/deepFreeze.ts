/**
 * Freezes an object graph (plain objects and arrays): a value shared between
 * requests can then not be changed by one of them without a TypeError.
 */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
