import { describe, expect, it } from 'vitest';
import {
  parseActor, parseAlert, parseChange, parseConfigurationItem, parseIncident, parseKnownError,
  parseProblem, parseRelationship, ItsmValidationError, type ParseResult,
} from 'itsm-kit/models';
import {
  validActor, validAlert, validChange, validCi, validIncident, validKnownError, validProblem, validRelationship,
} from './fixtures';

type Parser = (input: unknown) => ParseResult<unknown>;
type Invalid = [description: string, patch: Record<string, unknown>, path: string, message: RegExp];

const long = (n: number) => 'x'.repeat(n);
const protoLabels = JSON.parse('{"alertname":"x","__proto__":"polluted"}') as unknown;

const cases: Array<{ model: string; parse: Parser; valid: Record<string, unknown>; invalid: Invalid[] }> = [
  {
    model: 'incident', parse: parseIncident, valid: validIncident,
    invalid: [
      ['missing number', { number: undefined }, 'number', /required/],
      ['impact out of range', { impact: 4 }, 'impact', /1 \(high\)/],
      ['urgency as string', { urgency: '1' }, 'urgency', /1 \(high\)/],
      ['priority 0', { priority: 0 }, 'priority', /critical/],
      ['unknown state', { state: 'open' }, 'state', /in_progress/],
      ['unknown hold reason', { onHoldReason: 'lunch' }, 'onHoldReason', /awaiting_caller/],
      ['unknown resolution code', { resolutionCode: 'fixed' }, 'resolutionCode', /solution_provided/],
      ['local timestamp', { openedAt: '2026-11-23T08:00:00' }, 'openedAt', /UTC/],
      ['non-date timestamp', { updatedAt: 'yesterday' }, 'updatedAt', /ISO-8601/],
      ['empty short description', { shortDescription: '' }, 'shortDescription', /empty/],
      ['oversized description', { description: long(32_001) }, 'description', /32000/],
      ['unknown field', { u_vip: true }, '', /unknown field\(s\): u_vip/],
      ['custom field with __proto__', { custom: JSON.parse('{"__proto__":1}') }, 'custom.__proto__', /reserved/],
      ['alert ids over the bound', { alertIds: Array.from({ length: 1001 }, (_, i) => `a${i}`) }, 'alertIds', /1000/],
    ],
  },
  {
    model: 'problem', parse: parseProblem, valid: validProblem,
    invalid: [
      ['unknown state', { state: 'open' }, 'state', /root_cause_analysis/],
      ['missing openedBy', { openedBy: undefined }, 'openedBy', /required/],
      ['unknown resolution code', { resolutionCode: 'fixed' }, 'resolutionCode', /fix_applied/],
      ['incident id too long', { incidentIds: [long(129)] }, 'incidentIds.0', /128/],
    ],
  },
  {
    model: 'known error', parse: parseKnownError, valid: validKnownError,
    invalid: [
      ['empty workaround', { workaround: '' }, 'workaround', /empty/],
      ['missing root cause', { rootCause: undefined }, 'rootCause', /required/],
    ],
  },
  {
    model: 'change', parse: parseChange, valid: validChange,
    invalid: [
      ['unknown type', { type: 'urgent' }, 'type', /emergency/],
      ['unknown risk', { risk: 'extreme' }, 'risk', /moderate/],
      ['end before start', { plannedEnd: '2026-11-24T19:00:00Z' }, 'plannedEnd', /after plannedStart/],
      ['bad approval decision', { approvals: [{ approver: 'u', decision: 'maybe', at: '2026-11-23T08:00:00Z' }] }, 'approvals.0.decision', /approved/],
      ['unknown close code', { closeCode: 'done' }, 'closeCode', /successful/],
    ],
  },
  {
    model: 'alert', parse: parseAlert, valid: validAlert,
    invalid: [
      ['unknown status', { status: 'pending' }, 'status', /firing/],
      ['unknown severity', { severity: 'fatal' }, 'severity', /critical/],
      ['label name with a space', { labels: { 'bad name': 'x' } }, 'labels.bad name', /letters, digits/],
      ['label __proto__', { labels: protoLabels }, 'labels.__proto__', /reserved/],
      ['label constructor', { labels: { constructor: 'x' } }, 'labels.constructor', /reserved/],
      ['label value too long', { labels: { a: long(1025) } }, 'labels.a', /1024/],
      ['too many labels', { labels: Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`l${i}`, 'v'])) }, 'labels', /64/],
      ['ends before it starts', { endsAt: '2026-11-23T07:00:00Z' }, 'endsAt', /before startsAt/],
    ],
  },
  {
    model: 'configuration item', parse: parseConfigurationItem, valid: validCi,
    invalid: [
      ['missing class', { ciClass: undefined }, 'ciClass', /required/],
      ['unknown status', { status: 'broken' }, 'status', /operational/],
    ],
  },
  {
    model: 'relationship', parse: parseRelationship, valid: validRelationship,
    invalid: [
      ['unknown type', { type: 'uses' }, 'type', /depends_on/],
      ['self relation', { to: 'checkout' }, 'to', /itself/],
    ],
  },
  {
    model: 'actor', parse: parseActor, valid: validActor,
    invalid: [
      ['roles not a list', { roles: 'agent' }, 'roles', /array/i],
      ['empty id', { id: '' }, 'id', /empty/],
    ],
  },
];

function patched(base: Record<string, unknown>, patch: Record<string, unknown>) {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete out[k];
    else out[k] = v;
  }
  return out;
}

describe.each(cases)('parse $model', ({ parse, valid, invalid }) => {
  it('accepts the valid fixture', () => {
    const r = parse(valid);
    expect(r.ok ? 'ok' : r.error.message).toBe('ok');
  });

  it.each(invalid)('rejects %s, naming the field', (_d, patch, path, message) => {
    const r = parse(patched(valid, patch));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toBeInstanceOf(ItsmValidationError);
    const issue = r.error.issues.find((i) => i.path === path);
    expect(issue, `issues: ${JSON.stringify(r.error.issues)}`).toBeDefined();
    expect(issue?.message).toMatch(message);
    expect(r.error.message).toContain(path ? `${path}: ` : 'unknown field');
  });

  it('never throws on non-objects', () => {
    for (const input of [null, undefined, 42, 'x', [], true]) expect(parse(input).ok).toBe(false);
  });
});

describe('defaults', () => {
  it('fills lists and flags so stored records are complete', () => {
    const r = parseIncident(validIncident);
    expect(r.ok && r.value).toMatchObject({ majorIncident: false, reopenCount: 0, alertIds: [], problemIds: [], changeIds: [] });
  });
});
