/**
 * The literal fast path for matcher regexes must answer exactly as re2js does on the anchored
 * pattern. Reference: `RE2JS.compile('^(?:pattern)$').matches(value)`, on thousands of random
 * patterns (literal ones, and ones mixing in syntax the fast path must hand over) and values built to
 * hit their edges: prefixes, newlines, surrogates, escaped metacharacters.
 */
import fc from 'fast-check';
import { RE2JS } from 're2js';
import { describe, expect, it } from 'vitest';
import { literalRegex } from '../../src/correlation/literal-regex';
import { compileRegex } from '../../src/correlation/matchers';

const reference = (pattern: string, value: string): boolean => RE2JS.compile(`^(?:${pattern})$`).matches(value);

// Pieces of literal patterns, and of the values tried against them.
const literalPiece = fc.constantFrom('a', 'b', 'ab', '-', ' ', 'é', '\\.', '\\*', '\\|', '\\\\', '\\(', '\\$', '/', ':');
const valuePiece = fc.constantFrom('a', 'b', '-', ' ', 'é', '.', '*', '|', '\\', '(', '$', '/', ':', '\n', '\r', '\uD800', '😀', '');
// Syntax the fast path must refuse, mixed into otherwise literal patterns.
const otherPiece = fc.constantFrom('.', '*', '+', '?', '(a)', '[ab]', 'a{2}', '^', '$', '\\d', '\\-', '.*?', '.*.*', '\t', '\uD83D', '(?i)a');

const literalAlternative = fc.tuple(fc.array(literalPiece, { maxLength: 4 }), fc.boolean()).map(([pieces, open]) => pieces.join('') + (open ? '.*' : ''));
const literalPattern = fc.array(literalAlternative, { minLength: 1, maxLength: 3 }).map((alts) => alts.join('|'));
const mixedPattern = fc.array(fc.oneof(literalPiece, otherPiece, fc.constant('.*'), fc.constant('|')), { maxLength: 6 }).map((p) => p.join(''));

/** Values near the pattern: its unescaped text cut anywhere, with random pieces before and after. */
function valuesFor(pattern: string): fc.Arbitrary<string> {
  const text = pattern.replace(/\\(.)/g, '$1').replace(/\.\*/g, '');
  return fc.tuple(fc.array(valuePiece, { maxLength: 2 }), fc.nat(text.length), fc.nat(text.length), fc.array(valuePiece, { maxLength: 3 })).map(
    ([before, from, to, after]) => before.join('') + text.slice(Math.min(from, to), Math.max(from, to)) + after.join(''),
  );
}

const patternWithValues = (patterns: fc.Arbitrary<string>) =>
  patterns.chain((pattern) => fc.tuple(fc.constant(pattern), fc.array(fc.oneof(valuesFor(pattern), fc.array(valuePiece, { maxLength: 5 }).map((p) => p.join(''))), { minLength: 1, maxLength: 8 })));

describe('literal matcher regexes', () => {
  it('take the fast path for literals with a final .* per alternative, with the answers of re2js', () => {
    fc.assert(
      fc.property(patternWithValues(literalPattern), ([pattern, values]) => {
        const test = literalRegex(pattern);
        expect(test).toBeDefined();
        for (const value of values) expect(test!(value)).toBe(reference(pattern, value));
      }),
      { numRuns: 3_000 },
    );
  });

  it('hand anything else to re2js, and compileRegex answers as re2js either way', () => {
    fc.assert(
      fc.property(patternWithValues(mixedPattern), ([pattern, values]) => {
        let valid = true;
        try {
          RE2JS.compile(`^(?:${pattern})$`);
        } catch {
          valid = false;
        }
        fc.pre(valid);
        const fast = literalRegex(pattern);
        const compiled = compileRegex(pattern, ['value']);
        for (const value of values) {
          if (fast !== undefined) expect(fast(value)).toBe(reference(pattern, value));
          expect(compiled(value)).toBe(reference(pattern, value));
        }
      }),
      { numRuns: 3_000 },
    );
  });

  it('refuse repeats, groups, classes, anchors, letter escapes and control characters', () => {
    for (const pattern of ['a+', 'a*', '.', 'a.', '(a)', '[ab]', 'a{2}', '^a', 'a$', '\\d', 'a.*b', '.*?', 'a\tb', '(?i)a', 'a\\'])
      expect(literalRegex(pattern), pattern).toBeUndefined();
  });

  it('leave a lone surrogate to re2js, which will not split a character in two', () => {
    // '\uD83D' is the first half of '😀': a prefix test on the text would match, re2js does not.
    expect(literalRegex('\uD83D.*')).toBeUndefined();
    expect(compileRegex('\uD83D.*', ['value'])('😀')).toBe(reference('\uD83D.*', '😀'));
    expect(reference('\uD83D.*', '😀')).toBe(false);
  });

  it('read common label patterns as literals', () => {
    const prod = literalRegex('prod-.*|staging')!;
    expect([prod('prod-web-1'), prod('prod-'), prod('staging'), prod('staging-2'), prod('prod-a\nb'), prod('xprod-a')]).toEqual([true, true, true, false, false, false]);
    const dotted = literalRegex('api\\.v1.*')!;
    expect([dotted('api.v1/users'), dotted('apixv1')]).toEqual([true, false]);
  });
});
