import { z } from 'zod';
import { ItsmValidationError } from './errors';
import { requireArray, requireObject } from './hardening-options';
import { IsoTimestampSchema } from '../models/primitives';
import type { AuditEntry } from './workflow-types';

/**
 * One point of an SLA timeline: the whole record as it stood from `at` on. The shape
 * `evaluateSla(policy, timeline, now)` of `itsm-kit/sla` consumes.
 *
 * @example
 * const point: SlaTimelineEntry = { at: '2026-11-23T08:00:00.000Z', record: { state: 'new', priority: 3 } };
 */
export interface SlaTimelineEntry {
  readonly at: string;
  readonly record: Record<string, unknown>;
}

const MAX_ENTRIES = 100_000;

/** Keeps the last record of each instant, in time order (stable for equal instants). */
function collapse(points: Array<{ at: string; ms: number; record: Record<string, unknown> }>): SlaTimelineEntry[] {
  const sorted = points.map((p, i) => ({ ...p, i })).sort((a, b) => a.ms - b.ms || a.i - b.i);
  const out: SlaTimelineEntry[] = [];
  for (let k = 0; k < sorted.length; k++) {
    const p = sorted[k]!;
    const nextSame = k + 1 < sorted.length && sorted[k + 1]!.ms === p.ms;
    if (!nextSame) out.push({ at: new Date(p.ms).toISOString(), record: p.record });
  }
  return out;
}

function instant(value: unknown, path: Array<string | number>): number {
  const parsed = IsoTimestampSchema.safeParse(value);
  if (!parsed.success) throw ItsmValidationError.at('sla timeline', path, 'must be an ISO-8601 UTC timestamp');
  return Date.parse(parsed.data);
}

const RecordListSchema = z.array(z.record(z.string(), z.unknown())).max(MAX_ENTRIES, `at most ${MAX_ENTRIES} records`);

/**
 * Turns stored versions of one record (incident, problem or change; any order) into an SLA timeline:
 * each version counts from its `updatedAt` on; versions with the same `updatedAt` keep the last given.
 * Throws {@link ItsmValidationError} naming the version whose `updatedAt` is missing or invalid.
 *
 * @example
 * slaTimeline([v2, v1]) //=> [{ at: v1.updatedAt, record: v1 }, { at: v2.updatedAt, record: v2 }]
 * evaluateSla(policy, slaTimeline(versions), now)
 */
export function slaTimeline(records: ReadonlyArray<Readonly<Record<string, unknown>>>): SlaTimelineEntry[] {
  const list = RecordListSchema.safeParse(records);
  if (!list.success) throw ItsmValidationError.at('sla timeline', [], list.error.issues[0]?.message ?? 'must be an array of records');
  return collapse(list.data.map((record, i) => ({ at: '', ms: instant(record['updatedAt'], [i, 'updatedAt']), record })));
}

/** Audit entry `i`, checked for what replaying it reads: an object whose `changes` name their fields. */
function checkedEntry(entry: AuditEntry, i: number): AuditEntry {
  requireObject(entry, 'sla timeline', ['audit', i], 'an audit entry');
  requireArray(entry.changes, 'sla timeline', ['audit', i, 'changes'], 'an array of field changes');
  entry.changes.forEach((change, j) => {
    if (typeof requireObject(change, 'sla timeline', ['audit', i, 'changes', j]).field !== 'string') {
      throw ItsmValidationError.at('sla timeline', ['audit', i, 'changes', j, 'field'], 'must be a string');
    }
  });
  return entry;
}

function applyChanges(record: Record<string, unknown>, entry: AuditEntry): Record<string, unknown> {
  const next: Record<string, unknown> = { ...record, updatedAt: entry.at };
  for (const change of entry.changes) {
    if (change.field === '__proto__' || change.field === 'constructor' || change.field === 'prototype') continue;
    if (change.after === undefined) delete next[change.field];
    else next[change.field] = change.after;
  }
  return next;
}

/**
 * Replays audit entries onto the record as first created (the `record` of `create`'s outcome) and
 * returns the SLA timeline: the initial record from its `openedAt` (or `updatedAt`), then the record
 * after each entry from the entry's `at`. Entries are applied in the order given (the order the
 * workflow returned them); entries at the same instant collapse to the last. The audit may include
 * the `created` entry; replaying it changes nothing.
 *
 * @example
 * const created = incidents.create(input, ctx);           // ok
 * const resolved = incidents.apply(created.record, cmd, ctx2);
 * slaTimelineFromAudit(created.record, [...created.audit, ...resolved.audit]) // 2 points
 */
export function slaTimelineFromAudit(initial: Readonly<Record<string, unknown>>, audit: readonly AuditEntry[]): SlaTimelineEntry[] {
  requireObject(initial, 'sla timeline', ['initial'], 'a record object');
  requireArray(audit, 'sla timeline', ['audit'], 'an array of audit entries');
  if (audit.length > MAX_ENTRIES) throw ItsmValidationError.at('sla timeline', ['audit'], `at most ${MAX_ENTRIES} entries`);
  const start = initial['openedAt'] ?? initial['updatedAt'];
  const points: Array<{ at: string; ms: number; record: Record<string, unknown> }> = [
    { at: '', ms: instant(start, ['initial', initial['openedAt'] === undefined ? 'updatedAt' : 'openedAt']), record: { ...initial } },
  ];
  let current: Record<string, unknown> = { ...initial };
  audit.forEach((entry, i) => {
    current = applyChanges(current, checkedEntry(entry, i));
    points.push({ at: '', ms: instant(entry.at, ['audit', i, 'at']), record: current });
  });
  return collapse(points);
}
