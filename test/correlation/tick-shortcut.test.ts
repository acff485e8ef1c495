import { describe, expect, it } from 'vitest';
import { createCorrelator, type CorrelatorState } from 'itsm-kit/correlation';
import { alert, min, resolved } from './_helpers';

const c = createCorrelator({ rules: [{ id: 'svc', groupBy: ['service'], resolveAfter: '5m' }] });
const l = { alertname: 'Down', service: 'orders' };

describe('a tick before nextTickAt', () => {
  it('returns at once with the state it was given; at nextTickAt it does the work', () => {
    const out = c.ingest(c.initialState(), [alert('1', l, 0), resolved('2', l, 0, 2)], min(2));
    expect(out.nextTickAt).toBe(min(7));
    const early = c.tick(out.state, min(7) - 1);
    expect(early).toEqual({ state: out.state, decisions: [], nextTickAt: min(7) });
    expect(early.state).toBe(out.state);
    expect(c.tick(out.state, min(7)).decisions.map((d) => d.type)).toEqual(['resolve-incident']);
    const empty = c.initialState();
    expect(c.tick(empty, min(100)).state).toBe(empty);
  });

  it('refuses a state whose next is neither null nor an instant, naming state.next', () => {
    const state = c.ingest(c.initialState(), alert('1', l, 0), min(0)).state;
    for (const next of ['soon', Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => c.tick({ ...state, next } as unknown as CorrelatorState, min(1))).toThrow(/state\.next: must be null or an instant in epoch ms/);
    }
  });
});
