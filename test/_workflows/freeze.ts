/** Deep-freezes a value so that any mutation by the code under test throws in strict mode. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** JSON round trip. */
export const roundTrip = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export const ROLES = ['caller', 'agent', 'resolver', 'problem_manager', 'change_manager', 'approver', 'admin'] as const;
export type Role = (typeof ROLES)[number];
