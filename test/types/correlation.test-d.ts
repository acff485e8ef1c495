/** Public types of `itsm-kit/correlation`: the Decision union (narrowing on `type`) and the correlator API. */
import { describe, expectTypeOf, it } from 'vitest';
import {
  createCorrelator, fromAlertmanagerWebhook, fromGrafanaWebhook, fromPagerDutyEvent, createAlertMatcher, fingerprintOf,
  maintenanceFromChanges, type Correlator, type CorrelatorOutput, type CorrelatorState, type Decision, type DecisionType,
  type IncidentActionOutcome, type IncidentActionOutput, type MaintenanceWindow, type SuppressionCause, type SuppressionReason,
} from 'itsm-kit/correlation';
import { createTopology } from 'itsm-kit/topology';
import type { Alert, Impact, Priority, Urgency } from 'itsm-kit/models';

const correlator = createCorrelator({ rules: [{ id: 'all', groupBy: ['service'] }] });

describe('itsm-kit/correlation types', () => {
  it('types the correlator as a pure state machine', () => {
    expectTypeOf(correlator).toEqualTypeOf<Correlator>();
    const s = correlator.initialState();
    expectTypeOf(s).toEqualTypeOf<CorrelatorState>();
    const out = correlator.ingest(s, [], 0);
    expectTypeOf(out).toEqualTypeOf<CorrelatorOutput>();
    expectTypeOf(correlator.tick(out.state, new Date(0))).toEqualTypeOf<CorrelatorOutput>();
    expectTypeOf(out.decisions).toEqualTypeOf<Decision[]>();
    expectTypeOf(out.nextTickAt).toEqualTypeOf<number | null>();
    expectTypeOf(correlator.ingest).parameter(1).toEqualTypeOf<Alert | readonly Alert[]>();
    // @ts-expect-error `now` is a Date or epoch ms, not an ISO string
    correlator.tick(s, '2026-11-23T08:00:00Z');
    // @ts-expect-error a config needs rules
    createCorrelator({});
    // A Topology from itsm-kit/topology is usable as the correlator's topology.
    createCorrelator({ rules: [{ id: 'all' }] }, { topology: createTopology({ cis: [] }) });
  });

  it('types the host actions on incidents', () => {
    const s = correlator.initialState();
    for (const act of [correlator.resolveIncident, correlator.closeIncident, correlator.reopenIncident]) {
      expectTypeOf(act(s, 'all#1', 0)).toEqualTypeOf<IncidentActionOutput>();
      expectTypeOf(act).parameter(2).toEqualTypeOf<Date | number>();
    }
    expectTypeOf<IncidentActionOutcome>().toEqualTypeOf<'resolved' | 'closed' | 'reopened' | 'already-resolved' | 'already-closed' | 'already-open' | 'pending' | 'unknown'>();
    expectTypeOf<Extract<Decision, { type: 'reopen-incident' }>['by']>().toEqualTypeOf<'host' | undefined>();
    expectTypeOf<Extract<Decision, { type: 'discard-pending' }>['groupKey']>().toEqualTypeOf<string>();
  });

  it('narrows a Decision on type', () => {
    const d = correlator.ingest(correlator.initialState(), [], 0).decisions[0]!;
    expectTypeOf(d.alertIds).toEqualTypeOf<readonly string[]>();
    expectTypeOf(d.at).toEqualTypeOf<number>();
    // Only some decisions concern an incident.
    // @ts-expect-error incidentKey is not on every decision
    void d.incidentKey;
    switch (d.type) {
      case 'open-incident':
        expectTypeOf(d.incidentKey).toBeString();
        expectTypeOf(d.priority).toEqualTypeOf<Priority>();
        expectTypeOf(d.impact).toEqualTypeOf<Impact>();
        expectTypeOf(d.urgency).toEqualTypeOf<Urgency>();
        expectTypeOf(d.rootCauseCiId).toEqualTypeOf<string | null>();
        expectTypeOf(d.ruleId).toEqualTypeOf<string>();
        break;
      case 'suppressed':
        expectTypeOf(d.reason).toEqualTypeOf<SuppressionReason>();
        expectTypeOf(d.cause).toEqualTypeOf<SuppressionCause>();
        expectTypeOf(d.until).toEqualTypeOf<number | null>();
        if (d.cause.kind === 'inhibited') expectTypeOf(d.cause.inhibitRuleId).toBeString();
        break;
      case 'update-priority':
        expectTypeOf(d.from).toEqualTypeOf<Priority>();
        expectTypeOf(d.to).toEqualTypeOf<Priority>();
        break;
      case 'rejected':
        expectTypeOf(d.alertId).toEqualTypeOf<string | null>();
        expectTypeOf(d.ruleId).toEqualTypeOf<string | null>();
        expectTypeOf(d.issues).toEqualTypeOf<readonly { readonly path: string; readonly message: string }[]>();
        break;
      case 'pending':
        expectTypeOf(d.waitingFor).toEqualTypeOf<'group-wait' | 'min-alerts'>();
        break;
      case 'deduplicated':
        expectTypeOf(d.count).toBeNumber();
        expectTypeOf(d.stale).toBeBoolean();
        break;
      default:
        expectTypeOf(d.type).toExtend<DecisionType>();
    }
    expectTypeOf<DecisionType>().toEqualTypeOf<
      | 'open-incident' | 'attach-alert' | 'deduplicated' | 'suppressed' | 'released' | 'update-priority' | 'update-root-cause'
      | 'resolve-incident' | 'reopen-incident' | 'forget-incident' | 'discard-pending' | 'storm-detected' | 'pending' | 'alert-resolved' | 'unmatched' | 'rejected'
    >();
  });

  it('types the adapters and helpers', () => {
    expectTypeOf(fromAlertmanagerWebhook).parameter(0).toBeUnknown();
    expectTypeOf(fromAlertmanagerWebhook({})).toEqualTypeOf<Alert[]>();
    expectTypeOf(fromGrafanaWebhook({}, { ciIdLabel: 'instance' })).toEqualTypeOf<Alert[]>();
    expectTypeOf(fromPagerDutyEvent({})).toEqualTypeOf<Alert[]>();
    expectTypeOf(fingerprintOf({ labels: { a: 'b' } })).toEqualTypeOf<string>();
    expectTypeOf(createAlertMatcher([{ label: 'env', op: 'eq', value: 'prod' }])).toEqualTypeOf<(alert: Alert) => boolean>();
    expectTypeOf(maintenanceFromChanges([])).toEqualTypeOf<MaintenanceWindow[]>();
    // @ts-expect-error an unknown matcher operator
    createAlertMatcher([{ label: 'env', op: 'like', value: 'prod' }]);
  });
});
