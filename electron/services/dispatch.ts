import type { z } from 'zod';
import { HostCalls, type HostCallName, type HostResult, type HostReturns } from '../contract.ts';
import { toHostError } from './host-error.ts';

/** Parsed (output) arguments of a call: defaults applied. */
export type ParsedArgs<K extends HostCallName> = z.output<(typeof HostCalls)[K]>;

/** One handler per call, typed from the contract (Actual Budget's handler map). */
export type HostHandlers = { [K in HostCallName]: (args: ParsedArgs<K>) => Promise<HostReturns[K]> };

export type Dispatch = (name: string, rawArgs: unknown) => Promise<HostResult<unknown>>;

export const isHostCallName = (name: string): name is HostCallName => Object.hasOwn(HostCalls, name);

/** A zod error as one readable line that names the offending field. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.length ? i.path.join('.') : '(arguments)'}: ${i.message}`)
    .join('; ');
}

/**
 * The boundary: every call of either host goes through here. Unknown names and invalid arguments are refused
 * with 'bad-argument' before a handler runs; handler failures become HostErrors; nothing throws.
 */
export function createDispatch(handlers: HostHandlers): Dispatch {
  return async (name, rawArgs) => {
    if (!isHostCallName(name)) return { ok: false, error: { code: 'bad-argument', message: `Unknown call: ${name}` } };
    const parsed = HostCalls[name].safeParse(rawArgs);
    if (!parsed.success) {
      return { ok: false, error: { code: 'bad-argument', message: `${name}: ${describeIssues(parsed.error)}` } };
    }
    try {
      const handler = handlers[name] as (args: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data) };
    } catch (e) {
      return { ok: false, error: toHostError(e) };
    }
  };
}
