import { assign, type EventObject } from 'xstate';

/**
 * An xstate `assign` that replaces the machine's `record` with `reduce(record, event)`. The machines keep
 * exactly one thing in their context: the stored record.
 */
export function recordAssign<R, E extends EventObject>(reduce: (record: R, event: E) => R) {
  return assign<{ record: R }, E, undefined, E, never>(({ context, event }) => ({ record: reduce(context.record, event) }));
}

/** The entry action of every state: writes the state's name into `record.state`. */
export function enterStateAssign<R extends { state: string }, E extends EventObject>() {
  return assign<{ record: R }, E, { state: R['state'] }, E, never>(({ context }, params) => ({ record: { ...context.record, state: params.state } }));
}

/** The `entry` config of a state named `state`. */
export function entering<S extends string>(state: S) {
  return { type: 'enterState', params: { state } } as const;
}
