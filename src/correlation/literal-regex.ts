/**
 * A fast path for the regular expressions that label matchers use most: literals, literal prefixes
 * followed by `.*`, and alternations of those (`prod-.*`, `db|cache`, `api\.v1.*`). Such a pattern is
 * read as a list of alternatives and checked with string comparisons, without the regex engine, and
 * with the same answers as the anchored re2js pattern (`.` matches any character but a newline).
 * Anything else (groups, classes, repeats, flags, escapes of letters) returns `undefined` and goes to
 * re2js.
 */

/** The characters with a meaning in RE2 syntax; escaped (`\.`), each one stands for itself. */
const META = '\\.+*?()|[]{}^$';

/** One alternative: the literal text, and whether any tail without a newline may follow it (`.*`). */
interface Alternative {
  readonly text: string;
  readonly open: boolean;
}

function isPlain(code: number): boolean {
  // Surrogates (a code point split in two) and control characters stay with re2js.
  return code >= 0x20 && code !== 0x7f && (code < 0xd800 || code > 0xdfff);
}

/** The pattern as alternatives, or undefined when it uses anything beyond literals and a final `.*`. */
function alternativesOf(pattern: string): Alternative[] | undefined {
  const out: Alternative[] = [];
  let text = '';
  let open = false;
  for (let i = 0; i <= pattern.length; i++) {
    const c = pattern[i];
    if (c === undefined || c === '|') {
      out.push({ text, open });
      text = '';
      open = false;
    } else if (open) {
      return undefined; // something after `.*` in the same alternative
    } else if (c === '\\') {
      const next = pattern[++i];
      if (next === undefined || !META.includes(next)) return undefined;
      text += next;
    } else if (c === '.' && pattern[i + 1] === '*') {
      open = true;
      i++;
    } else if (META.includes(c) || !isPlain(c.charCodeAt(0))) {
      return undefined;
    } else {
      text += c;
    }
  }
  return out;
}

function matchesAlternative(value: string, alt: Alternative): boolean {
  if (!alt.open) return value === alt.text;
  return value.startsWith(alt.text) && value.indexOf('\n', alt.text.length) < 0;
}

/**
 * A string test equivalent to the whole-value match of `pattern` by re2js, when `pattern` is only
 * literals and a final `.*` per alternative; otherwise `undefined`.
 *
 * @example
 * literalRegex('prod-.*')?.('prod-web-1'); // true
 * literalRegex('(a+)+'); // undefined: needs the regex engine
 */
export function literalRegex(pattern: string): ((value: string) => boolean) | undefined {
  const alternatives = alternativesOf(pattern);
  if (alternatives === undefined) return undefined;
  if (alternatives.length === 1) {
    const only = alternatives[0]!;
    return (value) => matchesAlternative(value, only);
  }
  return (value) => alternatives.some((alt) => matchesAlternative(value, alt));
}
