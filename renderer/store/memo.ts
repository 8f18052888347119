/**
 * Memoisation keyed on the identity of an input (an entity array from the store). Because edits replace only
 * what they change, a derived value stays the same object until its input array changes: selectors built
 * on it return stable values (zustand v5 re-renders, or loops, on a new object per call).
 */
export function memoByRef<I extends object, O>(derive: (input: I) => O): (input: I) => O {
  const cache = new WeakMap<I, O>();
  return (input) => {
    const hit = cache.get(input);
    if (hit !== undefined) return hit;
    const out = derive(input);
    cache.set(input, out);
    return out;
  };
}
