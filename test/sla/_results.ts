/** Converts a result's instants to epoch ms so engine and reference results compare field by field. */
import type { SlaResult } from 'itsm-kit/sla';

const ms = (d: Date | null): number | null => (d === null ? null : d.getTime());

export function plainResult(r: SlaResult) {
  return {
    ...r,
    startedAt: ms(r.startedAt),
    stoppedAt: ms(r.stoppedAt),
    dueAt: ms(r.dueAt),
    breachedAt: ms(r.breachedAt),
    nextEvaluationAt: ms(r.nextEvaluationAt),
    warnings: r.warnings.map((w) => ({ threshold: w.threshold, at: w.at.getTime() })),
  };
}
