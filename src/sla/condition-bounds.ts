import { ItsmValidationError } from '../_lib/errors';
import { SLA_LIMITS } from './limits';

/**
 * Checks the nesting depth and node count of a raw condition before zod parses it, walking at most
 * `conditionDepth` levels, so hostile nesting fails with a clear error instead of a stack overflow.
 */
export function checkConditionBounds(input: unknown, path: ReadonlyArray<string | number>, subject: string): void {
  const counter = { nodes: 0 };
  walk(input, path, 1, counter, subject);
}

function walk(node: unknown, path: ReadonlyArray<string | number>, depth: number, counter: { nodes: number }, subject: string): void {
  if (typeof node !== 'object' || node === null) return;
  counter.nodes += 1;
  if (counter.nodes > SLA_LIMITS.conditionNodes) throw ItsmValidationError.at(subject, path, `a condition may have at most ${SLA_LIMITS.conditionNodes} nodes`, 'too_big');
  const children = childrenOf(node);
  if (children.length > 0 && depth >= SLA_LIMITS.conditionDepth) {
    throw ItsmValidationError.at(subject, path, `conditions may be nested at most ${SLA_LIMITS.conditionDepth} deep`, 'too_big');
  }
  for (const [key, child] of children) walk(child, [...path, ...key], depth + 1, counter, subject);
}

function childrenOf(node: object): Array<[ReadonlyArray<string | number>, unknown]> {
  const out: Array<[ReadonlyArray<string | number>, unknown]> = [];
  const record = node as Record<string, unknown>;
  if (Object.hasOwn(record, 'not')) out.push([['not'], record.not]);
  for (const key of ['all', 'any'] as const) {
    const members = Object.hasOwn(record, key) ? record[key] : undefined;
    if (Array.isArray(members)) members.slice(0, SLA_LIMITS.listItems + 1).forEach((m, i) => out.push([[key, i], m]));
  }
  return out;
}
