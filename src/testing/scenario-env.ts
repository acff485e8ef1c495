import type { CalendarDefinition } from '../calendar/definition';
import { createChangeWorkflow, type ChangeWorkflow } from '../change/workflow';
import { createCorrelator, type Correlator } from '../correlation/correlator';
import type { CorrelatorConfigInput } from '../correlation/config-schema';
import { createIncidentWorkflow, type IncidentWorkflow } from '../incident/workflow';
import { createProblemWorkflow, type ProblemWorkflow } from '../problem/workflow';
import { createSlaPolicy, type SlaPolicy } from '../sla/policy';
import type { SlaPolicyDefinitionInput } from '../sla/policy-schema';
import { ItsmValidationError } from '../_lib/errors';

/**
 * What a scenario runs on: the real modules, configured as in your host. Everything is optional:
 * the workflows default to `createIncidentWorkflow()`, `createProblemWorkflow()` and
 * `createChangeWorkflow()`; without a correlator `ingest` fails; `slaPolicies` name the policies
 * `expectSla` evaluates; `calendar` is given to every policy that has none.
 *
 * @example
 * const options: ScenarioOptions = {
 *   name: 'database outage',
 *   correlator: { rules: [{ id: 'by-ci', groupBy: ['ci'], window: '10m' }] },
 *   slaPolicies: { resolution: incidentResolutionPolicy() },
 *   calendar: { timeZone: 'Europe/Berlin', week: { mon: [{ start: '08:00', end: '17:00' }] } },
 * };
 */
export interface ScenarioOptions {
  /** Shown in reports. Default `scenario`. */
  readonly name?: string;
  readonly workflows?: {
    readonly incident?: IncidentWorkflow;
    readonly problem?: ProblemWorkflow;
    readonly change?: ChangeWorkflow;
  };
  /** A correlator from `createCorrelator`, or its config. */
  readonly correlator?: Correlator | CorrelatorConfigInput;
  /** SLA policies by the name `expectSla` uses: compiled ones or definitions. */
  readonly slaPolicies?: Readonly<Record<string, SlaPolicy | SlaPolicyDefinitionInput>>;
  /** The business calendar of every policy in `slaPolicies` that has none of its own. */
  readonly calendar?: CalendarDefinition;
}

/** Any of the three workflows, seen through the calls a scenario makes (internal). */
export type AnyScenarioWorkflow = IncidentWorkflow | ProblemWorkflow | ChangeWorkflow;

/** The resolved modules of a scenario (internal). */
export interface ScenarioEnv {
  readonly name: string;
  readonly workflows: { readonly incident: IncidentWorkflow; readonly problem: ProblemWorkflow; readonly change: ChangeWorkflow };
  readonly correlator: Correlator | null;
  readonly slaPolicies: ReadonlyMap<string, SlaPolicy>;
}

const SUBJECT = 'scenario options';

function isCorrelator(value: unknown): value is Correlator {
  return typeof value === 'object' && value !== null && typeof (value as { ingest?: unknown }).ingest === 'function';
}

function isCompiledPolicy(value: unknown): value is SlaPolicy {
  return typeof value === 'object' && value !== null && 'definition' in value && 'calendar' in value && 'id' in value;
}

function policyOf(name: string, value: SlaPolicy | SlaPolicyDefinitionInput, calendar: CalendarDefinition | undefined): SlaPolicy {
  const definition = isCompiledPolicy(value) ? value.definition : value;
  if (typeof definition !== 'object' || definition === null) throw ItsmValidationError.at(SUBJECT, ['slaPolicies', name], 'must be an SLA policy or its definition');
  if (calendar === undefined || definition.calendar !== undefined) return isCompiledPolicy(value) ? value : createSlaPolicy(definition);
  return createSlaPolicy({ ...definition, calendar });
}

/** Validates the options and builds the modules once (throws `ItsmValidationError` naming the bad option). */
export function resolveScenarioEnv(options: ScenarioOptions): ScenarioEnv {
  if (typeof options !== 'object' || options === null) throw ItsmValidationError.at(SUBJECT, [], 'must be an object');
  const name = options.name ?? 'scenario';
  if (typeof name !== 'string' || name.length > 200) throw ItsmValidationError.at(SUBJECT, ['name'], 'must be a string of at most 200 characters');
  const slaPolicies = new Map<string, SlaPolicy>();
  for (const [key, value] of Object.entries(options.slaPolicies ?? {})) slaPolicies.set(key, policyOf(key, value, options.calendar));
  const given = options.correlator;
  return {
    name,
    workflows: {
      incident: options.workflows?.incident ?? createIncidentWorkflow(),
      problem: options.workflows?.problem ?? createProblemWorkflow(),
      change: options.workflows?.change ?? createChangeWorkflow(),
    },
    correlator: given === undefined ? null : isCorrelator(given) ? given : createCorrelator(given),
    slaPolicies,
  };
}
