import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PRIORITY_MATRIX, ItsmValidationError, parsePriorityMatrix, priorityOf } from 'itsm-kit/models';

describe('priorityOf with the standard matrix', () => {
  // The issue's table, written out cell by cell.
  const table: Array<[impact: number, urgency: number, priority: number]> = [
    [1, 1, 1], [1, 2, 2], [2, 1, 2],
    [1, 3, 3], [2, 2, 3], [3, 1, 3],
    [2, 3, 4], [3, 2, 4],
    [3, 3, 5],
  ];
  it.each(table)('impact %i, urgency %i -> priority %i', (impact, urgency, priority) => {
    expect(priorityOf(impact, urgency)).toBe(priority);
  });

  it('equals impact + urgency - 1 (ServiceNow and BMC)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), (i, u) => priorityOf(i, u) === i + u - 1));
  });

  it.each([[0, 1, 'impact'], [4, 1, 'impact'], [1.5, 1, 'impact'], [1, 0, 'urgency'], [1, 4, 'urgency'], [Number.NaN, 1, 'impact']])(
    'rejects impact %s urgency %s naming %s',
    (impact, urgency, field) => {
      expect(() => priorityOf(impact, urgency)).toThrowError(ItsmValidationError);
      try {
        priorityOf(impact, urgency);
      } catch (e) {
        expect((e as ItsmValidationError).issues[0]?.path).toBe(field);
      }
    },
  );
});

describe('custom matrices', () => {
  it('accepts a 5x5 GLPI-style matrix', () => {
    const glpi = Array.from({ length: 5 }, (_, i) => Array.from({ length: 5 }, (_, u) => Math.min(5, Math.max(1, Math.ceil((i + u + 1) / 2)))));
    expect(priorityOf(5, 5, glpi)).toBe(glpi[4]![4]);
    expect(priorityOf(1, 5, glpi)).toBe(glpi[0]![4]);
  });

  it('accepts a 3x4 iTop-style matrix', () => {
    const itop = [[1, 1, 2, 3], [1, 2, 3, 4], [2, 3, 4, 5]];
    expect(priorityOf(3, 4, itop)).toBe(5);
    expect(() => priorityOf(1, 5, itop)).toThrowError(/urgency: must be an integer from 1 to 4/);
  });

  it.each([
    ['ragged rows', [[1, 2], [1]], '1'],
    ['priority 6', [[6]], '0.0'],
    ['empty', [], ''],
    ['not integers', [[1.5]], '0.0'],
  ])('rejects %s naming the cell', (_d, matrix, path) => {
    const r = parsePriorityMatrix(matrix);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.issues.map((i) => i.path)).toContain(path);
    expect(() => priorityOf(1, 1, matrix as number[][])).toThrowError(ItsmValidationError);
  });

  it('does not trust a matrix mutated after first use', () => {
    const m = [[1, 2], [2, 3]];
    expect(priorityOf(1, 1, m)).toBe(1);
    m[0]![0] = 9;
    expect(() => priorityOf(1, 1, m)).toThrowError(/1\.\.5/);
  });

  it('leaves the default matrix as documented', () => {
    expect(DEFAULT_PRIORITY_MATRIX).toEqual([[1, 2, 3], [2, 3, 4], [3, 4, 5]]);
  });
});
