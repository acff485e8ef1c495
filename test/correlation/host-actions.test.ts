import { describe, expect, it } from 'vitest';
import { createCorrelator, type Decision } from 'itsm-kit/correlation';
import { ItsmValidationError } from 'itsm-kit';
import { alert, min, resolved, types } from './_helpers';

const l = (host: string) => ({ alertname: 'Down', service: 'orders', host });

function keyOf(decisions: readonly Decision[]): string {
  const opened = decisions.find((d) => d.type === 'open-incident');
  if (opened?.type !== 'open-incident') throw new Error('no incident opened');
  return opened.incidentKey;
}

describe('incidents resolved and closed by the host', () => {
  const c = createCorrelator({ rules: [{ id: 'svc', groupBy: ['service'], reopenWithin: '30m', resolveWhen: 'never' }] });
  const opened = c.ingest(c.initialState(), [alert('1', l('a'), 0), alert('2', l('b'), 1)], min(1));
  const key = keyOf(opened.decisions);

  it('a resolved incident takes no new alert: one within reopenWithin reopens it, a later one opens a new incident (Keep #2481)', () => {
    const out = c.resolveIncident(opened.state, key, min(10));
    expect(out.outcome).toBe('resolved');
    expect(out.decisions).toEqual([{ type: 'resolve-incident', incidentKey: key, ruleId: 'svc', alertIds: [], at: min(10), by: 'host' }]);
    expect(out.state.open).toBe(0);
    expect(out.state).not.toBe(opened.state);
    const soon = c.ingest(out.state, alert('3', l('c'), 20), min(20));
    expect(soon.decisions).toMatchObject([{ type: 'reopen-incident', incidentKey: key }, { type: 'attach-alert', incidentKey: key, alertId: '3' }]);
    const late = c.ingest(out.state, alert('4', l('c'), 50), min(50));
    expect(types(late.decisions)).toEqual(['open-incident']);
    expect(keyOf(late.decisions)).not.toBe(key);
  });

  it('a closed incident is never reopened: the next alert of its identity opens a new one', () => {
    const out = c.closeIncident(opened.state, key, min(10));
    expect(out.outcome).toBe('closed');
    expect(types(out.decisions)).toEqual(['resolve-incident']);
    const soon = c.ingest(out.state, alert('3', l('c'), 20), min(20));
    expect(types(soon.decisions)).toEqual(['open-incident']);
    expect(keyOf(soon.decisions)).not.toBe(key);
    // Closing an incident the host resolved before makes no second resolve.
    const resolvedFirst = c.resolveIncident(opened.state, key, min(10)).state;
    const closed = c.closeIncident(resolvedFirst, key, min(12));
    expect(closed.outcome).toBe('closed');
    expect(closed.decisions).toEqual([]);
    expect(types(c.ingest(closed.state, alert('3', l('c'), 20), min(20)).decisions)).toEqual(['open-incident']);
  });

  it('alerts still firing stay with the resolved incident: their repeats name it, and one that fires again after resolving reopens it', () => {
    const s = c.resolveIncident(opened.state, key, min(10)).state;
    const repeat = c.ingest(s, alert('5', l('a'), 0), min(12));
    expect(repeat.decisions).toMatchObject([{ type: 'deduplicated', alertId: '5', incidentKeys: [key], stale: false }]);
    const refired = c.ingest(repeat.state, [resolved('6', l('a'), 0, 14), alert('7', l('a'), 15)], min(15));
    expect(types(refired.decisions)).toEqual(['alert-resolved', 'reopen-incident', 'attach-alert']);
  });

  it('says what it found when there is nothing to do, and leaves the state as it was', () => {
    const s = c.resolveIncident(opened.state, key, min(10)).state;
    const cases: Array<[ReturnType<typeof c.resolveIncident>, string]> = [
      [c.resolveIncident(s, key, min(11)), 'already-resolved'],
      [c.closeIncident(c.closeIncident(s, key, min(11)).state, key, min(12)), 'already-closed'],
      [c.resolveIncident(c.closeIncident(s, key, min(11)).state, key, min(12)), 'already-closed'],
      [c.resolveIncident(s, 'svc#999', min(11)), 'unknown'],
      [c.closeIncident(s, 'no such key', min(11)), 'unknown'],
    ];
    for (const [out, outcome] of cases) {
      expect(out.outcome).toBe(outcome);
      expect(out.decisions).toEqual([]);
    }
    expect(cases[0]![0].state).toBe(s);
    expect(cases[3]![0].state).toBe(s);
  });

  it('a pending group has no incident yet: it is left to open', () => {
    const waiting = createCorrelator({ rules: [{ id: 'svc', groupBy: ['service'], groupWait: '5m' }] });
    const pending = waiting.ingest(waiting.initialState(), alert('1', l('a'), 0), min(0));
    const groupKey = pending.decisions[0]?.type === 'pending' ? pending.decisions[0].groupKey : '';
    const out = waiting.closeIncident(pending.state, groupKey, min(1));
    expect(out.outcome).toBe('pending');
    expect(types(waiting.tick(out.state, min(5)).decisions)).toEqual(['open-incident']);
  });

  it('a resolved incident is forgotten past retention and reopenWithin, when nextTickAt says', () => {
    const out = c.resolveIncident(opened.state, key, min(10));
    const forgetAt = min(10) + 24 * 3_600_000;
    expect(out.nextTickAt).toBe(forgetAt);
    expect(c.resolveIncident(c.tick(out.state, forgetAt).state, key, forgetAt).outcome).toBe('unknown');
  });

  it('refuses a key that is not a string of 1 to 140 characters, naming incidentKey', () => {
    for (const bad of ['', 'x'.repeat(141), 42 as unknown as string]) {
      expect(() => c.resolveIncident(opened.state, bad, min(10))).toThrow(ItsmValidationError);
    }
    expect(() => c.closeIncident(opened.state, '', min(10))).toThrow(/incidentKey: must be a string of 1 to 140 characters/);
    expect(() => c.closeIncident(opened.state, key, Number.NaN)).toThrow(/now/);
  });
});

