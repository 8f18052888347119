/**
 * The UI side of the engine worker: starts engine.worker.ts and turns core/protocol.ts messages into a
 * promise per run with progress callbacks. The series buffers are transferred to the worker (the caller's
 * arrays are detached afterwards) unless `transfer: false`.
 */
import type { Plan } from '../../core/engine/plan.ts';
import type { Project } from '../../core/model/project.ts';
import { reviveError, transferables, type FromEngine, type PlanMessage, type ProgressMessage, type RunMessage } from '../../core/protocol.ts';

export type EngineRunOptions = {
  scenarioId: string;
  budgetMs: number;
  transfer?: boolean;
  onProgress?: (p: ProgressMessage) => void;
  onPlan?: (p: PlanMessage) => void;
};

export type EngineRun = { runId: number; result: Promise<Plan>; cancel: () => void };

export class EngineCancelled extends Error {
  override name = 'EngineCancelled';
}

export function createEngineClient(worker: Worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' })) {
  let nextId = 1;
  const pending = new Map<number, { resolve: (p: Plan) => void; reject: (e: Error) => void; options: EngineRunOptions }>();
  worker.addEventListener('message', (event: MessageEvent<FromEngine>) => {
    const m = event.data;
    const p = pending.get(m.runId);
    if (!p) return;
    if (m.type === 'progress') p.options.onProgress?.(m);
    else if (m.type === 'plan') p.options.onPlan?.(m);
    else {
      pending.delete(m.runId);
      if (m.type === 'result') p.resolve(m.plan);
      else if (m.type === 'cancelled') p.reject(new EngineCancelled(`run ${m.runId} cancelled`));
      else p.reject(reviveError(m.error));
    }
  });
  worker.addEventListener('error', (event) => {
    for (const p of pending.values()) p.reject(new Error(`engine worker failed: ${event.message}`));
    pending.clear();
  });
  return {
    run(project: { estate: unknown; series: Project['series'] }, options: EngineRunOptions): EngineRun {
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
      };
      const result = new Promise<Plan>((resolve, reject) => pending.set(runId, { resolve, reject, options }));
      worker.postMessage(message, { transfer: transferables(message) });
      return { runId, result, cancel: () => worker.postMessage({ type: 'cancel', runId }) };
    },
    terminate: () => worker.terminate(),
  };
}
