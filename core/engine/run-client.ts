/**
 * The caller's side of core/protocol.ts, shared by both engine hosts (renderer/workers/engine-client.ts over a
 * Web Worker, electron/engine/engine-host.ts over worker_threads): run ids, one promise per run, progress and
 * first-plan callbacks, cancel. Pure: the host passes its `post` and feeds `receive` with the worker's messages.
 */
import type { Project } from '../model/project.ts';
import { reviveError, transferables, type FromEngine, type PlanMessage, type ProgressMessage, type RunMessage, type ToEngine } from '../protocol.ts';
import type { Plan } from './plan.ts';

export type RunHandlers = {
  onProgress?: (p: ProgressMessage) => void;
  /** The first plan, while the search continues. */
  onPlan?: (p: PlanMessage) => void;
};

export type RunOptions = RunHandlers & {
  scenarioId: string;
  budgetMs: number;
  /** Work-unit budget instead of time (reproducible runs); see RunMessage. */
  iterations?: number;
  /** Move the series buffers to the worker (default true: the caller's series arrays become detached). */
  transfer?: boolean;
};

export type EngineRun = {
  runId: number;
  /** The final plan; rejects with the worker's error (name, message, stack, field) or an EngineCancelled. */
  result: Promise<Plan>;
  cancel: () => void;
};

export class EngineCancelled extends Error {
  override name = 'EngineCancelled';
}

export type RunProject = { estate: unknown; series: Project['series'] };

export type RunClient = {
  run: (project: RunProject, options: RunOptions) => EngineRun;
  /** Feed every message the worker posts. */
  receive: (message: FromEngine) => void;
  /** The worker died: reject every pending run. */
  failAll: (error: Error) => void;
};

export function createRunClient(post: (message: ToEngine, transfer: ArrayBuffer[]) => void): RunClient {
  let nextId = 1;
  const pending = new Map<number, { resolve: (p: Plan) => void; reject: (e: Error) => void; handlers: RunHandlers }>();
  const failAll = (error: Error) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  return {
    failAll,
    receive(m) {
      const p = pending.get(m.runId);
      if (!p) {
        // An error the worker could not tie to a run (e.g. a message it could not read) fails them all.
        if (m.type === 'error' && m.runId === -1) failAll(reviveError(m.error));
        return;
      }
      if (m.type === 'progress') p.handlers.onProgress?.(m);
      else if (m.type === 'plan') p.handlers.onPlan?.(m);
      else {
        pending.delete(m.runId);
        if (m.type === 'result') p.resolve(m.plan);
        else if (m.type === 'cancelled') p.reject(new EngineCancelled(`run ${m.runId} cancelled after ${Math.round(m.elapsedMs)} ms`));
        else p.reject(reviveError(m.error));
      }
    },
    run(project, options) {
      const runId = nextId++;
      const s = project.series;
      const copy = options.transfer === false;
      const message: RunMessage = {
        type: 'run',
        runId,
        estate: project.estate,
        series: {
          startUtc: s.startUtc,
          hours: s.hours,
          serverIds: s.serverIds,
          cpuPct: copy ? s.cpuPct.slice() : s.cpuPct,
          memPct: copy ? s.memPct.slice() : s.memPct,
          iops: copy ? s.iops.slice() : s.iops,
          netMbps: copy ? s.netMbps.slice() : s.netMbps,
        },
        scenarioId: options.scenarioId,
        budgetMs: options.budgetMs,
        ...(options.iterations !== undefined ? { iterations: options.iterations } : {}),
      };
      const result = new Promise<Plan>((resolve, reject) => pending.set(runId, { resolve, reject, handlers: options }));
      post(message, transferables(message));
      return { runId, result, cancel: () => post({ type: 'cancel', runId }, []) };
    },
  };
}
