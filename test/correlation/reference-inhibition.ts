/**
 * The reference model's label matchers and inhibition (Alertmanager semantics), kept apart from the
 * model itself (`reference-correlator.ts`): plain Maps, written from the guide.
 */
import type { Alert } from 'itsm-kit/models';

/** The label matchers the model understands. */
export type ReferenceMatcher = { label: string; op: 'eq' | 'neq'; value: string } | { label: string; op: 'in'; values: string[] } | { label: string; op: 'regex'; value: string };

/** True when the labels pass every matcher (a missing label reads as the empty string). */
export function matches(list: readonly ReferenceMatcher[], labels: Record<string, string>): boolean {
  return list.every((m) => {
    const value = labels[m.label] ?? '';
    if (m.op === 'eq') return value === m.value;
    if (m.op === 'neq') return value !== m.value;
    if (m.op === 'in') return m.values.includes(value);
    return new RegExp(`^(?:${m.value})$`).test(value);
  });
}

/** An inhibition rule as the model reads it. */
export type ReferenceInhibitRule = { id: string; source: ReferenceMatcher[]; target: ReferenceMatcher[]; equal: string[] };

/** The firing sources of one inhibition rule and `equal` values (fingerprint to alert id), and the targets they hold. */
interface Inhibition {
  readonly sources: Map<string, string>;
  readonly targets: string[];
}

/** Which firing alerts inhibit which: sources come and go, targets are held until the last source resolves. */
export class ReferenceInhibitions {
  private readonly entries = new Map<string, Inhibition>();

  constructor(private readonly rules: readonly ReferenceInhibitRule[]) {}

  private key(rule: ReferenceInhibitRule, labels: Record<string, string>): string {
    return JSON.stringify([rule.id, ...rule.equal.map((name) => labels[name] ?? '')]);
  }

  /** A firing alert becomes a source of every rule whose `source` it matches. */
  addSource(alert: Alert, fp: string): void {
    for (const rule of this.rules) {
      if (!matches(rule.source, alert.labels)) continue;
      const key = this.key(rule, alert.labels);
      const entry = this.entries.get(key) ?? { sources: new Map<string, string>(), targets: [] };
      entry.sources.set(fp, alert.id);
      this.entries.set(key, entry);
    }
  }

  /** A resolved source leaves; the targets of an inhibition with no source left are returned, in the order held. */
  removeSource(alert: Alert, fp: string): string[] {
    const released: string[] = [];
    for (const rule of this.rules) {
      if (!matches(rule.source, alert.labels)) continue;
      const key = this.key(rule, alert.labels);
      const entry = this.entries.get(key);
      if (entry === undefined || !entry.sources.delete(fp) || entry.sources.size > 0) continue;
      for (const target of entry.targets) if (!released.includes(target)) released.push(target);
      this.entries.delete(key);
    }
    return released;
  }

  /**
   * The first rule whose `target` the alert matches with a firing source other than itself, and that
   * source; the target is held (recorded for release) when `hold`.
   */
  holding(alert: Alert, fp: string, hold: boolean): { inhibitRuleId: string; sourceAlertId: string; sourceFingerprint: string } | undefined {
    for (const rule of this.rules) {
      if (!matches(rule.target, alert.labels)) continue;
      const entry = this.entries.get(this.key(rule, alert.labels));
      const source = entry === undefined ? undefined : [...entry.sources].find(([sourceFp]) => sourceFp !== fp);
      if (source === undefined) continue;
      if (hold && !entry!.targets.includes(fp)) entry!.targets.push(fp);
      return { inhibitRuleId: rule.id, sourceAlertId: source[1], sourceFingerprint: source[0] };
    }
    return undefined;
  }
}
