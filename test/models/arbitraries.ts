/** fast-check arbitraries producing inputs that the model schemas accept (and a few extra fields). */
import fc from 'fast-check';
import {
  ALERT_SEVERITIES, ALERT_STATUSES, CHANGE_CLOSE_CODES, CHANGE_RISKS, CHANGE_STATES, CHANGE_TYPES,
  INCIDENT_STATES, ON_HOLD_REASONS, PROBLEM_STATES, RESOLUTION_CODES, RELATIONSHIP_TYPES,
} from 'itsm-kit/models';

export const id = fc.string({ minLength: 1, maxLength: 20 });
export const text = fc.string({ maxLength: 60 });
export const level = fc.constantFrom(1, 2, 3);
const minTs = Date.UTC(2000, 0, 1);
const maxTs = Date.UTC(2099, 11, 31);
export const timestamp = fc.integer({ min: minTs, max: maxTs }).map((ms) => new Date(ms).toISOString());
const labelKey = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_.:/-]{0,12}$/).filter((k) => !['constructor', 'prototype'].includes(k));
export const labels = fc.dictionary(labelKey, fc.string({ maxLength: 30 }), { maxKeys: 8 });
const ids = fc.array(id, { maxLength: 4 });
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

function withoutUndefined<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export const incidentInput = fc
  .record({
    id, number: id, shortDescription: text.filter((s) => s.length > 0), description: opt(text), callerId: id,
    assignmentGroup: opt(id), assignedTo: opt(id), ciId: opt(id), service: opt(id), category: opt(text),
    impact: level, urgency: level, priority: fc.constantFrom(1, 2, 3, 4, 5), state: fc.constantFrom(...INCIDENT_STATES),
    onHoldReason: opt(fc.constantFrom(...ON_HOLD_REASONS)), resolutionCode: opt(fc.constantFrom(...RESOLUTION_CODES)),
    resolutionNotes: opt(text), majorIncident: opt(fc.boolean()), reopenCount: opt(fc.nat(50)),
    openedAt: timestamp, acknowledgedAt: opt(timestamp), resolvedAt: opt(timestamp), updatedAt: timestamp,
    problemIds: opt(ids), changeIds: opt(ids), alertIds: opt(ids),
    custom: opt(fc.dictionary(labelKey, fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.boolean(), fc.constant(null)), { maxKeys: 3 })),
  })
  .map(withoutUndefined);

export const problemInput = fc
  .record({
    id, number: id, shortDescription: text.filter((s) => s.length > 0), state: fc.constantFrom(...PROBLEM_STATES),
    rootCause: opt(text), workaround: opt(text), knownError: opt(fc.boolean()), incidentIds: opt(ids),
    fixChangeIds: opt(ids), openedBy: id, openedAt: timestamp, updatedAt: timestamp,
  })
  .map(withoutUndefined);

export const changeInput = fc
  .record({
    id, number: id, type: fc.constantFrom(...CHANGE_TYPES), state: fc.constantFrom(...CHANGE_STATES),
    risk: fc.constantFrom(...CHANGE_RISKS), shortDescription: text.filter((s) => s.length > 0), requestedBy: id,
    ciIds: opt(ids), plannedStart: opt(fc.constant('2026-11-24T20:00:00.000Z')), plannedEnd: opt(fc.constant('2026-11-24T22:00:00.000Z')),
    approvals: opt(fc.array(fc.record({ approver: id, decision: fc.constantFrom('requested', 'approved', 'rejected'), at: timestamp }), { maxLength: 3 })),
    closeCode: opt(fc.constantFrom(...CHANGE_CLOSE_CODES)), onHold: opt(fc.boolean()), openedAt: timestamp, updatedAt: timestamp,
  })
  .map(withoutUndefined);

export const alertInput = fc
  .record({
    id, source: text.filter((s) => s.length > 0), fingerprint: opt(id), status: fc.constantFrom(...ALERT_STATUSES),
    severity: fc.constantFrom(...ALERT_SEVERITIES), labels: opt(labels), annotations: opt(labels),
    startsAt: fc.constant('2026-11-23T08:00:00.000Z'), endsAt: opt(fc.constant('2026-11-23T09:00:00.000Z')), ciId: opt(id),
  })
  .map(withoutUndefined);

export const ciInput = fc.record({ id, name: text.filter((s) => s.length > 0), ciClass: id, labels: opt(labels) }).map(withoutUndefined);
export const relationshipInput = fc
  .record({ from: id, to: id, type: fc.constantFrom(...RELATIONSHIP_TYPES) })
  .filter((r) => r.from !== r.to);
export const actorInput = fc.record({ id, roles: ids, groups: ids });
