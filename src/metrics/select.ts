/**
 * In-place selection (Wirth/Hoare partitioning with a median-of-three pivot): after `selectInPlace(a,
 * k, lo, hi)`, `a[k]` holds the value it would hold if `a[lo..hi]` were sorted, every element of
 * `a[lo..k-1]` is `<= a[k]` and every element of `a[k+1..hi]` is `>= a[k]`. Expected linear time; after
 * a bounded number of partitioning rounds it falls back to sorting the remaining range, so the worst
 * case is `O(n log n)`, never quadratic.
 */
export function selectInPlace(a: Float64Array, k: number, lo: number, hi: number): void {
  let budget = 2 * Math.ceil(Math.log2(hi - lo + 2)) + 8;
  while (hi > lo) {
    if (budget-- === 0) {
      a.subarray(lo, hi + 1).sort();
      return;
    }
    const x = medianOfThree(a[lo]!, a[(lo + hi) >>> 1]!, a[hi]!);
    let i = lo;
    let j = hi;
    do {
      while (a[i]! < x) i++;
      while (x < a[j]!) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    } while (i <= j);
    if (j < k) lo = i;
    if (k < i) hi = j;
  }
}

function medianOfThree(a: number, b: number, c: number): number {
  if (a < b) return b < c ? b : a < c ? c : a;
  return a < c ? a : b < c ? c : b;
}
