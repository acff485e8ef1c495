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

/**
 * The record actions of a workflow machine: each reducer becomes the {@link recordAssign} action of the
 * same name.
 *
 * @example
 * setup({ actions: { enterState: enterStateAssign<Change, Ev>(), ...recordActions(changeReducers(options)) } })
 */
export function recordActions<R, E extends EventObject, K extends string>(reducers: Readonly<Record<K, (record: R, event: E) => R>>) {
  const actions = {} as Record<K, ReturnType<typeof recordAssign<R, E>>>;
  for (const name of Object.keys(reducers) as K[]) actions[name] = recordAssign(reducers[name]);
  return actions;
}

/**
 * The machines' `context`: the stored record given as input. `input?.`: xstate's pure `transition()`
 * builds an inert actor without input, and a host may start an actor without one; neither must throw.
 *
 * @example
 * setup({ types: { context: {} as { record: Change }, input: {} as { record: Change } } }).createMachine({ context: recordFromInput, initial: 'new', states })
 */
export function recordFromInput<R>({ input }: { input: { record: R } }): { record: R } {
  return { record: input?.record };
}
