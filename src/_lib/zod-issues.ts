import type { z } from 'zod';
import type { ValidationIssue } from './errors';
import { ItsmValidationError } from './errors';

/** Turns zod's issues into itsm-kit's plain-words issues with dotted paths. */
export function toValidationIssues(issues: readonly z.core.$ZodIssue[]): ValidationIssue[] {
  return issues.map((issue) => {
    const segments = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    return { path: segments.join('.'), segments, message: plainMessage(issue), code: issue.code };
  });
}

function plainMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined) return 'required';
  if (issue.code === 'unrecognized_keys') return `unknown field(s): ${issue.keys.join(', ')}`;
  if (issue.code === 'invalid_key') {
    const inner = issue.issues.map((i) => i.message).join('; ');
    return `invalid name: ${inner}`;
  }
  return issue.message;
}

/** The `{ ok, value | error }` result every `parseX` function returns. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: ItsmValidationError };

/** Runs `schema.safeParse` and maps the outcome onto a {@link ParseResult}. */
export function safeParseWith<S extends z.ZodType>(schema: S, subject: string, input: unknown): ParseResult<z.output<S>> {
  const r = schema.safeParse(input, { reportInput: true });
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, error: new ItsmValidationError(subject, toValidationIssues(r.error.issues)) };
}

/** Like {@link safeParseWith} but throws the {@link ItsmValidationError}. */
export function parseOrThrow<S extends z.ZodType>(schema: S, subject: string, input: unknown): z.output<S> {
  const r = safeParseWith(schema, subject, input);
  if (!r.ok) throw r.error;
  return r.value;
}
