import { describe, expectTypeOf, it } from 'vitest';
import { createIncidentWorkflow, type IncidentCommandInput, type IncidentMachineEvent } from 'itsm-kit/incident';
import type { Incident } from 'itsm-kit/models';

declare const incident: Incident;
const ctx = { actor: { id: 'u', roles: ['agent'], groups: [] }, now: 0 };
const incidents = createIncidentWorkflow();

describe('incident command types', () => {
  it('accept well-formed commands', () => {
    incidents.apply(incident, { type: 'resolve', code: 'solution_provided', notes: 'ok' }, ctx);
    incidents.apply(incident, { type: 'hold', reason: 'awaiting_vendor' }, ctx);
    expectTypeOf(incidents.allowed(incident, ctx.actor, 0)).toEqualTypeOf<IncidentCommandInput['type'][]>();
  });

  it('reject wrong payloads at compile time', () => {
    // @ts-expect-error an unknown resolution code
    incidents.apply(incident, { type: 'resolve', code: 'fixed', notes: 'ok' }, ctx);
    // @ts-expect-error resolve needs notes
    incidents.apply(incident, { type: 'resolve', code: 'solution_provided' }, ctx);
    // @ts-expect-error hold needs a reason from the list
    incidents.apply(incident, { type: 'hold', reason: 'lunch' }, ctx);
    // @ts-expect-error an unknown command
    incidents.apply(incident, { type: 'escalate' }, ctx);
    // @ts-expect-error impact is 1..3
    incidents.apply(incident, { type: 'update', impact: 4 }, ctx);
  });

  it('types the machine events', () => {
    expectTypeOf<Extract<IncidentMachineEvent, { type: 'reopen' }>['reason']>().toEqualTypeOf<string>();
    // @ts-expect-error the machine has no such event
    const e: IncidentMachineEvent = { type: 'escalate', actor: ctx.actor, at: '' };
    void e;
  });
});
