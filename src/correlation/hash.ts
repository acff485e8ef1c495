/**
 * Small, fast, stable string hashing for correlator keys (fingerprints, group identities, inhibition
 * keys). Two independent 32-bit FNV-1a-style lanes give a 64-bit value printed as 16 hex digits.
 */

/** Adds `text` into a running two-lane hash; returns the new lanes through `lanes`. */
export function hashInto(lanes: Uint32Array, text: string): void {
  let a = lanes[0]!;
  let b = lanes[1]!;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  lanes[0] = a;
  lanes[1] = b;
}

/** Starts a two-lane hash. */
export function hashStart(lanes: Uint32Array): void {
  lanes[0] = 0x811c9dc5;
  lanes[1] = 0x9747b28c;
}

const HEX: string[] = [];
for (let i = 0; i < 256; i++) HEX.push(i.toString(16).padStart(2, '0'));

function hex32(n: number): string {
  return HEX[(n >>> 24) & 255]! + HEX[(n >>> 16) & 255]! + HEX[(n >>> 8) & 255]! + HEX[n & 255]!;
}

/** The 16-hex-digit value of a two-lane hash. */
export function hashHex(lanes: Uint32Array): string {
  return hex32(lanes[0]!) + hex32(lanes[1]!);
}

const scratch = new Uint32Array(2);

/** A 16-hex-digit hash of the given parts, separated so that `['ab','c']` and `['a','bc']` differ. */
export function hashParts(parts: readonly string[]): string {
  hashStart(scratch);
  for (const p of parts) {
    hashInto(scratch, p);
    hashInto(scratch, '\u0000');
  }
  return hashHex(scratch);
}

/** A quick 32-bit hash of one string (used to pick a table bucket). */
export function hash32(text: string): number {
  let a = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) a = Math.imul(a ^ text.charCodeAt(i), 0x01000193);
  return (a ^ (a >>> 16)) >>> 0;
}
