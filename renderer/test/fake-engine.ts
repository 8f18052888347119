/** A scripted engine client for UI tests: each run waits until the test pushes its messages. */
import type { Plan } from '../../core/engine/plan.ts';
import type { PlanMessage, ProgressMessage } from '../../core/protocol.ts';
import type { RunClient } from '../../core/engine/worker/run-client.ts';

type Options = Parameters<RunClient['run']>[1];

export type FakeRun = {
  runId: number;
  options: Options;
  cancelled: boolean;
  progress: (percent: number, bestCost?: number | null, hosts?: number, phase?: ProgressMessage['phase']) => void;
  plan: (plan: Plan) => void;
  result: (plan: Plan) => void;
  fail: (error: Error) => void;
};

export function fakeEngine() {
  const runs: FakeRun[] = [];
  let terminated = 0;
  let nextId = 1;
  const client: RunClient = {
    run: (_project, options) => {
      const runId = nextId++;
      let resolve: (p: Plan) => void = () => {};
      let reject: (e: Error) => void = () => {};
      const result = new Promise<Plan>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      const run: FakeRun = {
        runId,
        options,
        cancelled: false,
        progress: (percent, bestCost = null, hosts = 0, phase = 'pack') =>
          options.onProgress?.({ type: 'progress', runId, phase, percent, bestCost, hosts, elapsedMs: 10 } satisfies ProgressMessage),
        plan: (plan) => options.onPlan?.({ type: 'plan', runId, plan, elapsedMs: 10 } satisfies PlanMessage),
        result: (plan) => resolve(plan),
        fail: (error) => reject(error),
      };
      runs.push(run);
      return {
        runId,
        result,
        cancel: () => {
          run.cancelled = true;
          const e = new Error(`run ${runId} cancelled`);
          e.name = 'EngineCancelled';
          reject(e);
          return Promise.resolve();
        },
      };
    },
    terminate: () => {
      terminated++;
    },
  };
  return { client, runs, terminated: () => terminated };
}
