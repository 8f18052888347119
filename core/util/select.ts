/** Selection without a full sort. Pure. */

/**
 * The k-th smallest (0-based) of `idx` under (key, then index) by quickselect, O(length) on average; the
 * array is reordered. Deterministic: the pivot is the middle element, and the order is total.
 */
export function selectKth(idx: Int32Array, len: number, key: Float64Array, k: number): number {
  const less = (a: number, b: number): boolean => key[a] < key[b] || (key[a] === key[b] && a < b);
  let lo = 0;
  let hi = len - 1;
  while (lo < hi) {
    const pivot = idx[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (less(idx[i], pivot)) i++;
      while (less(pivot, idx[j])) j--;
      if (i <= j) {
        const x = idx[i];
        idx[i] = idx[j];
        idx[j] = x;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return idx[k];
  }
  return idx[k];
}
