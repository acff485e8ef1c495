import type { z } from 'zod';
import { ItsmValidationError } from '../_lib/errors';
import { toValidationIssues } from '../_lib/zod-issues';
import { SlaPolicyDefinitionSchema, type SlaPolicyDefinition } from './policy-schema';

/**
 * Parses a policy definition, or throws {@link ItsmValidationError}. When a condition matches none of
 * the condition shapes, zod reports one "invalid input" for the whole union; this reports instead the
 * issues of the shape the input came closest to (the fewest and deepest issues), so the error names
 * the actual bad field, e.g. `start.any.0.value`.
 */
export function parsePolicyDefinition(input: unknown, subject: string): SlaPolicyDefinition {
  const result = SlaPolicyDefinitionSchema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  throw new ItsmValidationError(subject, toValidationIssues(result.error.issues.flatMap((i) => closestIssues(i, i.path))));
}

function closestIssues(issue: z.core.$ZodIssue, prefix: readonly PropertyKey[]): z.core.$ZodIssue[] {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [{ ...issue, path: [...prefix] }];
  const candidates = issue.errors.map((branch) =>
    branch.flatMap((inner) => closestIssues(inner, [...prefix, ...inner.path])),
  );
  const score = (list: z.core.$ZodIssue[]): number => {
    const unknownKeys = list.some((i) => i.code === 'unrecognized_keys' && i.path.length === prefix.length);
    const depth = Math.max(...list.map((i) => i.path.length));
    return (unknownKeys ? 1_000 : 0) + list.length * 10 - depth;
  };
  let best = candidates[0] as z.core.$ZodIssue[];
  for (const c of candidates) if (score(c) < score(best)) best = c;
  return best;
}
