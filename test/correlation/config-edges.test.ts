/** Correlator configuration at its edges: title templates, matcher and maintenance window rules. */
import { describe, expect, it } from 'vitest';
import { createCorrelator, type OpenIncidentDecision } from 'itsm-kit/correlation';
import type { Alert } from 'itsm-kit/models';
import { pathsOf } from '../_helpers/validation-paths';

const T0 = Date.parse('2026-11-23T08:00:00Z');
const alert = (extra: Partial<Alert> = {}): Alert => ({
  id: 'a-1', source: 'prometheus', status: 'firing', severity: 'critical', labels: { alertname: 'Down', service: 'db' },
  annotations: { summary: 'db is down' }, startsAt: '2026-11-23T08:00:00Z', ...extra,
});

function titleOf(template: string, a: Alert = alert()): string {
  const c = createCorrelator({ rules: [{ id: 'r1', template: { title: template } }] });
  const open = c.ingest(c.initialState(), a, T0).decisions.find((d): d is OpenIncidentDecision => d.type === 'open-incident');
  return open!.title;
}


describe('incident title templates', () => {
  it('fill labels, annotations and alert fields; unknown names give empty text', () => {
    expect(titleOf('{{ labels.service }}/{{service}}: {{annotations.summary}} on {{ciId}} via {{source}} [{{severity}}] by {{ruleId}}{{nope}}{{annotations.nope}}', alert({ ciId: 'db-1' })))
      .toBe('db/db: db is down on db-1 via prometheus [critical] by r1');
    expect(titleOf('{{ciId}}|{{labels.nope}}|')).toBe('||');
  });

  it('read own properties only, and cap the title at 512 characters', () => {
    expect(titleOf('{{toString}}{{labels.constructor}}')).toBe('');
    expect(titleOf('{{annotations.summary}}', alert({ annotations: { summary: 'x'.repeat(2_000) } }))).toHaveLength(512);
  });
});

describe('configuration errors', () => {
  const withMatcher = (m: object) => () => createCorrelator({ rules: [{ id: 'r', match: [m as never] }] });

  it('name the bad part of a matcher', () => {
    expect(pathsOf(withMatcher({ op: 'eq', value: 'x' }))).toEqual(['rules.0.match.0.label']);
    expect(pathsOf(withMatcher({ label: 'a', field: 'source', op: 'eq', value: 'x' }))).toEqual(['rules.0.match.0.label']);
    expect(pathsOf(withMatcher({ label: 'a', op: 'in' }))).toEqual(['rules.0.match.0.values']);
    expect(pathsOf(withMatcher({ label: 'a', op: 'in', values: ['x'], value: 'x' }))).toEqual(['rules.0.match.0.value']);
    expect(pathsOf(withMatcher({ label: 'a', op: 'exists', value: 'yes' }))).toEqual(['rules.0.match.0.value']);
    expect(pathsOf(withMatcher({ label: 'a', op: 'eq' }))).toEqual(['rules.0.match.0.value']);
    expect(pathsOf(withMatcher({ label: 'a', op: 'eq', value: 'x', values: ['y'] }))).toEqual(['rules.0.match.0.values']);
    expect(() => withMatcher({ label: 'a', op: 'exists', value: false })()).not.toThrow();
  });

  it('name the bad part of a maintenance window', () => {
    const withWindow = (w: object) => () => createCorrelator({ rules: [{ id: 'r' }], maintenance: [{ id: 'w', ...w } as never] });
    expect(pathsOf(withWindow({ start: '2026-11-23T08:00:00Z', end: '2026-11-23T09:00:00Z' }))).toEqual(['maintenance.0.match']);
    expect(pathsOf(withWindow({ ciIds: ['db-1'], start: '2026-11-23T08:00:00Z' }))).toEqual(['maintenance.0.end']);
    expect(pathsOf(withWindow({ ciIds: ['db-1'], end: '2026-11-23T08:00:00Z' }))).toEqual(['maintenance.0.start']);
    expect(pathsOf(withWindow({ ciIds: ['db-1'], start: '2026-11-23T09:00:00Z', end: '2026-11-23T08:00:00Z' }))).toEqual(['maintenance.0.end']);
    expect(() => withWindow({ ciIds: ['db-1'], calendar: { timeZone: 'UTC', week: { sat: [{ start: '00:00', end: '24:00' }] } } })()).not.toThrow();
  });

  it('name options that are not an object (null too, which a default parameter lets through)', () => {
    for (const options of [null, 3, 'x', []]) {
      expect(pathsOf(() => createCorrelator({ rules: [{ id: 'r' }] }, options as never))).toEqual(['options']);
    }
    expect(() => createCorrelator({ rules: [{ id: 'r' }] }, undefined)).not.toThrow();
  });
});
