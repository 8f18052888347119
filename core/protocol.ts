/**
 * The UI <-> engine worker contract. Both hosts (the browser Web Worker, renderer/workers/engine.worker.ts,
 * and the Node worker_threads host, electron/engine/) speak it, and the UI derives its types from it.
 *
 *   UI -> worker: run (estate + series arrays + scenario id + effort). One run per worker at a time; a cancel
 *   terminates the worker (core/engine/worker/run-client.ts) and a fresh worker serves the next run.
 *   worker -> UI: progress (at most every PROGRESS_EVERY_MS while running), plan (the first plan, while the
 *   search goes on), result (the final plan), error ({name, message, stack, field}).
 *
 * The series' Float32Array buffers travel in the transfer list (moved, not copied): after `run` the sender's
 * arrays are detached. The plan's series buffers travel back the same way in `result`.
 */
import type { EnginePhase } from './engine/types.ts';
import { planTransferables, type Plan } from './engine/plan.ts';
import { METRICS, type SeriesSet } from './model/series.ts';
import type { Effort } from './model/effort.ts';

/** Progress is posted no more often than this while a run is going. */
export const PROGRESS_EVERY_MS = 100;

export type SeriesPayload = Pick<SeriesSet, 'startUtc' | 'hours' | 'serverIds' | 'cpuPct' | 'memPct' | 'iops' | 'netMbps'>;

export type RunMessage = Readonly<{
  type: 'run';
  runId: number;
  /** The estate as stored (validated by the worker: problems name the field). */
  estate: unknown;
  series: SeriesPayload;
  scenarioId: string;
  /**
   * How hard the engine searches (a level or work units, core/model/effort.ts): the same project, scenario,
   * seed and effort give the same plan on any machine. The plan records it in `search`.
   */
  effort: Effort;
}>;

export type ToEngine = RunMessage;

export type ProgressMessage = Readonly<{
  type: 'progress';
  runId: number;
  phase: EnginePhase;
  /** 0..100 of the whole run. */
  percent: number;
  /** Best plan cost so far, null before the first plan. */
  bestCost: number | null;
  /** Hosts of the best plan so far (0 before the first plan). */
  hosts: number;
  elapsedMs: number;
}>;

export type PlanMessage = Readonly<{ type: 'plan'; runId: number; plan: Plan; elapsedMs: number }>;
export type ResultMessage = Readonly<{ type: 'result'; runId: number; plan: Plan; elapsedMs: number }>;

export type SerializedError = Readonly<{
  name: string;
  message: string;
  stack?: string;
  /** The offending field for input errors (e.g. "servers[3].cores", "scenarioId", "effort"). */
  field?: string;
}>;
export type ErrorMessage = Readonly<{ type: 'error'; runId: number; error: SerializedError }>;

export type FromEngine = ProgressMessage | PlanMessage | ResultMessage | ErrorMessage;

/** Buffers to transfer with a message (deduplicated; shared buffers are listed once). */
export function transferables(message: ToEngine | FromEngine): ArrayBuffer[] {
  if (message.type === 'run') {
    const out: ArrayBuffer[] = [];
    for (const m of METRICS) {
      const a: unknown = message.series[m];
      if (a instanceof Float32Array && a.buffer instanceof ArrayBuffer && !out.includes(a.buffer)) out.push(a.buffer);
    }
    return out;
  }
  if (message.type === 'result') return planTransferables(message.plan);
  return [];
}

export function serializeError(e: unknown): SerializedError {
  if (e instanceof Error) {
    const field = 'field' in e && typeof e.field === 'string' ? e.field : undefined;
    return { name: e.name, message: e.message, ...(e.stack ? { stack: e.stack } : {}), ...(field ? { field } : {}) };
  }
  return { name: 'Error', message: String(e) };
}

/** An Error rebuilt on the receiving side, with the worker's stack and the field when there is one. */
export function reviveError(e: SerializedError): Error & { field?: string } {
  const err: Error & { field?: string } = new Error(e.message);
  err.name = e.name;
  if (e.stack) err.stack = e.stack;
  if (e.field) err.field = e.field;
  return err;
}
