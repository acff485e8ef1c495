import { z } from 'zod';
import { DEFAULT_PRIORITY_MATRIX, PriorityMatrixSchema } from '../models/priority';
import { PermissionPolicySchema } from '../_lib/workflow-permissions';
import { DEFAULT_PROBLEM_PERMISSIONS } from './permissions';

/**
 * Options of {@link createProblemWorkflow}, all plain JSON:
 * - `priorityMatrix`: impact x urgency -> priority (at least 3x3);
 * - `requireRootCauseToFix`: `fix` needs a recorded root cause (default true);
 * - `requireResolutionNotes`: `resolve` needs non-empty notes (default true);
 * - `duplicateCloses`: `mark_duplicate` goes straight to `closed` (ServiceNow; default true) rather than `resolved`;
 * - `resolveLinkedIncidents`: resolving with `fix_applied` returns follow-ups resolving the linked incidents
 *   on hold `awaiting_problem` (default true);
 * - `permissions`: the permission policy (default {@link DEFAULT_PROBLEM_PERMISSIONS}).
 *
 * @example
 * ProblemWorkflowOptionsSchema.parse({ duplicateCloses: false })
 */
export const ProblemWorkflowOptionsSchema = z.strictObject({
  priorityMatrix: PriorityMatrixSchema.refine((m) => m.length >= 3 && (m[0]?.length ?? 0) >= 3, 'must cover impact and urgency 1..3')
    .default(DEFAULT_PRIORITY_MATRIX),
  requireRootCauseToFix: z.boolean().default(true),
  requireResolutionNotes: z.boolean().default(true),
  duplicateCloses: z.boolean().default(true),
  resolveLinkedIncidents: z.boolean().default(true),
  permissions: PermissionPolicySchema.default(DEFAULT_PROBLEM_PERMISSIONS),
});
/** Validated problem workflow options. @example const o: ProblemWorkflowOptions = ProblemWorkflowOptionsSchema.parse({}); */
export type ProblemWorkflowOptions = z.infer<typeof ProblemWorkflowOptionsSchema>;
/** What {@link createProblemWorkflow} accepts. @example const o: ProblemWorkflowOptionsInput = { duplicateCloses: false }; */
export type ProblemWorkflowOptionsInput = z.input<typeof ProblemWorkflowOptionsSchema>;
