import { getSimplePaths } from '@xstate/graph';
import { describe, expect, it } from 'vitest';
import { createIncidentWorkflow, type IncidentMachineEvent } from 'itsm-kit/incident';
import type { Incident } from 'itsm-kit/models';

const at = '2026-12-01T00:00:00.000Z';
const agent = { id: 'u-agent', roles: ['agent'], groups: ['sd'] };
const caller = { id: 'u-caller', roles: ['caller'], groups: [] };
const events: IncidentMachineEvent[] = [
  { type: 'start', actor: agent, at },
  { type: 'hold', reason: 'awaiting_caller', actor: agent, at },
  { type: 'resume', actor: agent, at },
  { type: 'comment', text: 'here you go', actor: caller, at },
  { type: 'resolve', code: 'solution_provided', notes: 'fixed', actor: agent, at },
  { type: 'resolve', code: 'duplicate', notes: '', actor: agent, at },
  { type: 'reopen', reason: 'again', actor: caller, at },
  { type: 'close', actor: caller, at },
  { type: 'auto_close', actor: { id: 'system', roles: [], groups: [] }, at },
  { type: 'cancel', reason: 'mistake', actor: agent, at },
  { type: 'update', impact: 1, actor: agent, at },
];
const record: Incident = {
  id: 'inc-1', number: 'INC1', shortDescription: 'Mail', callerId: 'u-caller', impact: 2, urgency: 2, priority: 3, state: 'new',
  majorIncident: false, reopenCount: 0, openedAt: '2026-11-23T08:00:00.000Z', updatedAt: '2026-11-23T08:00:00.000Z', problemIds: [], changeIds: [], alertIds: [],
};

describe('incident machine paths (@xstate/graph)', () => {
  const { machine } = createIncidentWorkflow();
  const paths = getSimplePaths(machine, {
    input: { record },
    events,
    serializeState: (s) => JSON.stringify([s.value, s.context.record.resolutionCode ?? null, s.context.record.onHoldReason ?? null, s.context.record.priority, s.context.record.reopenCount > 0]),
  });

  it('reaches every state', () => {
    const reached = new Set(paths.map((p) => p.state.value));
    expect([...reached].sort()).toEqual(['canceled', 'closed', 'in_progress', 'new', 'on_hold', 'resolved']);
  });

  it('no path reaches closed without a resolution code, and record.state always equals the machine state', () => {
    for (const path of paths) {
      for (const step of path.steps) {
        expect(step.state.context.record.state).toBe(step.state.value);
        if (step.state.value === 'closed' || step.state.value === 'resolved') {
          expect(step.state.context.record.resolutionCode).toBeDefined();
          expect(step.state.context.record.resolutionNotes?.trim()).toBeTruthy();
        }
        if (step.state.value === 'on_hold') expect(step.state.context.record.onHoldReason).toBeDefined();
        else expect(step.state.context.record.onHoldReason).toBeUndefined();
      }
    }
  });

  it('no path reopens a closed incident', () => {
    for (const path of paths) {
      const closedAt = path.steps.findIndex((s) => s.state.value === 'closed');
      if (closedAt >= 0) expect(path.steps.slice(closedAt).every((s) => s.state.value === 'closed')).toBe(true);
    }
  });
});

describe('the incident machine in a host actor', () => {
  it('runs as it is with createActor', async () => {
    const { createActor } = await import('xstate');
    const { machine } = createIncidentWorkflow();
    const actor = createActor(machine, { input: { record } }).start();
    actor.send({ type: 'start', actor: agent, at });
    actor.send({ type: 'resolve', code: 'solution_provided', notes: '', actor: agent, at });
    expect(actor.getSnapshot().value).toBe('in_progress');
    actor.send({ type: 'resolve', code: 'solution_provided', notes: 'done', actor: agent, at });
    expect(actor.getSnapshot().context.record).toMatchObject({ state: 'resolved', resolvedBy: 'u-agent', acknowledgedAt: at });
    actor.stop();
  });
});
