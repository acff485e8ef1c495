import { describe, expect, it } from 'vitest';
import { createChangeWorkflow, type ChangeCommandInput } from 'itsm-kit/change';
import { isItsmValidationError, type Actor, type Change } from 'itsm-kit/models';

const dev: Actor = { id: 'u-dev', roles: ['agent'], groups: ['ops'] };
const cm: Actor = { id: 'u-cm', roles: ['change_manager'], groups: [] };
const cab: Actor = { id: 'u-cab1', roles: ['approver'], groups: ['cab'] };

function start(options: Parameters<typeof createChangeWorkflow>[0]) {
  const changes = createChangeWorkflow(options);
  const created = changes.create(
    { id: 'chg-1', number: 'CHG1', type: 'normal', shortDescription: 'Patch db-1', requestedBy: 'u-dev', assignmentGroup: 'ops', assignedTo: 'u-ops', impact: 2, probability: 'medium', ciIds: ['db-1'] },
    { actor: dev, now: '2026-11-23T08:00:00Z' },
  );
  if (!created.ok) throw new Error(created.error.message);
  let record: Change = created.record;
  let minute = 0;
  const send = (command: ChangeCommandInput, actor: Actor) => {
    minute += 1;
    const out = changes.apply(record, command, { actor, now: Date.parse('2026-11-23T08:00:00Z') + minute * 60_000 });
    if (out.ok) record = out.record;
    return out;
  };
  return { send, get record() { return record; } };
}

describe('configurable change rules', () => {
  it('rejectTo: new by default (ServiceNow), canceled when configured', () => {
    for (const [rejectTo, expected] of [[undefined, 'new'], ['canceled', 'canceled']] as const) {
      const c = start(rejectTo === undefined ? {} : { rejectTo });
      c.send({ type: 'submit' }, dev);
      c.send({ type: 'request_approval' }, cm);
      expect(c.record.state).toBe('authorize');
      const out = c.send({ type: 'reject', reason: 'No backout plan' }, cab);
      expect(out.ok).toBe(true);
      expect(c.record.state).toBe(expected);
    }
  });

  it('cancelStates: by default every state before review; a narrower list refuses the others', () => {
    const wide = start({});
    wide.send({ type: 'submit' }, dev);
    expect(wide.send({ type: 'cancel', reason: 'obsolete' }, cm).ok).toBe(true);
    expect(wide.record.state).toBe('canceled');

    const narrow = start({ cancelStates: ['new'] });
    narrow.send({ type: 'submit' }, dev);
    expect(narrow.record.state).toBe('assess');
    const refused = narrow.send({ type: 'cancel', reason: 'obsolete' }, cm);
    expect(refused.ok ? 'ok' : refused.error.code).toBe('guard-failed');
    expect(narrow.record.state).toBe('assess');
  });

  it('refuses cancel states after implement, naming the field', () => {
    try {
      createChangeWorkflow({ cancelStates: ['review' as never] });
      expect.unreachable();
    } catch (e) {
      expect(isItsmValidationError(e) && e.issues[0]?.path).toBe('cancelStates.0');
    }
  });
});
