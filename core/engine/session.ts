/**
 * The worker side of core/protocol.ts, shared by both hosts: checks a run message (every problem names its
 * field), validates the project (in slices too), then drives the engine generator in slices of SLICE_MS on the host's
 * scheduler (setImmediate in Node, a MessageChannel in the browser), so a cancel message is handled between
 * slices. Posts progress at most every PROGRESS_EVERY_MS, the first plan, then the result. Pure: the host
 * injects post, schedule and the clock.
 */
import { formatProblem, validateProjectIter } from '../model/validate.ts';
import type { SeriesSet } from '../model/series.ts';
import { METRICS } from '../model/series.ts';
import { PROGRESS_EVERY_MS, SLICE_MS, serializeError, transferables, type FromEngine, type RunMessage } from '../protocol.ts';
import { EngineInputError } from './context.ts';
import { planIter, type EngineEvent, type Packer } from './engine.ts';
import type { Plan } from './plan.ts';

export type SessionHost = {
  post: (message: FromEngine, transfer: ArrayBuffer[]) => void;
  /** Run fn soon, after pending messages have been handled. */
  schedule: (fn: () => void) => void;
  now: () => number;
  packer: Packer;
};

export type EngineSession = { handle: (message: unknown) => void };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Shape checks of a run message; throws EngineInputError naming the field. */
export function checkRunMessage(m: Record<string, unknown>): RunMessage {
  if (typeof m.runId !== 'number' || !Number.isFinite(m.runId)) throw new EngineInputError('runId', 'must be a number');
  if (typeof m.scenarioId !== 'string' || m.scenarioId === '') throw new EngineInputError('scenarioId', 'must be a non-empty string');
  if (typeof m.budgetMs !== 'number' || !Number.isFinite(m.budgetMs) || m.budgetMs < 0) throw new EngineInputError('budgetMs', 'must be a finite number of milliseconds, 0 or more');
  if (m.iterations !== undefined && (typeof m.iterations !== 'number' || !Number.isInteger(m.iterations) || m.iterations <= 0)) {
    throw new EngineInputError('iterations', 'must be a whole number of work units, 1 or more (or left out)');
  }
  if (!isObject(m.estate)) throw new EngineInputError('estate', 'must be an object');
  const s = m.series;
  if (!isObject(s)) throw new EngineInputError('series', 'must be an object');
  if (typeof s.startUtc !== 'string') throw new EngineInputError('series.startUtc', 'must be an ISO UTC timestamp');
  if (typeof s.hours !== 'number') throw new EngineInputError('series.hours', 'must be a number');
  if (!Array.isArray(s.serverIds) || !s.serverIds.every((x) => typeof x === 'string')) throw new EngineInputError('series.serverIds', 'must be an array of server ids');
  for (const metric of METRICS) if (!(s[metric] instanceof Float32Array)) throw new EngineInputError(`series.${metric}`, 'must be a Float32Array');
  return m as RunMessage;
}

export function createEngineSession(host: SessionHost): EngineSession {
  let current: { runId: number; cancelled: boolean } | null = null;

  const start = (msg: RunMessage) => {
    const started = host.now();
    const run = { runId: msg.runId, cancelled: false };
    current = run;
    const elapsed = () => host.now() - started;
    const fail = (e: unknown) => {
      if (current === run) current = null;
      host.post({ type: 'error', runId: msg.runId, error: serializeError(e) }, []);
    };
    // Validation runs in the slices too (it yields every few hundred servers), so a cancel is seen while a
    // large project is being checked.
    function* runIter(): Generator<EngineEvent | null, Plan> {
      const check = validateProjectIter(msg.estate, msg.series as SeriesSet);
      let v = check.next();
      while (!v.done) {
        yield null;
        v = check.next();
      }
      const valid = v.value;
      if (!valid.ok) {
        const first = valid.problems[0];
        const more = valid.problems.length > 1 ? ` (and ${valid.problems.length - 1} more problems)` : '';
        throw new EngineInputError(first.path || 'estate', `invalid project: ${formatProblem(first)}${more}`);
      }
      return yield* planIter(valid.value, msg.scenarioId, {
        packer: host.packer,
        now: host.now,
        budgetMs: msg.budgetMs,
        ...(msg.iterations !== undefined ? { iterations: msg.iterations } : {}),
        shouldStop: () => run.cancelled,
        yieldEveryMs: Math.min(20, SLICE_MS),
      });
    }
    const gen = runIter();
    let lastProgress = Number.NEGATIVE_INFINITY;
    const slice = () => {
      if (run.cancelled) {
        if (current === run) current = null;
        host.post({ type: 'cancelled', runId: run.runId, elapsedMs: elapsed() }, []);
        return;
      }
      const sliceStart = host.now();
      try {
        for (;;) {
          const r = gen.next();
          if (r.done) {
            if (current === run) current = null;
            const message: FromEngine = { type: 'result', runId: run.runId, plan: r.value, elapsedMs: elapsed() };
            host.post(message, transferables(message));
            return;
          }
          const ev = r.value;
          const t = host.now();
          if (ev === null) {
            if (t - sliceStart >= SLICE_MS) break;
            continue;
          }
          if (ev.kind === 'plan') host.post({ type: 'plan', runId: run.runId, plan: ev.plan, elapsedMs: elapsed() }, []);
          else if (t - lastProgress >= PROGRESS_EVERY_MS) {
            lastProgress = t;
            host.post({
              type: 'progress',
              runId: run.runId,
              phase: ev.phase,
              percent: Math.round(ev.fraction * 1000) / 10,
              bestCost: Number.isNaN(ev.bestCost) ? null : ev.bestCost,
              hosts: ev.hosts,
              elapsedMs: elapsed(),
            }, []);
          }
          if (t - sliceStart >= SLICE_MS) break;
        }
      } catch (e) {
        fail(e);
        return;
      }
      host.schedule(slice);
    };
    host.schedule(slice);
  };

  return {
    handle(message) {
      if (!isObject(message)) {
        host.post({ type: 'error', runId: -1, error: serializeError(new EngineInputError('message', 'must be an object')) }, []);
        return;
      }
      if (message.type === 'cancel') {
        if (current && current.runId === message.runId) current.cancelled = true;
        return;
      }
      if (message.type !== 'run') {
        const runId = typeof message.runId === 'number' ? message.runId : -1;
        host.post({ type: 'error', runId, error: serializeError(new EngineInputError('type', `unknown message type ${JSON.stringify(message.type)}`)) }, []);
        return;
      }
      let msg: RunMessage;
      try {
        msg = checkRunMessage(message);
      } catch (e) {
        host.post({ type: 'error', runId: typeof message.runId === 'number' ? message.runId : -1, error: serializeError(e) }, []);
        return;
      }
      if (current) current.cancelled = true; // one run at a time: a new run supersedes the old one
      start(msg);
    },
  };
}
