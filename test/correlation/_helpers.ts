import type { Decision } from 'itsm-kit/correlation';
import type { Alert } from 'itsm-kit/models';

export const T0 = Date.parse('2026-11-23T08:00:00Z');
export const min = (m: number) => T0 + m * 60_000;
export const iso = (m: number) => new Date(min(m)).toISOString();

/** A test alert at minute `m`. */
export function alert(id: string, labels: Record<string, string>, m: number, extra: Partial<Alert> = {}): Alert {
  return { id, source: 'prometheus', status: 'firing', severity: 'major', labels, annotations: {}, startsAt: iso(m), ...extra };
}

/** The resolved notification of an alert at minute `m`. */
export function resolved(id: string, labels: Record<string, string>, startM: number, endM: number, extra: Partial<Alert> = {}): Alert {
  return { ...alert(id, labels, startM, extra), status: 'resolved', endsAt: iso(endM) };
}

export function types(decisions: readonly { type: string }[]): string[] {
  return decisions.map((d) => d.type);
}

/** A rule grouping by service, with a title from its labels. */
export const byService = { id: 'svc', groupBy: ['service'], template: { title: '{{alertname}} on {{service}}' } };

/** The decisions of one type. */
export function only<T extends Decision['type']>(ds: readonly Decision[], type: T): Extract<Decision, { type: T }>[] {
  return ds.filter((d): d is Extract<Decision, { type: T }> => d.type === type);
}
