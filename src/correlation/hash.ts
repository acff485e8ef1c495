/**
 * Small, fast, stable string hashing for correlator keys (fingerprints, group identities, inhibition
 * keys): two independent 32-bit FNV-1a-style lanes give a 64-bit value printed as 16 hex digits.
 */

// Character codes of the hex digits '0'-'9', 'a'-'f'.
const HEX_CODES = [48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 97, 98, 99, 100, 101, 102];

/** Character code of the hex digit of `n` at bit `shift`. */
function nibble(n: number, shift: number): number {
  return HEX_CODES[(n >>> shift) & 15]!;
}

/**
 * The 16 hex digits of two 32-bit lanes, built as one flat string (`String.fromCharCode`): a string
 * concatenated from parts is a rope that every later read (bucket hashing, key comparison) pays for.
 */
function hex64(a: number, b: number): string {
  return String.fromCharCode(
    nibble(a, 28), nibble(a, 24), nibble(a, 20), nibble(a, 16), nibble(a, 12), nibble(a, 8), nibble(a, 4), nibble(a, 0),
    nibble(b, 28), nibble(b, 24), nibble(b, 20), nibble(b, 16), nibble(b, 12), nibble(b, 8), nibble(b, 4), nibble(b, 0),
  );
}

/**
 * An incremental form of {@link hashText}: feeding strings and separator characters one after the
 * other gives exactly `hashText` of their concatenation, without building the concatenated text.
 */
export class TextHasher {
  private a = 0x811c9dc5;
  private b = 0x9747b28c;

  /** Starts afresh. */
  reset(): void {
    this.a = 0x811c9dc5;
    this.b = 0x9747b28c;
  }

  /** Feeds the characters of `text`. */
  text(text: string): void {
    let a = this.a;
    let b = this.b;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
    }
    this.a = a;
    this.b = b;
  }

  /** Feeds one UTF-16 code unit. */
  char(c: number): void {
    this.a = Math.imul(this.a ^ c, 0x01000193);
    const b = Math.imul(this.b ^ c, 0x5bd1e995);
    this.b = b ^ (b >>> 15);
  }

  /** The 16 hex digits of what was fed. */
  digest(): string {
    return hex64(this.a, this.b);
  }
}

/** A 16-hex-digit (two-lane, 64-bit) hash of one string. */
export function hashText(text: string): string {
  const h = new TextHasher();
  h.text(text);
  return h.digest();
}

/** A 16-hex-digit hash of a list of strings, unambiguous (each part is length-prefixed). */
export function hashParts(parts: readonly string[]): string {
  let text = '';
  for (const p of parts) text += `${p.length}:${p}`;
  return hashText(text);
}

/** A quick 32-bit hash of one string (used to pick a table bucket). */
export function hash32(text: string): number {
  let a = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) a = Math.imul(a ^ text.charCodeAt(i), 0x01000193);
  return (a ^ (a >>> 16)) >>> 0;
}
