import { describe, expect, it } from 'vitest';
import { detectConflicts, OCCUPYING_CHANGE_STATES } from 'itsm-kit/change';
import { isItsmValidationError } from 'itsm-kit/models';
import { createTopology } from 'itsm-kit/topology';
import { change, H, iso, MONDAY } from './fixtures';

const subject = change('me', MONDAY + 10 * H, MONDAY + 12 * H, { ciIds: ['app'], assignedTo: 'alice' });
const none = { changes: [], blackouts: [], maintenanceWindows: [] };

function issuePaths(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (isItsmValidationError(e)) return e.issues.map((i) => i.path);
    throw e;
  }
  throw new Error('expected a validation error');
}

describe('detectConflicts', () => {
  it('finds nothing in an empty schedule', () => {
    expect(detectConflicts(subject, none)).toEqual([]);
  });

  it('reports a change overlapping on the same CI, with the overlapping part', () => {
    const other = change('o1', MONDAY + 11 * H, MONDAY + 14 * H, { ciIds: ['db', 'app'] });
    expect(detectConflicts(subject, { ...none, changes: [other] })).toEqual([
      {
        type: 'ci-overlap', changeId: 'o1', changeNumber: 'CHG-o1', ciId: 'app', otherCiId: 'app', relation: 'same', hops: 0,
        start: iso(MONDAY + 11 * H), end: iso(MONDAY + 12 * H), message: 'CHG-o1 is scheduled on app at the same time',
      },
    ]);
  });

  it('treats windows as half-open: back-to-back changes do not conflict', () => {
    const before = change('b', MONDAY + 8 * H, MONDAY + 10 * H, { ciIds: ['app'] });
    const after = change('a', MONDAY + 12 * H, MONDAY + 13 * H, { ciIds: ['app'], assignedTo: 'alice' });
    expect(detectConflicts(subject, { ...none, changes: [before, after] })).toEqual([]);
  });

  it('never counts the change itself, nor changes that do not occupy the schedule', () => {
    const self = { ...subject, state: 'implement' as const };
    const states = ['new', 'assess', 'review', 'closed', 'canceled'] as const;
    const idle = states.map((state, i) => change(`x${i}`, MONDAY + 10 * H, MONDAY + 11 * H, { ciIds: ['app'], state }));
    const undated = change('u', undefined, undefined, { ciIds: ['app'], state: 'scheduled' });
    expect(detectConflicts(subject, { ...none, changes: [self, ...idle, undated] })).toEqual([]);
    expect(OCCUPYING_CHANGE_STATES).toEqual(['authorize', 'scheduled', 'implement']);
    const busy = OCCUPYING_CHANGE_STATES.map((state, i) => change(`y${i}`, MONDAY + 10 * H, MONDAY + 11 * H, { ciIds: ['app'], state }));
    expect(detectConflicts(subject, { ...none, changes: busy }).map((c) => c.type === 'ci-overlap' && c.changeId)).toEqual(['y0', 'y1', 'y2']);
    expect(detectConflicts(subject, { ...none, changes: busy, occupyingStates: ['implement'] })).toHaveLength(1);
  });

  it('uses the topology for changes on CIs upstream or downstream, within dependencyHops', () => {
    const topology = createTopology({
      cis: ['web', 'app', 'vm', 'host'].map((id) => ({ id, name: id, ciClass: 'server' })),
      relationships: [
        { from: 'web', to: 'app', type: 'depends_on' },
        { from: 'app', to: 'vm', type: 'hosted_on' },
        { from: 'vm', to: 'host', type: 'runs_on' },
      ],
    });
    const changes = [
      change('on-host', MONDAY + 10 * H, MONDAY + 11 * H, { ciIds: ['host'] }),
      change('on-vm', MONDAY + 10 * H, MONDAY + 11 * H, { ciIds: ['vm'] }),
      change('on-web', MONDAY + 11 * H, MONDAY + 13 * H, { ciIds: ['web'] }),
    ];
    expect(detectConflicts(subject, { ...none, changes })).toEqual([]);
    const oneHop = detectConflicts(subject, { ...none, changes, topology });
    expect(oneHop.map((c) => c.type === 'ci-overlap' && [c.changeId, c.relation, c.hops])).toEqual([
      ['on-vm', 'upstream', 1],
      ['on-web', 'downstream', 1],
    ]);
    expect(oneHop[0]!.message).toBe('CHG-on-vm is scheduled on vm, upstream of app (1 hop) at the same time');
    const twoHops = detectConflicts(subject, { ...none, changes, topology, dependencyHops: 2 });
    expect(twoHops.map((c) => c.type === 'ci-overlap' && c.changeId)).toEqual(['on-host', 'on-vm', 'on-web']);
    expect(detectConflicts(subject, { ...none, changes, topology, dependencyHops: 0 })).toEqual([]);
  });

  it('reports fixed and recurring blackouts, global or scoped to a CI of the change', () => {
    const blackouts = [
      { id: 'global', start: iso(MONDAY + 11 * H), end: iso(MONDAY + 20 * H) },
      { id: 'other-ci', ciIds: ['db'], start: iso(MONDAY), end: iso(MONDAY + 24 * H) },
      { id: 'app-freeze', ciIds: ['db', 'app'], start: iso(MONDAY + 9 * H), end: iso(MONDAY + 10 * H + 30 * 60_000) },
      // Every weekday 11:30-11:45 Berlin (10:30-10:45 UTC in winter).
      { id: 'standup', calendar: { timeZone: 'Europe/Berlin', week: { mon: [{ start: '11:30', end: '11:45' }] } } },
    ];
    const found = detectConflicts(subject, { ...none, blackouts });
    expect(found).toEqual([
      { type: 'blackout', windowId: 'app-freeze', ciIds: ['app'], start: iso(MONDAY + 10 * H), end: iso(MONDAY + 10.5 * H), message: 'the window overlaps blackout "app-freeze" on app' },
      { type: 'blackout', windowId: 'standup', ciIds: [], start: iso(MONDAY + 10.5 * H), end: iso(MONDAY + 10.75 * H), message: 'the window overlaps blackout "standup"' },
      { type: 'blackout', windowId: 'global', ciIds: [], start: iso(MONDAY + 11 * H), end: iso(MONDAY + 12 * H), message: 'the window overlaps blackout "global"' },
    ]);
  });

  it('reports a CI whose maintenance windows do not cover the change', () => {
    const sundayNight = { timeZone: 'UTC', week: { mon: [{ start: '09:00', end: '11:00' }] } };
    const maintenanceWindows = [
      { id: 'mw-a', ciIds: ['app'], calendar: sundayNight },
      { id: 'mw-b', ciIds: ['app'], start: iso(MONDAY + 11 * H), end: iso(MONDAY + 11.5 * H) },
      { id: 'mw-db', ciIds: ['db'], start: iso(MONDAY), end: iso(MONDAY + H) },
    ];
    expect(detectConflicts(subject, { ...none, maintenanceWindows })).toEqual([
      {
        type: 'outside-maintenance-window', ciId: 'app', windowIds: ['mw-a', 'mw-b'],
        start: iso(MONDAY + 11.5 * H), end: iso(MONDAY + 12 * H),
        message: 'the window is outside the maintenance windows of app (mw-a, mw-b)',
      },
    ]);
    // The union of touching windows covers it: 09:00-11:00 + 11:00-12:00.
    const covered = [...maintenanceWindows, { id: 'mw-c', ciIds: ['app'], start: iso(MONDAY + 11 * H), end: iso(MONDAY + 12 * H) }];
    expect(detectConflicts(subject, { ...none, maintenanceWindows: covered })).toEqual([]);
  });

  it('reports a double-booked implementer on any CI', () => {
    const changes = [
      change('busy', MONDAY + 9 * H, MONDAY + 10 * H + 1, { ciIds: ['elsewhere'], assignedTo: 'alice' }),
      change('bob', MONDAY + 9 * H, MONDAY + 13 * H, { ciIds: ['elsewhere'], assignedTo: 'bob' }),
    ];
    expect(detectConflicts(subject, { ...none, changes })).toEqual([
      {
        type: 'implementer-double-booked', changeId: 'busy', changeNumber: 'CHG-busy', assignedTo: 'alice',
        start: iso(MONDAY + 10 * H), end: iso(MONDAY + 10 * H + 1), message: 'alice is also implementing CHG-busy at the same time',
      },
    ]);
    const unassigned = change('me', MONDAY + 10 * H, MONDAY + 12 * H, { ciIds: ['app'] });
    expect(detectConflicts(unassigned, { ...none, changes })).toEqual([]);
  });

  it('lists conflict types in a fixed order', () => {
    const changes = [change('o', MONDAY + 10 * H, MONDAY + 11 * H, { ciIds: ['app'], assignedTo: 'alice' })];
    const blackouts = [{ id: 'b', start: iso(MONDAY), end: iso(MONDAY + 11 * H) }];
    const maintenanceWindows = [{ id: 'm', ciIds: ['app'], start: iso(MONDAY), end: iso(MONDAY + H) }];
    expect(detectConflicts(subject, { changes, blackouts, maintenanceWindows }).map((c) => c.type)).toEqual([
      'blackout', 'outside-maintenance-window', 'ci-overlap', 'implementer-double-booked',
    ]);
  });

  it('names bad input', () => {
    expect(issuePaths(() => detectConflicts(change('x', undefined, undefined), none))).toEqual(['plannedStart']);
    expect(issuePaths(() => detectConflicts({ ...subject, state: 'weird' } as never, none))).toEqual(['state']);
    expect(issuePaths(() => detectConflicts(subject, { ...none, blackouts: [{ id: 'b', start: iso(MONDAY) }] as never }))).toEqual(['blackouts.0.end']);
    expect(issuePaths(() => detectConflicts(subject, { ...none, blackouts: [{ id: 'b', start: iso(MONDAY + H), end: iso(MONDAY) }] }))).toEqual(['blackouts.0.end']);
    expect(issuePaths(() => detectConflicts(subject, { ...none, blackouts: [{ id: 'b' }] as never }))).toEqual(['blackouts.0.start']);
    expect(issuePaths(() => detectConflicts(subject, { ...none, maintenanceWindows: [{ id: 'm', ciIds: [], start: iso(MONDAY), end: iso(MONDAY + H) }] }))).toEqual([
      'maintenanceWindows.0.ciIds',
    ]);
    expect(
      issuePaths(() => detectConflicts(subject, { ...none, maintenanceWindows: [{ id: 'm', ciIds: ['app'], calendar: { timeZone: 'Mars/Olympus', week: {} } }] })),
    ).toEqual(['maintenanceWindows.0.calendar.timeZone']);
    expect(issuePaths(() => detectConflicts(subject, { ...none, changes: [{ id: 'c' }] as never }))[0]).toMatch(/^changes\.0\./);
    expect(issuePaths(() => detectConflicts(subject, { ...none, topology: {} as never }))).toEqual(['topology']);
    expect(issuePaths(() => detectConflicts(subject, { ...none, dependencyHops: -1 }))).toEqual(['dependencyHops']);
    expect(issuePaths(() => detectConflicts(subject, { ...none, typo: 1 } as never))).toEqual(['']);
    expect(issuePaths(() => detectConflicts(subject, JSON.parse('{"changes":[],"__proto__":{"x":1}}')))).toEqual(['']);
  });

  it('does not mutate its inputs', () => {
    const context = { ...none, changes: [change('o', MONDAY + 10 * H, MONDAY + 11 * H, { ciIds: ['app'] })] };
    const copy = JSON.parse(JSON.stringify({ subject, context }));
    detectConflicts(subject, context);
    expect(JSON.parse(JSON.stringify({ subject, context }))).toEqual(copy);
  });
});
