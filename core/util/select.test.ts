import { describe, expect, it } from 'vitest';
import { createRng } from './random.ts';
import { selectKth } from './select.ts';

describe('selectKth', () => {
  it('returns the element a sort by (key, index) puts at rank k', () => {
    const key = Float64Array.from([5, 1, 3, 1, 2, 5]);
    // Sorted by key then index: 1, 3, 4, 2, 0, 5.
    const expected = [1, 3, 4, 2, 0, 5];
    for (let k = 0; k < 6; k++) expect(selectKth(Int32Array.from([0, 1, 2, 3, 4, 5]), 6, key, k)).toBe(expected[k]);
  });

  it('agrees with a sort on random keys with ties', () => {
    const rng = createRng('kth');
    for (let rep = 0; rep < 50; rep++) {
      const len = rng.int(1, 40);
      const key = Float64Array.from({ length: len }, () => rng.int(0, 5));
      const sorted = Array.from({ length: len }, (_, i) => i).sort((a, b) => key[a] - key[b] || a - b);
      const k = rng.int(0, len - 1);
      expect(selectKth(Int32Array.from({ length: len }, (_, i) => i), len, key, k)).toBe(sorted[k]);
    }
  });
});
