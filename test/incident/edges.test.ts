/**
 * The incident workflow's options and the edges of the shared command engine: bad contexts, records,
 * commands and targets give `invalid-input` outcomes; every configurable rule refuses what it should.
 */
import { describe, expect, it } from 'vitest';
import { createIncidentWorkflow, type Outcome } from 'itsm-kit/incident';
import { isItsmValidationError, type Actor, type Incident } from 'itsm-kit/models';
import { anIncident } from 'itsm-kit/testing';

const admin: Actor = { id: 'u-adm', roles: ['admin'], groups: [] };
const caller: Actor = { id: 'u-bob', roles: ['caller'], groups: [] };
const NOW = '2026-11-24T08:00:00.000Z';
const ctx = { actor: admin, now: NOW };
const DAY = 86_400_000;

function errorOf<R, F>(out: Outcome<R, F>) {
  if (out.ok) throw new Error('expected a refusal');
  return out.error;
}

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

describe('incident workflow options', () => {
  it('rejects a priority matrix smaller than 3 x 3, naming the field', () => {
    for (const priorityMatrix of [[[1, 2, 3]], [[1], [2], [3]]]) {
      const e = thrown(() => createIncidentWorkflow({ priorityMatrix: priorityMatrix as never }));
      expect(isItsmValidationError(e) && e.issues.map((i) => i.path)).toEqual(['priorityMatrix']);
    }
  });

  it('rejects cancel states after resolution, naming the field', () => {
    const e = thrown(() => createIncidentWorkflow({ cancelStates: ['resolved'] }));
    expect(isItsmValidationError(e) && e.issues[0]?.path).toMatch(/^cancelStates/);
  });
});

describe('the command engine refuses bad input as an outcome', () => {
  const incidents = createIncidentWorkflow();
  const incident = anIncident({ state: 'in_progress', assignmentGroup: 'service-desk' });

  it('a context that is not an object, a bad actor, a bad instant', () => {
    expect(errorOf(incidents.apply(incident, { type: 'comment', text: 'x' }, null as never))).toMatchObject({ code: 'invalid-input', message: expect.stringContaining('context') });
    expect(errorOf(incidents.apply(incident, { type: 'comment', text: 'x' }, { actor: { id: '' } as never, now: NOW })).code).toBe('invalid-input');
    expect(errorOf(incidents.apply(incident, { type: 'comment', text: 'x' }, { actor: admin, now: 'yesterday' })).message).toMatch(/now/);
    expect(errorOf(incidents.create({} as never, { actor: admin, now: Number.NaN })).code).toBe('invalid-input');
  });

  it('a record or a command that does not parse', () => {
    expect(errorOf(incidents.apply({ ...incident, priority: 9 } as never, { type: 'start' }, ctx))).toMatchObject({ code: 'invalid-input', message: expect.stringContaining('priority') });
    expect(errorOf(incidents.apply(incident, { type: 'resolve' } as never, ctx))).toMatchObject({ code: 'invalid-input', message: expect.stringContaining('code') });
    expect(errorOf(incidents.create({ id: 'i' } as never, ctx))).toMatchObject({ code: 'invalid-input', message: expect.stringContaining('number') });
  });

  it('a command aimed at another record', () => {
    const other = { type: 'comment', text: 'x', target: { kind: 'incident', id: 'someone-else' } } as const;
    expect(errorOf(incidents.apply(incident, other, ctx))).toMatchObject({ code: 'invalid-input', message: expect.stringContaining('someone-else') });
    const wrongKind = { type: 'comment', text: 'x', target: { kind: 'problem', id: incident.id } } as const;
    expect(errorOf(incidents.apply(incident, wrongKind, ctx)).code).toBe('invalid-input');
    // Aimed at this very record, it is applied.
    expect(incidents.apply(incident, { type: 'comment', text: 'x', target: { kind: 'incident', id: incident.id } }, ctx).ok).toBe(true);
  });

  it('forbids creating an incident for someone else to a caller', () => {
    const input = { id: 'i-9', number: 'INC9', shortDescription: 'x', callerId: 'u-other', impact: 2, urgency: 2 } as const;
    expect(errorOf(incidents.create(input, { actor: caller, now: NOW })).code).toBe('forbidden');
    expect(incidents.create({ ...input, callerId: caller.id }, { actor: caller, now: NOW }).ok).toBe(true);
  });

  it('tick and allowed with bad input', () => {
    expect(errorOf(incidents.tick(incident, 'not a date')).code).toBe('invalid-input');
    expect(errorOf(incidents.tick({ id: 'x' } as never, NOW)).code).toBe('invalid-input');
    expect(incidents.allowed(incident, { id: '' } as never, NOW)).toEqual([]);
    expect(incidents.allowed({} as never, admin, NOW)).toEqual([]);
    expect(incidents.allowed(incident, admin, NOW)).toContain('resolve');
  });
});

