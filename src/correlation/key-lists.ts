const KEY_LIST_SLOTS = 65_536;

/**
 * A direct-mapped cache of frozen one-key lists by group number (slot: the low bits of the sequence):
 * no hashing of a number that does not fit 32 bits, and a fixed size.
 */
export class KeyListCache {
  private readonly numbers = new Float64Array(KEY_LIST_SLOTS).fill(-1);
  private readonly lists: Array<readonly string[] | undefined> = new Array<readonly string[] | undefined>(KEY_LIST_SLOTS);

  /** The cached list for group number `n`, else `spell(n)` frozen in a one-key list and cached. */
  get(n: number, spell: (n: number) => string): readonly string[] {
    const slot = n & (KEY_LIST_SLOTS - 1); // ToInt32 keeps the low bits: those of the sequence
    if (this.numbers[slot] === n) return this.lists[slot]!;
    const list = Object.freeze([spell(n)]);
    this.numbers[slot] = n;
    this.lists[slot] = list;
    return list;
  }
}

