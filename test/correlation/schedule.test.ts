/**
 * The correlator's schedule (derived data kept per returned state, so that a tick reads only what is
 * due) against runs that parse every state from JSON, where each tick reads the state whole. The
 * random streams of properties.test.ts compare the two as well; these cover the paths they rarely
 * reach: a state used twice, a schedule rebuilt once stale entries pile up, and host actions.
 */
import { describe, expect, it } from 'vitest';
import { createCorrelator, type CorrelatorOutput, type CorrelatorState } from 'itsm-kit/correlation';
import { alert, min, resolved } from './_helpers';

const correlator = createCorrelator({
  rules: [{ id: 'svc', groupBy: ['service'], window: '10m', resolveAfter: '2m', reopenWithin: '30m' }],
  flapping: { threshold: 100, period: '1h', quietPeriod: '10m' },
  retention: '1h',
});
const labels = (n: number) => ({ alertname: 'Down', service: `s${n % 3}`, host: `h${n % 7}` });
const parse = (s: CorrelatorState) => JSON.parse(JSON.stringify(s)) as CorrelatorState;

/** One call of a scripted run: what it returned, minus the state object's identity. */
const plain = (out: CorrelatorOutput) => ({ state: JSON.stringify(out.state), decisions: out.decisions, nextTickAt: out.nextTickAt });

type Step = (state: CorrelatorState) => CorrelatorOutput;

/** Runs `steps`, passing each state on as returned (`parsed` false) or parsed from JSON. */
function script(steps: readonly Step[], parsed: boolean): ReturnType<typeof plain>[] {
  let state = correlator.initialState();
  return steps.map((step) => {
    const out = step(state);
    state = parsed ? parse(out.state) : out.state;
    return plain(out);
  });
}

const ingest = (alerts: Parameters<typeof correlator.ingest>[1], m: number): Step => (s) => correlator.ingest(s, alerts, min(m));
const tick = (m: number): Step => (s) => correlator.tick(s, min(m));

describe('the schedule a correlator keeps for the states it returns', () => {
  it('changes nothing when stale entries pile up and it is rebuilt', () => {
    // Thousands of state changes over three groups with no tick between them: far more schedule
    // entries than the state has items, so the schedule is rebuilt from the state along the way.
    // The first tick has work (the incident resolves), so it builds the schedule the ingests keep.
    // Then a quiet group whose work (resolve, forget its fingerprints) falls due only after the
    // rebuilds, and that nothing writes again: a rebuild that lost an item would leave it undone.
    const quiet = Array.from({ length: 20 }, (_, k) => ({ alertname: 'Down', service: 'quiet', host: `q${k}` }));
    const steps: Step[] = [
      ingest([alert('a0', labels(0), 0), resolved('a0', labels(0), 0, 5)], 5),
      tick(12),
      ingest(quiet.map((l, k) => alert(`q${k}`, l, 12)), 12),
      ingest(quiet.map((l, k) => resolved(`q${k}`, l, 12, 12.005)), 12.005),
    ];
    for (let i = 1; i <= 1_500; i++) {
      const m = 12 + i * 0.01;
      steps.push(ingest([resolved(`a${i}`, labels(i), m, m), alert(`b${i}`, labels(i + 1), m)], m));
    }
    for (let m = 30; m <= 200; m += 7) steps.push(tick(m));
    const kept = script(steps, false);
    const resolvedKeys = kept.flatMap((o) => o.decisions).flatMap((d) => (d.type === 'resolve-incident' ? [d.incidentKey] : []));
    expect(resolvedKeys).toContain('svc#2');
    expect(script(steps, true)).toEqual(kept);
  });

  it('is used once: a state ticked twice decides the same both times', () => {
    let state = correlator.ingest(correlator.initialState(), alert('a', labels(0), 0), min(0)).state;
    state = correlator.tick(state, min(11)).state;
    state = correlator.ingest(state, [resolved('a', labels(0), 0, 20), alert('b', labels(1), 20)], min(20)).state;
    const first = correlator.tick(state, min(45));
    const second = correlator.tick(state, min(45));
    expect(plain(second)).toEqual(plain(first));
    expect(first.decisions.map((d) => d.type)).toEqual(['resolve-incident']);
    // The first tick's state kept the schedule; the second's was read whole. They go on alike.
    expect(plain(correlator.tick(second.state, min(200)))).toEqual(plain(correlator.tick(first.state, min(200))));
  });

  it('follows host actions, whether they change the state or not', () => {
    const steps: Step[] = [
      ingest([alert('a', labels(0), 0), alert('b', labels(1), 0)], 0),
      tick(11),
      (s) => correlator.resolveIncident(s, 'svc#1', min(12)),
      (s) => correlator.resolveIncident(s, 'svc#1', min(13)),
      tick(14),
      (s) => correlator.reopenIncident(s, 'svc#1', min(15)),
      (s) => correlator.closeIncident(s, 'svc#2', min(16)),
      tick(40),
      tick(100),
      tick(200),
    ];
    const kept = script(steps, false);
    expect(kept.flatMap((o) => o.decisions).map((d) => d.type)).toContain('reopen-incident');
    expect(script(steps, true)).toEqual(kept);
  });
});
