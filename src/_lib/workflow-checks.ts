/**
 * Named rules ("checks") that back the machines' guards. A check returns why it refuses, or nothing;
 * the guard registered in `setup()` is the same check reduced to a boolean, so a host running the
 * machine in its own actor gets the same rules, and the command API can say which rule refused.
 */

/** Why a check refuses: a message, and whether it is a question of who acts (`forbidden`). */
export interface Refusal {
  readonly message: string;
  readonly forbidden?: boolean;
}

/**
 * A named rule over the machine context and event. `probe` is the part of the rule that does not read
 * the command's payload (used by `allowed()`, which knows no payload); it defaults to `test`.
 */
export interface Check<TContext, TEvent> {
  readonly test: (context: TContext, event: TEvent) => Refusal | undefined;
  readonly probe?: (context: TContext, event: TEvent) => Refusal | undefined;
}

/** A map of named checks. */
export type Checks<TContext, TEvent> = Readonly<Record<string, Check<TContext, TEvent>>>;

/** The xstate guards of a map of checks: each passes when its check finds nothing to refuse. */
export function guardsOf<TContext, TEvent, TNames extends string>(
  checks: Readonly<Record<TNames, Check<TContext, TEvent>>>,
): Record<TNames, (args: { context: TContext; event: TEvent }) => boolean> {
  const guards = {} as Record<TNames, (args: { context: TContext; event: TEvent }) => boolean>;
  for (const name of Object.keys(checks) as TNames[]) {
    const check = checks[name];
    guards[name] = ({ context, event }) => check.test(context, event) === undefined;
  }
  return guards;
}

/** A refusal that is about the actor (separation of duties, eligibility). */
export function forbidden(message: string): Refusal {
  return { message, forbidden: true };
}

/** A refusal of a rule. */
export function refuse(message: string): Refusal {
  return { message };
}

/** Runs several tests in order and returns the first refusal. */
export function firstRefusal<TContext, TEvent>(
  ...tests: ReadonlyArray<(context: TContext, event: TEvent) => Refusal | undefined>
): (context: TContext, event: TEvent) => Refusal | undefined {
  return (context, event) => {
    for (const test of tests) {
      const refusal = test(context, event);
      if (refusal) return refusal;
    }
    return undefined;
  };
}
