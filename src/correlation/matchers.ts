import { RE2JS } from 're2js';
import { ItsmValidationError } from '../_lib/errors';
import type { Alert } from '../models/alert';
import type { Matcher, MatcherField } from './config-schema';
import { literalRegex } from './literal-regex';
import { own } from './own';

/** A compiled matcher: a predicate on an alert and its fingerprint. */
export type CompiledMatcher = (alert: Alert, fingerprint: string) => boolean;

/** The most distinct values whose regex outcome one matcher remembers before starting afresh. */
const REGEX_CACHE_SIZE = 4_096;

function fieldReader(m: Matcher): (alert: Alert, fingerprint: string) => string | undefined {
  if (m.label !== undefined) {
    const name = m.label;
    return (alert) => own(alert.labels, name);
  }
  const field = m.field as MatcherField;
  if (field === 'fingerprint') return (_alert, fp) => fp;
  return (alert) => alert[field];
}

/**
 * Compiles a regular expression with re2js (linear time, no backtracking), anchored to the whole value
 * as Alertmanager does. Literal patterns (`prod-.*`, `db|cache`) are checked with string comparisons
 * instead (see `literalRegex`); other outcomes are memoized per value (bounded), since label values repeat.
 */
export function compileRegex(pattern: string, path: ReadonlyArray<string | number>): (value: string) => boolean {
  let re: RE2JS;
  try {
    re = RE2JS.compile(`^(?:${pattern})$`);
  } catch (e) {
    throw ItsmValidationError.at('correlator config', path, `is not a valid regular expression: ${(e as Error).message}`);
  }
  const literal = literalRegex(pattern);
  if (literal !== undefined) return literal;
  let memo = new Map<string, boolean>();
  return (value) => {
    const hit = memo.get(value);
    if (hit !== undefined) return hit;
    const result = re.matches(value);
    if (memo.size >= REGEX_CACHE_SIZE) memo = new Map();
    memo.set(value, result);
    return result;
  };
}

/** Compiles one matcher; a missing label or field reads as the empty string (except for `exists`). */
export function compileMatcher(m: Matcher, path: ReadonlyArray<string | number>): CompiledMatcher {
  const read = fieldReader(m);
  switch (m.op) {
    case 'eq': {
      const v = m.value as string;
      return (a, fp) => (read(a, fp) ?? '') === v;
    }
    case 'neq': {
      const v = m.value as string;
      return (a, fp) => (read(a, fp) ?? '') !== v;
    }
    case 'in': {
      const set = new Set(m.values);
      return (a, fp) => set.has(read(a, fp) ?? '');
    }
    case 'exists': {
      const want = m.value !== false;
      return (a, fp) => (read(a, fp) !== undefined) === want;
    }
    case 'regex': {
      const test = compileRegex(m.value as string, [...path, 'value']);
      return (a, fp) => test(read(a, fp) ?? '');
    }
    case 'notRegex': {
      const test = compileRegex(m.value as string, [...path, 'value']);
      return (a, fp) => !test(read(a, fp) ?? '');
    }
  }
}

/** Compiles a list of matchers into one predicate that needs all of them (an empty list matches all). */
export function compileMatchers(list: readonly Matcher[], path: ReadonlyArray<string | number>): CompiledMatcher {
  const compiled = list.map((m, i) => compileMatcher(m, [...path, i]));
  if (compiled.length === 0) return () => true;
  if (compiled.length === 1) return compiled[0]!;
  return (a, fp) => {
    for (const c of compiled) if (!c(a, fp)) return false;
    return true;
  };
}
