import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createIncidentWorkflow, type IncidentCommandInput } from 'itsm-kit/incident';
import { priorityOf, type Incident } from 'itsm-kit/models';
import { deepFreeze, roundTrip } from '../_workflows/freeze';

const actors = [
  { id: 'u-caller', roles: ['caller'], groups: [] },
  { id: 'u-agent', roles: ['agent'], groups: ['sd'] },
  { id: 'u-res', roles: ['resolver'], groups: ['net'] },
  { id: 'u-admin', roles: ['admin'], groups: [] },
];
const level = fc.constantFrom(1 as const, 2 as const, 3 as const);
const command: fc.Arbitrary<IncidentCommandInput> = fc.oneof(
  fc.constant({ type: 'start' as const }),
  fc.constantFrom('awaiting_caller', 'awaiting_change', 'awaiting_problem', 'awaiting_vendor').map((reason) => ({ type: 'hold' as const, reason })),
  fc.constant({ type: 'resume' as const }),
  fc.constantFrom('solution_provided', 'duplicate', 'known_error').chain((code) => fc.constantFrom('', 'fixed').map((notes) => ({ type: 'resolve' as const, code, notes }))),
  fc.constant({ type: 'reopen' as const, reason: 'again' }),
  fc.constant({ type: 'close' as const }),
  fc.constant({ type: 'cancel' as const, reason: 'mistake' }),
  fc.record({ impact: level, urgency: level }, { requiredKeys: [] }).map((f) => ({ type: 'update' as const, ...f, description: 'x' })),
  fc.constant({ type: 'comment' as const, text: 'hello' }),
  fc.constantFrom('awaiting_caller', 'awaiting_problem').map((reason) => ({ type: 'assign' as const, assignmentGroup: reason === 'awaiting_caller' ? 'sd' : 'net' })),
  fc.constant({ type: 'link' as const, changeId: 'chg-1' }),
);
const step = fc.record({ command, actor: fc.constantFrom(...actors), gapMs: fc.integer({ min: 0, max: 3 * 86_400_000 }), tick: fc.boolean() });

describe('incident command sequences (fast-check)', () => {
  const incidents = createIncidentWorkflow();
  it('keep the rules, never mutate, and round-trip through JSON between any two commands', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), fc.boolean(), (steps, major) => {
        let now = Date.parse('2026-11-23T08:00:00Z');
        const created = incidents.create(
          { id: 'inc-1', number: 'INC1', shortDescription: 'Mail', callerId: 'u-caller', impact: 2, urgency: 3, majorIncident: major, assignmentGroup: 'sd' },
          { actor: actors[1]!, now },
        );
        if (!created.ok) throw new Error(created.error.message);
        let record = created.record;
        let lastReopens = 0;
        for (const s of steps) {
          now += s.gapMs;
          const stored = deepFreeze(roundTrip(record));
          expect(stored).toEqual(record);
          const out = s.tick ? incidents.tick(stored, now) : incidents.apply(stored, s.command, { actor: s.actor, now });
          // The same command on the JSON copy gives the same outcome.
          const again = s.tick ? incidents.tick(roundTrip(stored), now) : incidents.apply(roundTrip(stored), s.command, { actor: s.actor, now });
          expect(roundTrip(again)).toEqual(roundTrip(out));
          if (!out.ok) continue;
          const next = out.record;
          expect(next.priority).toBe(priorityOf(next.impact, next.urgency));
          if (next.state === 'closed') expect(next.resolutionCode).toBeDefined();
          if (stored.state === 'closed' || stored.state === 'canceled') expect(out.audit).toEqual([]);
          if (s.tick && out.audit.length > 0) expect(major).toBe(false);
          expect(next.reopenCount).toBeGreaterThanOrEqual(lastReopens);
          if (next.reopenCount > lastReopens) expect([next.reopenedBy, next.reopenedAt]).toEqual([s.actor.id, new Date(now).toISOString()]);
          lastReopens = next.reopenCount;
          const priorityEntries = out.audit.filter((a) => a.event === 'priority-changed');
          expect(priorityEntries.length).toBe(stored.priority === next.priority ? 0 : 1);
          record = next;
        }
      }),
      { numRuns: 150 },
    );
  });
});
