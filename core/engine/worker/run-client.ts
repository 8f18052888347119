/**
 * The caller's side of core/protocol.ts, shared by both engine hosts (renderer/workers/engine-client.ts over a
 * Web Worker, electron/engine/engine-host.ts over worker_threads): run ids, one promise per run, progress and
 * first-plan callbacks, and cancel, which terminates the worker (the engine is a plain function that runs to
 * its end; nothing inside it listens for a cancel). A fresh worker is spawned for the next run. Pure: the host
 * passes how to spawn a worker; the worker's messages come back through the events given to `spawn`.
 */
import type { Effort } from '../../model/effort.ts';
import type { Project } from '../../model/project.ts';
import { reviveError, transferables, type FromEngine, type PlanMessage, type ProgressMessage, type RunMessage, type ToEngine } from '../../protocol.ts';
import type { Plan } from '../plan.ts';

export type RunHandlers = {
  onProgress?: (p: ProgressMessage) => void;
  /** The first plan, while the search continues. */
  onPlan?: (p: PlanMessage) => void;
};

export type RunOptions = RunHandlers & {
  scenarioId: string;
  /** How hard to search (see RunMessage). */
  effort: Effort;
  /** Move the series buffers to the worker (default true: the caller's series arrays become detached). */
  transfer?: boolean;
};

export type EngineRun = {
  runId: number;
  /** The final plan; rejects with the worker's error (name, message, stack, field) or an EngineCancelled. */
  result: Promise<Plan>;
  /**
   * Terminate the worker running this run: its promise rejects with EngineCancelled at once; the returned
   * promise resolves when the worker has stopped.
   */
  cancel: () => Promise<void>;
};

export class EngineCancelled extends Error {
  override name = 'EngineCancelled';
}

export type RunProject = { estate: unknown; series: Project['series'] };

/** One worker as the run client sees it. */
export type EngineWorker = {
  post: (message: ToEngine, transfer: ArrayBuffer[]) => void;
  /** Stop the worker now (Web Worker / worker_threads `terminate()`). */
  terminate: () => void | Promise<unknown>;
};

/** What a spawned worker reports: its messages, and its death (an error or an exit nobody asked for). */
export type WorkerEvents = { message: (message: FromEngine) => void; failed: (error: Error) => void };

export type RunClient = {
  run: (project: RunProject, options: RunOptions) => EngineRun;
  /** Terminate the worker (a pending run rejects with EngineCancelled). */
  terminate: () => void;
};

export function createRunClient(spawn: (events: WorkerEvents) => EngineWorker): RunClient {
  let nextId = 1;
  let worker: EngineWorker | null = null;
  let current: { runId: number; resolve: (p: Plan) => void; reject: (e: Error) => void; handlers: RunHandlers } | null = null;

  const stop = async (error: Error): Promise<void> => {
    const w = worker;
    worker = null;
    const c = current;
    current = null;
    c?.reject(error);
    if (w) await w.terminate();
  };
  const ensure = (): EngineWorker => {
    if (worker) return worker;
    const events: WorkerEvents = {
      message(m) {
        // Messages of a worker that has since been replaced are dropped.
        if (worker !== spawned) return;
        const c = current;
        if (!c || m.runId !== c.runId) {
          // An error the worker could not tie to a run (e.g. a message it could not read) fails the current one.
          if (c && m.type === 'error' && m.runId === -1) {
            current = null;
            c.reject(reviveError(m.error));
          }
          return;
        }
        if (m.type === 'progress') c.handlers.onProgress?.(m);
        else if (m.type === 'plan') c.handlers.onPlan?.(m);
        else {
          current = null;
          if (m.type === 'result') c.resolve(m.plan);
          else c.reject(reviveError(m.error));
        }
      },
      failed(error) {
        if (worker !== spawned) return;
        void stop(error);
      },
    };
    const spawned = spawn(events);
    worker = spawned;
    return spawned;
  };

  return {
    terminate: () => void stop(new EngineCancelled('engine terminated')),
    run(project, options) {
      // One run per worker: a new run supersedes (cancels) the one in progress.
      if (current) void stop(new EngineCancelled(`run ${current.runId} cancelled by a new run`));
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
        effort: options.effort,
      };
      const result = new Promise<Plan>((resolve, reject) => (current = { runId, resolve, reject, handlers: options }));
      ensure().post(message, transferables(message));
      return {
        runId,
        result,
        cancel: () => (current?.runId === runId ? stop(new EngineCancelled(`run ${runId} cancelled`)) : Promise.resolve()),
      };
    },
  };
}
