import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--allow-natives-syntax');
// Compiled after the flag is set, so the V8 intrinsic parses (benchmarks only, never the library).
const hasFastProperties = new Function('o', 'return %HasFastProperties(o)') as (o: object) => boolean;

/**
 * How many of `records` V8 keeps in dictionary (slow) mode, where every read and copy is a hash lookup.
 * A `delete` of a field does that to an object for good; the correlator's records must never be.
 */
export function slowObjectCount(records: Iterable<object>): number {
  let slow = 0;
  for (const r of records) if (!hasFastProperties(r)) slow++;
  return slow;
}
