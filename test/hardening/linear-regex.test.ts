import { describe, expect, it } from 'vitest';
import { createAlertMatcher } from 'itsm-kit/correlation';
import { anAlert } from 'itsm-kit/testing';
import { expectSafeOutcome } from './adversarial';

// `(a+)+$` backtracks exponentially in JS RegExp on 'aaa...a!' (about 2^n steps); re2js runs it in linear time.
const matcher = createAlertMatcher([{ label: 'service', op: 'regex', value: '(a+)+$' }]);
const base = anAlert();
const withService = (service: string) => ({ ...base, labels: { ...base.labels, service } });

describe('correlation rule regexes run in linear time', () => {
  it('(a+)+$ against 100,000 a and a ! is false (matchers are anchored), within the per-call bound', () => {
    expectSafeOutcome(() => expect(matcher(withService(`${'a'.repeat(100_000)}!`))).toBe(false), null);
  });

  it('(a+)+$ against 100,000 a is true, within the per-call bound', () => {
    expectSafeOutcome(() => expect(matcher(withService('a'.repeat(100_000)))).toBe(true), null);
  });
});
