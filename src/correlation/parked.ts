import type { Alert } from '../models/alert';
import type { SuppressionCause, SuppressionReason } from './decisions';
import { dict } from './own';

/**
 * A suppressed firing alert, kept to be released and correlated once its cause ends. What correlating
 * it again reads of the alert (id, source, severity, CI, labels, annotations) is kept as one JSON text
 * `p`: a parked alert is read back only when it is released, and one string takes a fraction of the
 * memory of the objects it stands for.
 *
 * @example
 * const r: ParkedAlert['r'] = 'maintenance';
 */
export interface ParkedAlert {
  /** When to look at it again (null: when its inhibiting source resolves). */
  readonly u: number | null;
  /** Why it is held. */
  readonly r: SuppressionReason;
  /** `[pausing rule id or '', id, source, severity, ciId or '', label count, ...label names and values, ...annotation names and values]` as JSON. */
  readonly p: string;
}

function flatten(map: Readonly<Record<string, string>>, into: Array<string | number>): number {
  let n = 0;
  for (const k of Object.keys(map)) {
    into.push(k, map[k]!);
    n++;
  }
  return n;
}

function rebuild(flat: readonly unknown[], from: number, to: number): Record<string, string> {
  const map = dict<string>();
  for (let i = from; i < to; i += 2) map[flat[i] as string] = flat[i + 1] as string;
  return map;
}

/** The parked form of a suppressed alert. */
export function packParked(alert: Alert, reason: SuppressionReason, cause: SuppressionCause, until: number | null): ParkedAlert {
  const flat: Array<string | number> = [cause.kind === 'paused' ? cause.ruleId : '', alert.id, alert.source, alert.severity, alert.ciId ?? '', 0];
  flat[5] = flatten(alert.labels, flat);
  flatten(alert.annotations, flat);
  return { u: until, r: reason, p: JSON.stringify(flat) };
}

/**
 * The alert (firing, as every parked alert is; its times are not kept, correlation reads `t` instead)
 * and the rule that paused it, if any, of a parked entry.
 */
export function unpackParked(parked: ParkedAlert): { alert: Alert; pausedBy: string | null } {
  const flat = JSON.parse(parked.p) as unknown[];
  const labelsEnd = 6 + 2 * (flat[5] as number);
  const alert: Alert = {
    id: flat[1] as string,
    source: flat[2] as string,
    status: 'firing',
    severity: flat[3] as Alert['severity'],
    labels: rebuild(flat, 6, labelsEnd),
    annotations: rebuild(flat, labelsEnd, flat.length),
    startsAt: '',
    ...(flat[4] === '' ? {} : { ciId: flat[4] as string }),
  };
  return { alert, pausedBy: flat[0] === '' ? null : (flat[0] as string) };
}
