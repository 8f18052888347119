/**
 * The Node host of the engine worker (core/protocol.ts over worker_threads), for Electron main and the CLI.
 * The worker entry is bundled with esbuild into the temp directory at first use (Node 20 workers cannot
 * load .ts); the file name carries a hash of the bundle, so concurrent processes share it safely.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Project } from '../../core/model/project.ts';
import type { Plan } from '../../core/engine/plan.ts';
import {
  reviveError,
  transferables,
  type FromEngine,
  type PlanMessage,
  type ProgressMessage,
  type RunMessage,
} from '../../core/protocol.ts';

let bundled: Promise<string> | null = null;

/** Bundle worker-entry.ts to an .mjs file (once per process) and return its path. */
export function workerBundlePath(): Promise<string> {
  bundled ??= (async () => {
    // Resolved here, not at module load: in a CommonJS bundle (Electron main) import.meta.url is undefined,
    // and there the prebuilt workerPath is used instead.
    const here = path.dirname(fileURLToPath(import.meta.url));
    const esbuild = await import('esbuild');
    const result = await esbuild.build({
      entryPoints: [path.join(here, 'worker-entry.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0].contents;
    const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
    const dir = path.join(tmpdir(), 'cwb-engine');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `engine-worker-${hash}.mjs`);
    if (!existsSync(file)) {
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, code);
      renameSync(temp, file);
    }
    return file;
  })();
  return bundled;
}

export type RunHandlers = {
  onProgress?: (p: ProgressMessage) => void;
  /** The first plan, while the search continues. */
  onPlan?: (p: PlanMessage) => void;
};

export type RunOptions = RunHandlers & {
  scenarioId: string;
  budgetMs: number;
  /** Move the series buffers to the worker (default true: the caller's series arrays become detached). */
  transfer?: boolean;
};

export type EngineRun = {
  runId: number;
  /** The final plan; rejects with the worker's error (name, message, stack, field) or a CancelledError. */
  result: Promise<Plan>;
  cancel: () => void;
};

export class CancelledError extends Error {
  override name = 'CancelledError';
}

export type NodeEngine = {
  run: (project: { estate: unknown; series: Project['series'] }, options: RunOptions) => EngineRun;
  terminate: () => Promise<void>;
};

export type NodeEngineOptions = {
  /**
   * A prebuilt worker bundle (e.g. dist/electron/engine-worker.mjs, built from worker-entry.ts by the
   * Electron build). Default: bundle worker-entry.ts with esbuild now (development, CLI, tests).
   */
  workerPath?: string;
};

export async function createNodeEngine(options: NodeEngineOptions = {}): Promise<NodeEngine> {
  const file = options.workerPath ?? (await workerBundlePath());
  const worker = new Worker(file);
  let nextId = 1;
  const pending = new Map<number, { resolve: (p: Plan) => void; reject: (e: Error) => void; handlers: RunHandlers }>();
  worker.on('message', (m: FromEngine) => {
    const p = pending.get(m.runId);
    if (!p) {
      if (m.type === 'error' && m.runId === -1) for (const q of pending.values()) q.reject(reviveError(m.error));
      return;
    }
    switch (m.type) {
      case 'progress':
        p.handlers.onProgress?.(m);
        break;
      case 'plan':
        p.handlers.onPlan?.(m);
        break;
      case 'result':
        pending.delete(m.runId);
        p.resolve(m.plan);
        break;
      case 'cancelled':
        pending.delete(m.runId);
        p.reject(new CancelledError(`run ${m.runId} cancelled after ${Math.round(m.elapsedMs)} ms`));
        break;
      case 'error':
        pending.delete(m.runId);
        p.reject(reviveError(m.error));
        break;
    }
  });
  const failAll = (e: Error) => {
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`engine worker exited (code ${code})`)));
  return {
    run(project, options) {
      const runId = nextId++;
      const { series } = project;
      const copy = options.transfer === false;
      const message: RunMessage = {
        type: 'run',
        runId,
        estate: project.estate,
        series: {
          startUtc: series.startUtc,
          hours: series.hours,
          serverIds: series.serverIds,
          cpuPct: copy ? series.cpuPct.slice() : series.cpuPct,
          memPct: copy ? series.memPct.slice() : series.memPct,
          iops: copy ? series.iops.slice() : series.iops,
          netMbps: copy ? series.netMbps.slice() : series.netMbps,
        },
        scenarioId: options.scenarioId,
        budgetMs: options.budgetMs,
      };
      const result = new Promise<Plan>((resolve, reject) => pending.set(runId, { resolve, reject, handlers: options }));
      worker.postMessage(message, transferables(message));
      return { runId, result, cancel: () => worker.postMessage({ type: 'cancel', runId }) };
    },
    async terminate() {
      await worker.terminate();
    },
  };
}