describe('configurable incident rules', () => {
  const resolved = (fields: Partial<Incident> = {}) =>
    anIncident({ state: 'resolved', resolutionCode: 'solution_provided', resolutionNotes: 'done', resolvedAt: '2026-11-23T08:00:00.000Z', ...fields });

  it('restricts resolution codes and requires notes', () => {
    const incidents = createIncidentWorkflow({ resolutionCodes: ['workaround_provided'] });
    const working = anIncident({ state: 'in_progress' });
    expect(errorOf(incidents.apply(working, { type: 'resolve', code: 'solution_provided', notes: 'x' }, ctx))).toMatchObject({ code: 'guard-failed', message: expect.stringContaining('not allowed') });
    expect(errorOf(incidents.apply(working, { type: 'resolve', code: 'workaround_provided', notes: '  ' }, ctx)).message).toMatch(/notes are required/);
    expect(createIncidentWorkflow({ requireResolutionNotes: false }).apply(working, { type: 'resolve', code: 'solution_provided', notes: ' ' }, ctx).ok).toBe(true);
  });

  it('resolves only-if-on-hold commands only on that hold', () => {
    const incidents = createIncidentWorkflow();
    const cmd = { type: 'resolve', code: 'workaround_provided', notes: 'w', onlyIfOnHold: 'awaiting_problem' } as const;
    expect(errorOf(incidents.apply(anIncident({ state: 'in_progress' }), cmd, ctx)).message).toMatch(/not on hold awaiting_problem/);
    expect(incidents.apply(anIncident({ state: 'on_hold', onHoldReason: 'awaiting_problem' }), cmd, ctx).ok).toBe(true);
  });

  it('restricts hold reasons, reopening and cancelling', () => {
    const incidents = createIncidentWorkflow({ holdReasons: ['awaiting_caller'], allowReopen: false, cancelStates: ['new'] });
    expect(errorOf(incidents.apply(anIncident({ state: 'in_progress' }), { type: 'hold', reason: 'awaiting_vendor' }, ctx)).message).toMatch(/hold reason awaiting_vendor/);
    expect(errorOf(incidents.apply(resolved(), { type: 'reopen', reason: 'again' }, ctx)).message).toMatch(/reopening is disabled/);
    expect(errorOf(incidents.apply(anIncident({ state: 'in_progress' }), { type: 'cancel', reason: 'dup' }, ctx)).message).toMatch(/cancel is not allowed in state in_progress/);
    expect(incidents.apply(anIncident({ state: 'new' }), { type: 'cancel', reason: 'dup' }, ctx).ok).toBe(true);
  });

  it('resumes on a caller comment only when configured', () => {
    const waiting = anIncident({ state: 'on_hold', onHoldReason: 'awaiting_caller', callerId: caller.id });
    const comment = { type: 'comment', text: 'here you go' } as const;
    const on = createIncidentWorkflow().apply(waiting, comment, { actor: caller, now: NOW });
    expect(on.ok && on.record.state).toBe('in_progress');
    const off = createIncidentWorkflow({ callerCommentResumes: false }).apply(waiting, comment, { actor: caller, now: NOW });
    expect(off.ok && off.record.state).toBe('on_hold');
  });

  it('auto-closes when due, never a major incident, never when disabled', () => {
    const incidents = createIncidentWorkflow({ autoClose: { afterMs: DAY } });
    const r = resolved();
    expect(incidents.nextTickAt(r)).toBe('2026-11-24T08:00:00.000Z');
    const early = incidents.tick(r, '2026-11-24T07:59:59.999Z');
    expect(early.ok && early.record).toEqual(r);
    const due = incidents.tick(r, '2026-11-24T08:00:00.000Z');
    expect(due.ok && due.record.state).toBe('closed');
    // Without resolvedAt the last update counts.
    const { resolvedAt: _, ...noResolvedAt } = r;
    expect(incidents.nextTickAt({ ...noResolvedAt, updatedAt: '2026-11-23T10:00:00.000Z' } as Incident)).toBe('2026-11-24T10:00:00.000Z');
    const major = resolved({ majorIncident: true });
    expect(incidents.nextTickAt(major)).toBeNull();
    const kept = incidents.tick(major, '2027-01-01T00:00:00Z');
    expect(kept.ok && kept.record.state).toBe('resolved');
    const disabled = createIncidentWorkflow({ autoClose: false });
    expect(disabled.nextTickAt(r)).toBeNull();
    const stays = disabled.tick(r, '2027-01-01T00:00:00Z');
    expect(stays.ok && stays.record.state).toBe('resolved');
    expect(incidents.nextTickAt({ id: 'broken' } as never)).toBeNull();
    expect(incidents.nextTickAt(anIncident({ state: 'in_progress' }))).toBeNull();
  });
});
