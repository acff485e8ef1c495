import { z } from 'zod';
import { ItsmValidationError } from '../_lib/errors';
import { parseOrThrow } from '../_lib/zod-issues';
import type { Priority } from './levels';

/**
 * A priority matrix: `matrix[impact - 1][urgency - 1]` is the priority (1..5). Rectangular, 1 to 10
 * impact levels by 1 to 10 urgency levels, so GLPI's 5x5 and iTop's 3x4 fit as well as the standard 3x3.
 *
 * @example
 * PriorityMatrixSchema.parse([[1, 2], [2, 3]])
 */
export const PriorityMatrixSchema = z
  .array(z.array(z.int().min(1, 'a priority is 1..5').max(5, 'a priority is 1..5')).min(1, 'a row needs at least one urgency level').max(10, 'at most 10 urgency levels'))
  .min(1, 'needs at least one impact level')
  .max(10, 'at most 10 impact levels')
  .superRefine((rows, ctx) => {
    const width = rows[0]?.length ?? 0;
    rows.forEach((row, i) => {
      if (row.length !== width) ctx.addIssue({ code: 'custom', path: [i], message: `every row needs ${width} urgency levels, like row 0` });
    });
  });

/** A priority matrix (rows are impact levels, columns urgency levels). @example const m: PriorityMatrix = [[1, 2], [2, 3]]; */
export type PriorityMatrix = z.infer<typeof PriorityMatrixSchema>;

/**
 * The standard 3x3 matrix used by ServiceNow and BMC: `priority = impact + urgency - 1`.
 *
 * @example
 * DEFAULT_PRIORITY_MATRIX[0][0] //=> 1
 */
export const DEFAULT_PRIORITY_MATRIX: PriorityMatrix = [
  [1, 2, 3],
  [2, 3, 4],
  [3, 4, 5],
];

const validated = new WeakSet<object>([DEFAULT_PRIORITY_MATRIX]);

/**
 * The priority for an impact and an urgency, from the standard 3x3 matrix or a custom one (validated;
 * an invalid matrix or an out-of-range level throws {@link ItsmValidationError}).
 *
 * @example
 * priorityOf(1, 1) //=> 1
 * priorityOf(2, 3) //=> 4
 * priorityOf(1, 2, [[1, 1], [2, 3]]) //=> 1
 */
export function priorityOf(impact: number, urgency: number, matrix: PriorityMatrix = DEFAULT_PRIORITY_MATRIX): Priority {
  if (!validated.has(matrix)) {
    parseOrThrow(PriorityMatrixSchema, 'priority matrix', matrix);
    validated.add(matrix);
  }
  const row = Number.isInteger(impact) ? matrix[impact - 1] : undefined;
  if (!row) throw ItsmValidationError.at('priority input', ['impact'], `must be an integer from 1 to ${matrix.length}`);
  const value = Number.isInteger(urgency) ? row[urgency - 1] : undefined;
  if (value === undefined) throw ItsmValidationError.at('priority input', ['urgency'], `must be an integer from 1 to ${row.length}`);
  // The matrix was validated when first seen; re-check the cell in case the host mutated it since.
  if (!Number.isInteger(value) || value < 1 || value > 5) {
    throw ItsmValidationError.at('priority matrix', [impact - 1, urgency - 1], 'a priority is 1..5');
  }
  return value as Priority;
}
