/**
 * The worker side of core/protocol.ts, shared by both hosts: checks a run message (every problem names its
 * field), validates the project, then runs the engine (a plain function) to its end, posting progress at most
 * every PROGRESS_EVERY_MS (paced by the host's clock), the first plan, then the result. A run is never
 * interrupted from inside: the caller cancels by terminating the worker (core/engine/worker/run-client.ts), and a
 * fresh worker serves the next run. Pure: the host injects post and the clock.
 */
import { formatProblem, validateProjectInSteps } from '../../model/validate.ts';
import type { SeriesSet } from '../../model/series.ts';
import { METRICS } from '../../model/series.ts';
import { Effort } from '../../model/effort.ts';
import { PROGRESS_EVERY_MS, serializeError, transferables, type FromEngine, type RunMessage } from '../../protocol.ts';
import { EngineInputError } from '../context.ts';
import { planProject } from '../engine.ts';
import type { EnginePhase, Packer } from '../types.ts';

export type SessionHost = {
  post: (message: FromEngine, transfer: ArrayBuffer[]) => void;
  now: () => number;
  packer: Packer;
};

export type EngineSession = { handle: (message: unknown) => void };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Shape checks of a run message; throws EngineInputError naming the field. */
export function checkRunMessage(m: Record<string, unknown>): RunMessage {
  if (typeof m.runId !== 'number' || !Number.isFinite(m.runId)) throw new EngineInputError('runId', 'must be a number');
  if (typeof m.scenarioId !== 'string' || m.scenarioId === '') throw new EngineInputError('scenarioId', 'must be a non-empty string');
  if (!Effort.safeParse(m.effort).success) throw new EngineInputError('effort', 'must be quick, standard, thorough or a whole number of work units, 0 or more');
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
  const run = (msg: RunMessage) => {
    const started = host.now();
    const elapsed = () => host.now() - started;
    let lastProgress = Number.NEGATIVE_INFINITY;
    const progress = (phase: EnginePhase, fraction: number, bestCost: number, hosts: number) => {
      const t = host.now();
      if (t - lastProgress < PROGRESS_EVERY_MS) return;
      lastProgress = t;
      host.post(
        {
          type: 'progress',
          runId: msg.runId,
          phase,
          percent: Math.round(fraction * 1000) / 10,
          bestCost: Number.isNaN(bestCost) ? null : bestCost,
          hosts,
          elapsedMs: elapsed(),
        },
        [],
      );
    };
    try {
      // Validation reports progress too (a large estate takes a while to check).
      const valid = validateProjectInSteps(msg.estate, msg.series as SeriesSet, () => progress('sizing', 0, Number.NaN, 0));
      if (!valid.ok) {
        const first = valid.problems[0];
        const more = valid.problems.length > 1 ? ` (and ${valid.problems.length - 1} more problems)` : '';
        throw new EngineInputError(first.path || 'estate', `invalid project: ${formatProblem(first)}${more}`);
      }
      const plan = planProject(valid.value, msg.scenarioId, {
        packer: host.packer,
        now: host.now,
        effort: msg.effort,
        onProgress: (p) => progress(p.phase, p.fraction, p.bestCost, p.hosts),
        onPlan: (first) => host.post({ type: 'plan', runId: msg.runId, plan: first, elapsedMs: elapsed() }, []),
      });
      const message: FromEngine = { type: 'result', runId: msg.runId, plan, elapsedMs: elapsed() };
      host.post(message, transferables(message));
    } catch (e) {
      host.post({ type: 'error', runId: msg.runId, error: serializeError(e) }, []);
    }
  };

  return {
    handle(message) {
      if (!isObject(message)) {
        host.post({ type: 'error', runId: -1, error: serializeError(new EngineInputError('message', 'must be an object')) }, []);
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
      run(msg);
    },
  };
}