describe('incidents reopened by the host', () => {
  const c = createCorrelator({ rules: [{ id: 'svc', groupBy: ['service'], window: '10m' }], retention: '2h', flapping: { enabled: false } });
  const opened = c.ingest(c.initialState(), [alert('1', l('a'), 0), resolved('2', l('a'), 0, 5)], min(5));
  const key = keyOf(opened.decisions);

  it('a resolved incident opens again and takes alerts of its identity for window from the reopen', () => {
    expect(types(opened.decisions)).toEqual(['open-incident', 'alert-resolved', 'resolve-incident']);
    const out = c.reopenIncident(opened.state, key, min(60));
    expect(out.outcome).toBe('reopened');
    expect(out.decisions).toEqual([{ type: 'reopen-incident', incidentKey: key, ruleId: 'svc', alertIds: [], at: min(60), by: 'host' }]);
    expect(out.state.open).toBe(1);
    expect(c.getGroup(out.state, key)).toMatchObject({ status: 'open', firstAlertAt: min(0), lastAlertAt: min(60), resolvedAt: null, firingCount: 0 });
    // An hour after its last alert, far past its 10-minute window: it takes the alert all the same.
    const joined = c.ingest(out.state, alert('3', l('b'), 65), min(65));
    expect(joined.decisions).toMatchObject([{ type: 'attach-alert', incidentKey: key, alertId: '3' }]);
    // Past window from the reopen, the next alert opens a new incident.
    expect(keyOf(c.ingest(out.state, alert('3', l('b'), 71), min(71)).decisions)).not.toBe(key);
    // It resolves again as the alerts that joined it do.
    expect(c.ingest(joined.state, resolved('4', l('b'), 65, 70), min(70)).decisions).toMatchObject([{ type: 'alert-resolved' }, { type: 'resolve-incident', incidentKey: key, at: min(70) }]);
  });

  it('with nothing firing it stays open until retention after the reopen, then is forgotten with forget-incident', () => {
    const out = c.reopenIncident(opened.state, key, min(60));
    // First its resolved alert's fingerprint is forgotten (retention after 5), then the incident.
    expect(out.nextTickAt).toBe(min(125));
    const quiet = c.tick(out.state, min(179));
    expect([quiet.decisions, quiet.nextTickAt]).toEqual([[], min(180)]);
    expect(c.tick(out.state, min(180)).decisions).toEqual([{ type: 'forget-incident', incidentKey: key, ruleId: 'svc', alertIds: [], at: min(180) }]);
    // Or the host resolves it again.
    expect(c.resolveIncident(out.state, key, min(90)).decisions).toMatchObject([{ type: 'resolve-incident', incidentKey: key, by: 'host', at: min(90) }]);
  });

  it('an open, closed, pending or unknown incident stays as it is, and the outcome says why', () => {
    const reopened = c.reopenIncident(opened.state, key, min(60)).state;
    const closed = c.closeIncident(opened.state, key, min(60)).state;
    const waiting = createCorrelator({ rules: [{ id: 'svc', groupWait: '5m' }] });
    const pending = waiting.ingest(waiting.initialState(), alert('1', l('a'), 0), min(0));
    const cases: Array<[ReturnType<typeof c.reopenIncident>, string, object]> = [
      [c.reopenIncident(reopened, key, min(61)), 'already-open', reopened],
      [c.reopenIncident(closed, key, min(61)), 'already-closed', closed],
      [waiting.reopenIncident(pending.state, 'svc#1', min(1)), 'pending', pending.state],
      [c.reopenIncident(opened.state, 'svc#999', min(61)), 'unknown', opened.state],
    ];
    for (const [out, outcome, state] of cases) {
      expect([out.outcome, out.decisions]).toEqual([outcome, []]);
      expect(out.state).toBe(state);
    }
    expect(() => c.reopenIncident(opened.state, '', min(61))).toThrow(/incidentKey: must be a string of 1 to 140 characters/);
  });
});
