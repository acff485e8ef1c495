import { ItsmValidationError } from '../_lib/errors';
import type { SlaCondition } from './condition-schema';
import { deepFreeze } from './deep-freeze';
import type { SlaPolicyDefinitionInput } from './policy-schema';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The options object of a preset, or an {@link ItsmValidationError} at `options` when it is not one. */
function presetOptions(options: unknown, preset: string): IncidentSlaPresetOptions {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw ItsmValidationError.at(preset, ['options'], 'must be an object of definition overrides');
  }
  return options as IncidentSlaPresetOptions;
}

/**
 * Options of the incident presets: any field of the definition to override (shallowly), plus
 * `businessDayMs`, the business time one "day" of a target means.
 *
 * @example
 * const options: IncidentSlaPresetOptions = { businessDayMs: 9 * 3_600_000, calendar: { timeZone: 'Europe/Berlin', week: {} } };
 */
export type IncidentSlaPresetOptions = Partial<SlaPolicyDefinitionInput> & {
  /**
   * Business milliseconds in one "day" of a target (P3 resolution "3 days", P4 response "1 day"). Default
   * 24 h, which is a calendar day on the default 24x7 calendar; on a desk working 09:00-17:00 pass
   * `8 * 3_600_000` so that "3 days" means three working days (24 business hours).
   */
  businessDayMs?: number;
};

const start = (): SlaCondition => ({ field: 'state', op: 'in', value: ['new', 'in_progress', 'on_hold'] });
const cancel = (): SlaCondition => ({ field: 'state', op: 'eq', value: 'canceled' });

/**
 * The common incident response (time to respond / acknowledge) policy by priority: P1 15 min, P2 30
 * min, P3 4 h, P4 1 day, P5 no target. Starts when the incident is open (`new`, `in_progress` or
 * `on_hold`), stops once `acknowledgedAt` is set or the state leaves `new`, is cancelled by
 * `canceled`; warns at 50% and 75%. Returns a fresh, editable plain definition for `createSlaPolicy`.
 *
 * @example
 * const policy = createSlaPolicy(incidentResponsePolicy({ calendar: berlinDesk, businessDayMs: 8 * 3_600_000 }));
 */
export function incidentResponsePolicy(options?: IncidentSlaPresetOptions): SlaPolicyDefinitionInput {
  const { businessDayMs = DAY, ...overrides } = presetOptions(options, 'incidentResponsePolicy');
  return {
    id: 'incident-response',
    name: 'Incident response',
    target: { field: 'priority', durationsMs: { '1': 15 * MINUTE, '2': 30 * MINUTE, '3': 4 * HOUR, '4': businessDayMs } },
    start: start(),
    stop: { any: [{ field: 'acknowledgedAt', op: 'exists' }, { field: 'state', op: 'notIn', value: ['new'] }] },
    cancel: cancel(),
    warnAt: [0.5, 0.75],
    ...overrides,
  };
}

/**
 * The common incident resolution policy by priority: P1 4 h, P2 8 h, P3 3 days, P4 5 days, P5 no
 * target (a "day" is `businessDayMs`, 24 h by default). Starts when the incident is open, pauses
 * `on_hold`, stops at `resolved` or `closed`, is cancelled by `canceled`; warns at 50% and 75%. A
 * priority change re-targets the running clock, elapsed time kept. Returns a fresh, editable definition.
 *
 * @example
 * const policy = createSlaPolicy(incidentResolutionPolicy({ warnAt: [0.5, 0.75, 0.9] }));
 */
export function incidentResolutionPolicy(options?: IncidentSlaPresetOptions): SlaPolicyDefinitionInput {
  const { businessDayMs = DAY, ...overrides } = presetOptions(options, 'incidentResolutionPolicy');
  return {
    id: 'incident-resolution',
    name: 'Incident resolution',
    target: { field: 'priority', durationsMs: { '1': 4 * HOUR, '2': 8 * HOUR, '3': 3 * businessDayMs, '4': 5 * businessDayMs } },
    start: start(),
    pause: { field: 'state', op: 'eq', value: 'on_hold' },
    stop: { field: 'state', op: 'in', value: ['resolved', 'closed'] },
    cancel: cancel(),
    warnAt: [0.5, 0.75],
    ...overrides,
  };
}

/**
 * {@link incidentResponsePolicy} with its defaults (24x7, 24-hour days), as a frozen plain definition.
 *
 * @example
 * const policy = createSlaPolicy(INCIDENT_RESPONSE_PRESET);
 */
export const INCIDENT_RESPONSE_PRESET: SlaPolicyDefinitionInput = deepFreeze(incidentResponsePolicy());

/**
 * {@link incidentResolutionPolicy} with its defaults (24x7, 24-hour days), as a frozen plain definition.
 *
 * @example
 * createSlaPolicy({ ...INCIDENT_RESOLUTION_PRESET, calendar: berlinDesk })
 */
export const INCIDENT_RESOLUTION_PRESET: SlaPolicyDefinitionInput = deepFreeze(incidentResolutionPolicy());
