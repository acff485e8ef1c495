/**
 * The lower-level helpers that workflows call with validated data, when a host calls them directly
 * with data that is not: each names the field, and what they answer for valid data is unchanged.
 */
import { describe, expect, it } from 'vitest';
import { approvalPolicyMet, ChangeWorkflowOptionsSchema, createChangeMachine, policyFor } from 'itsm-kit/change';
import { fingerprintOf, labelsFingerprint } from 'itsm-kit/correlation';
import { createIncidentMachine, isPermitted, slaTimelineFromAudit } from 'itsm-kit/incident';
import { runScenario, type ScenarioStep } from 'itsm-kit/testing';
import { pathsOf } from '../_helpers/validation-paths';

const admin = { id: 'u-admin', roles: ['admin'], groups: [] };

describe('helpers given data they cannot use', () => {
  it('fingerprintOf and labelsFingerprint name the alert, its fingerprint or the label that is not text', () => {
    expect(pathsOf(() => fingerprintOf(null as never))).toEqual(['alert']);
    expect(pathsOf(() => fingerprintOf({ fingerprint: 7, labels: {} } as never))).toEqual(['fingerprint']);
    expect(pathsOf(() => fingerprintOf({ labels: { a: '1', b: 2 } } as never))).toEqual(['labels.b']);
    expect(pathsOf(() => labelsFingerprint(null as never))).toEqual(['labels']);
    expect(fingerprintOf({ labels: { b: '2', a: '1' } })).toBe(labelsFingerprint({ a: '1', b: '2' }));
    expect(fingerprintOf({ fingerprint: 'fp-1', labels: {} })).toBe('fp-1');
  });

  it('isPermitted validates the policy and the actor, and still answers for valid ones', () => {
    const policy = { grants: [{ commands: ['*'], roles: ['admin'] }] };
    expect(isPermitted(policy, 'close', admin, {})).toBe(true);
    expect(isPermitted(policy, 'close', { ...admin, roles: ['agent'] }, {})).toBe(false);
    expect(pathsOf(() => isPermitted({ grants: [{ commands: ['*'], scope: 'everyone' }] } as never, 'close', admin, {}))).toEqual(['policy.grants.0.scope']);
    expect(pathsOf(() => isPermitted(policy, 'close', null as never, {}))).toEqual(['actor']);
    expect(pathsOf(() => isPermitted(policy, 5 as never, admin, {}))).toEqual(['command']);
    expect(pathsOf(() => isPermitted(policy, 'close', admin, null as never))).toEqual(['record']);
  });

  it('slaTimelineFromAudit names the initial record, the audit or the entry it cannot replay', () => {
    const initial = { openedAt: '2026-11-23T08:00:00Z', state: 'new' };
    expect(pathsOf(() => slaTimelineFromAudit(null as never, []))).toEqual(['initial']);
    expect(pathsOf(() => slaTimelineFromAudit(initial, {} as never))).toEqual(['audit']);
    expect(pathsOf(() => slaTimelineFromAudit(initial, [null] as never))).toEqual(['audit.0']);
    expect(pathsOf(() => slaTimelineFromAudit(initial, [{ at: '2026-11-23T09:00:00Z', changes: [{ after: 1 }] }] as never))).toEqual(['audit.0.changes.0.field']);
    const entry = { at: '2026-11-23T09:00:00Z', changes: [{ field: 'state', before: 'new', after: 'in_progress' }] };
    expect(slaTimelineFromAudit(initial, [entry] as never).map((p) => p.record['state'])).toEqual(['new', 'in_progress']);
  });

  it('policyFor reads only the policies a change type has, and approvalPolicyMet validates the policy', () => {
    const options = ChangeWorkflowOptionsSchema.parse({});
    expect(policyFor({ type: 'normal' }, options)).toEqual(options.approvals.normal);
    expect(policyFor({ type: 'standard' }, options)).toBeUndefined();
    // A type that every object inherits a property of finds nothing.
    expect(policyFor({ type: 'constructor' } as never, options)).toBeUndefined();
    expect(pathsOf(() => policyFor(null as never, options))).toEqual(['change']);
    expect(pathsOf(() => policyFor({ type: 'normal' }, {} as never))).toEqual(['options.approvals']);
    expect(approvalPolicyMet(undefined, [])).toBe(true);
    expect(approvalPolicyMet({ policy: 'any', approvers: ['u-1'] }, [{ approver: 'u-1', decision: 'approved', at: '2026-11-23T08:00:00Z' }] as never)).toBe(true);
    expect(pathsOf(() => approvalPolicyMet({ policy: 'all' } as never, []))).toEqual(['approvers']);
    expect(pathsOf(() => approvalPolicyMet(undefined, [null] as never))).toEqual(['approvals.0']);
  });

  it('the machine factories validate their options', () => {
    expect(pathsOf(() => createIncidentMachine(null as never))).toEqual(['']);
    expect(pathsOf(() => createChangeMachine({ separationOfDuties: 'yes' } as never))).toEqual(['separationOfDuties']);
    expect(() => createIncidentMachine({} as never)).not.toThrow();
  });

  it('runScenario fails a malformed step, naming it, instead of throwing', () => {
    const result = runScenario({ name: 'malformed' }, [{ op: 'at', at: '2026-11-23T08:00:00Z' }, { op: 'ingest' } as unknown as ScenarioStep, { op: 'nope' } as unknown as ScenarioStep]);
    expect(result.steps.map((s) => s.status)).toEqual(['passed', 'failed', 'skipped']);
    if (result.ok) throw new Error('expected the scenario to fail');
    expect(result.failure.description).toBe('step 2 (malformed)');
    const unknownOp = runScenario({}, [{ op: 'nope' } as unknown as ScenarioStep]);
    expect(unknownOp.ok ? '' : unknownOp.failure.message).toMatch(/step\.op: "nope" is not a step operation/);
    expect(pathsOf(() => runScenario({}, null as never))).toEqual(['steps']);
  });
});
