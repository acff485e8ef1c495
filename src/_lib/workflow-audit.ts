import type { AuditEntry, FieldChange } from './workflow-types';

/** Structural equality of JSON values. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** The fields that differ between two records, in key order, `updatedAt` left out. */
export function diffRecords(before: object | null, after: object): FieldChange[] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const changes: FieldChange[] = [];
  for (const field of keys) {
    if (field === 'updatedAt' || jsonEqual(b[field], a[field])) continue;
    const change: { field: string; before?: unknown; after?: unknown } = { field };
    if (b[field] !== undefined) change.before = b[field];
    if (a[field] !== undefined) change.after = a[field];
    changes.push(change);
  }
  return changes;
}

/** Everything in a command but its `type` and `target`, or `undefined` when nothing is left. */
export function payloadOf(command: Readonly<Record<string, unknown>>): Record<string, unknown> | undefined {
  const payload: Record<string, unknown> = {};
  for (const key of Object.keys(command)) {
    if (key !== 'type' && key !== 'target' && key !== 'actor' && key !== 'at' && command[key] !== undefined) payload[key] = command[key];
  }
  return Object.keys(payload).length > 0 ? payload : undefined;
}

/** Builds an audit entry without undefined fields. */
export function auditEntry(fields: Omit<AuditEntry, 'payload'> & { payload?: Record<string, unknown> | undefined }): AuditEntry {
  const { payload, ...rest } = fields;
  return payload ? { ...rest, payload } : rest;
}
