import { z } from 'zod';
import { ItsmValidationError } from '../../_lib/errors';
import { toValidationIssues } from '../../_lib/zod-issues';
import type { Alert, AlertInput, AlertSeverity } from '../../models/alert';
import { AlertSchema } from '../../models/alert';
import { hashParts } from '../hash';

/** Options shared by the adapters. @example const o: AdapterOptions = { ciIdLabel: 'instance' }; */
export interface AdapterOptions {
  /** A label whose value becomes the alert's `ciId` (e.g. `instance`, `ci_id`). */
  readonly ciIdLabel?: string;
}

const SEVERITY_WORDS: Readonly<Record<string, AlertSeverity>> = {
  critical: 'critical', crit: 'critical', fatal: 'critical', page: 'critical', p1: 'critical', disaster: 'critical',
  major: 'major', error: 'major', high: 'major', p2: 'major',
  minor: 'minor', medium: 'minor', average: 'minor', p3: 'minor',
  warning: 'warning', warn: 'warning', low: 'warning', p4: 'warning',
  info: 'info', informational: 'info', none: 'info', ok: 'info', p5: 'info',
};

/** Maps a monitoring tool's severity word onto the model's severities (unknown words: `warning`). */
export function severityFromWord(word: string | undefined): AlertSeverity {
  if (word === undefined) return 'warning';
  return Object.prototype.hasOwnProperty.call(SEVERITY_WORDS, word.toLowerCase()) ? SEVERITY_WORDS[word.toLowerCase()]! : 'warning';
}

/** An RFC 3339 timestamp (any offset, any fraction) as the model's UTC `...Z` form; Go's zero time as undefined. */
export function normalizeTime(value: string | undefined): string | undefined {
  if (value === undefined || value === '' || value.startsWith('0001-01-01')) return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
}

/** An id of at most 128 characters: the text itself, or a readable prefix and a hash when longer. */
export function boundedId(text: string): string {
  return text.length <= 128 ? text : `${text.slice(0, 100)}~${hashParts([text])}`;
}

/** Parses a vendor payload with zod, throwing ItsmValidationError naming the field. */
export function parsePayload<S extends z.ZodType>(schema: S, subject: string, payload: unknown): z.output<S> {
  const r = schema.safeParse(payload, { reportInput: true });
  if (!r.success) throw new ItsmValidationError(subject, toValidationIssues(r.error.issues));
  return r.data;
}

/** Validates the mapped alerts against the model (throws naming `alerts.<i>.<field>`). */
export function finishAlerts(subject: string, alerts: readonly AlertInput[]): Alert[] {
  return alerts.map((a, i) => {
    const r = AlertSchema.safeParse(a, { reportInput: true });
    if (!r.success) {
      throw new ItsmValidationError(subject, toValidationIssues(r.error.issues).map((x) => ({ ...x, path: `alerts.${i}.${x.path}`, segments: ['alerts', i, ...x.segments] })));
    }
    return r.data;
  });
}

/** Strings only, at most 64 entries (vendor label maps). */
export const VendorLabelsSchema = z.record(z.string(), z.string()).default({});
