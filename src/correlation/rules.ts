import { ALERT_SEVERITIES } from '../models/alert';
import type { Alert, AlertSeverity } from '../models/alert';
import type { Impact, Priority, Urgency } from '../models/levels';
import { priorityOf } from '../models/priority';
import type { CorrelationRule, SeverityMapping } from './config-schema';
import { hashParts } from './hash';
import type { CompiledMatcher } from './matchers';
import { compileMatchers } from './matchers';
import { own } from './own';

/** Impact, urgency and priority an incident gets from its highest severity. */
export interface Levels {
  readonly impact: Impact;
  readonly urgency: Urgency;
  readonly priority: Priority;
}

/** A rule compiled once by createCorrelator. */
export interface CompiledRule {
  readonly id: string;
  readonly index: number;
  readonly matches: CompiledMatcher;
  readonly cont: boolean;
  readonly groupBy: readonly string[];
  readonly window: number;
  readonly maxGroupAge: number;
  readonly groupWait: number;
  readonly minAlerts: number;
  readonly resolveWhen: 'all' | 'first' | 'never';
  readonly resolveAfter: number;
  readonly reopenWithin: number;
  readonly autoPause: number | undefined;
  readonly hops: number | undefined;
  /** Levels by severity rank (0 critical .. 4 info). */
  readonly levels: readonly Levels[];
  readonly renderTitle: (alert: Alert) => string;
}

/**
 * The default severity mapping: critical 1/1 (P1), major 2/1 (P2), minor 2/2 (P3), warning 3/2 (P4),
 * info 3/3 (P5) with the standard priority matrix.
 *
 * @example
 * DEFAULT_SEVERITY_MAPPING.critical //=> { impact: 1, urgency: 1 }
 */
export const DEFAULT_SEVERITY_MAPPING: Readonly<Record<AlertSeverity, { readonly impact: Impact; readonly urgency: Urgency }>> = {
  critical: { impact: 1, urgency: 1 },
  major: { impact: 2, urgency: 1 },
  minor: { impact: 2, urgency: 2 },
  warning: { impact: 3, urgency: 2 },
  info: { impact: 3, urgency: 3 },
};

const SEVERITY_RANK: Readonly<Record<string, number>> = Object.fromEntries(ALERT_SEVERITIES.map((s, i) => [s, i]));

/** 0 for critical .. 4 for info. */
export function severityRank(severity: AlertSeverity): number {
  return SEVERITY_RANK[severity]!;
}

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_.:/-]+)\s*\}\}/g;
const MAX_TITLE = 512;

/** Compiles a `{{name}}` title template into a renderer (no regex at render time). */
export function compileTitle(template: string, ruleId: string): (alert: Alert) => string {
  const parts: Array<string | ((a: Alert) => string)> = [];
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    parts.push(template.slice(last, m.index));
    parts.push(placeholder(m[1]!, ruleId));
    last = m.index + m[0].length;
  }
  parts.push(template.slice(last));
  return (alert) => {
    let out = '';
    for (const p of parts) out += typeof p === 'string' ? p : p(alert);
    return out.length > MAX_TITLE ? out.slice(0, MAX_TITLE) : out;
  };
}

function placeholder(name: string, ruleId: string): (a: Alert) => string {
  if (name.startsWith('annotations.')) {
    const key = name.slice('annotations.'.length);
    return (a) => own(a.annotations, key) ?? '';
  }
  if (name.startsWith('labels.')) {
    const key = name.slice('labels.'.length);
    return (a) => own(a.labels, key) ?? '';
  }
  switch (name) {
    case 'ciId':
      return (a) => a.ciId ?? '';
    case 'source':
      return (a) => a.source;
    case 'severity':
      return (a) => a.severity;
    case 'ruleId':
      return () => ruleId;
    default:
      return (a) => own(a.labels, name) ?? '';
  }
}

function compileLevels(mapping: SeverityMapping | undefined, matrix: number[][] | undefined): Levels[] {
  return ALERT_SEVERITIES.map((s) => {
    const { impact, urgency } = mapping?.[s] ?? DEFAULT_SEVERITY_MAPPING[s];
    return { impact, urgency, priority: priorityOf(impact, urgency, matrix) };
  });
}

/** Compiles a validated rule (matchers, title, levels) once. */
export function compileRule(rule: CorrelationRule, index: number): CompiledRule {
  return {
    id: rule.id,
    index,
    matches: compileMatchers(rule.match, ['rules', index, 'match']),
    cont: rule.continue,
    groupBy: rule.groupBy,
    window: rule.window,
    maxGroupAge: rule.maxGroupAge,
    groupWait: rule.groupWait,
    minAlerts: rule.minAlerts,
    resolveWhen: rule.resolveWhen,
    resolveAfter: rule.resolveAfter,
    reopenWithin: rule.reopenWithin,
    autoPause: rule.autoPause,
    hops: rule.topology?.hops,
    levels: compileLevels(rule.template.severityMapping, rule.template.priorityMatrix),
    renderTitle: compileTitle(rule.template.title, rule.id),
  };
}

/**
 * The identity of the group an alert belongs to under a rule: the rule and its groupBy label values.
 * An alert missing a groupBy label goes to one group of its own rule (`<rule>:missing`).
 */
export function groupIdentity(rule: CompiledRule, alert: Alert): string {
  const by = rule.groupBy;
  if (by.length === 0) return `${rule.index}:all`;
  const parts: string[] = [];
  for (const name of by) {
    const v = own(alert.labels, name);
    if (v === undefined) return `${rule.index}:missing`;
    parts.push(v);
  }
  return `${rule.index}:${hashParts(parts)}`;
}
