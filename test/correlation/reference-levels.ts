/** The reference model's severity levels (`reference-correlator.ts`), written from the guide. */
import type { AlertSeverity } from 'itsm-kit/models';

/** Impact and urgency of a severity. */
export type Levels = { readonly impact: 1 | 2 | 3; readonly urgency: 1 | 2 | 3 };

// The documented default mapping.
const DEFAULT_LEVELS: Readonly<Record<AlertSeverity, Levels>> = {
  critical: { impact: 1, urgency: 1 },
  major: { impact: 2, urgency: 1 },
  minor: { impact: 2, urgency: 2 },
  warning: { impact: 3, urgency: 2 },
  info: { impact: 3, urgency: 3 },
};
const SEVERITY_ORDER: readonly AlertSeverity[] = ['critical', 'major', 'minor', 'warning', 'info'];

/** Impact, urgency and priority (the standard 3x3 matrix: impact + urgency - 1) of a severity under a rule. */
export function levelsOf(rule: { readonly template?: { readonly severityMapping: Readonly<Record<AlertSeverity, Levels>> } }, severity: AlertSeverity) {
  const { impact, urgency } = (rule.template?.severityMapping ?? DEFAULT_LEVELS)[severity];
  return { impact, urgency, priority: (impact + urgency - 1) as 1 | 2 | 3 | 4 | 5 };
}

/** True when severity `a` is more severe than `b`. */
export const moreSevere = (a: AlertSeverity, b: AlertSeverity): boolean => SEVERITY_ORDER.indexOf(a) < SEVERITY_ORDER.indexOf(b);
