/**
 * Small, fast, stable string hashing for correlator keys (fingerprints, group identities, inhibition
 * keys): two independent 32-bit FNV-1a-style lanes give a 64-bit value printed as 16 hex digits.
 */

const HEX: string[] = [];
for (let i = 0; i < 256; i++) HEX.push(i.toString(16).padStart(2, '0'));

function hex32(n: number): string {
  return HEX[(n >>> 24) & 255]! + HEX[(n >>> 16) & 255]! + HEX[(n >>> 8) & 255]! + HEX[n & 255]!;
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
    return hex32(this.a) + hex32(this.b);
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
