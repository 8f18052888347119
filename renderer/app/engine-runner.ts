/**
 * Engine runs from the UI: one run at a time, through the engine client (renderer/workers/engine-client.ts,
 * a Web Worker in the app, a fake in tests). Progress, the first plan and the final plan go to the jobs
 * slice; the first plan switches to the Results pane; errors show in the alert dialog. No React here.
 */
import type { Plan } from '../../core/engine/plan.ts';
import type { RunClient } from '../../core/engine/worker/run-client.ts';
import { DEFAULT_EFFORT, type Effort } from '../../core/model/effort.ts';
import type { WorkbenchStore } from '../store/store.ts';
import { ask, type DialogStore } from './dialogs.ts';


export type EngineRunner = {
  /** Run a scenario of the open project; a run already going is cancelled first. Resolves when it ends. */
  run: (scenarioId: string) => Promise<void>;
  cancel: () => void;
  dispose: () => void;
};


export function createEngineRunner(deps: {
  store: WorkbenchStore;
  dialogs: DialogStore;
  /** Made on the first run (the worker starts then); made again after a failed run. */
  createClient: () => RunClient;
  /** Effort of every run instead of the scenario's own (tests). */
  effort?: Effort;
}): EngineRunner {
  const { store, dialogs, createClient } = deps;
  let client: RunClient | null = null;
  let current: { runId: number; cancel: () => Promise<void> } | null = null;

  async function run(scenarioId: string): Promise<void> {
    const s = store.getState();
    if (!s.project) return;
    const scenario = s.project.estate.scenarios.find((sc) => sc.id === scenarioId);
    if (!scenario) {
      await ask(dialogs, 'error', { title: 'Cannot run the engine', message: `No scenario with id ${scenarioId}.` });
      return;
    }
    void current?.cancel();
    client ??= createClient();
    let firstPlan = true;
    let runId = -1;
    const onPlan = (plan: Plan) => {
      const st = store.getState();
      if (st.engineJob.runId !== runId) return;
      st.setPlan(scenarioId, plan, runId);
      if (firstPlan) {
        firstPlan = false;
        st.showResultsOf(scenarioId);
        st.setResultsMode('plan');
        st.setActivePane('results');
      }
    };
    let handle: ReturnType<RunClient['run']>;
    try {
      handle = client.run(s.project, {
        scenarioId,
        effort: deps.effort ?? scenario.effort ?? DEFAULT_EFFORT,
        // the store keeps its series: the worker gets copies
        transfer: false,
        onProgress: (p) =>
          store.getState().reportProgress(p.percent / 100, null, { phase: p.phase, bestCost: p.bestCost, hosts: p.bestCost === null ? null : p.hosts }, p.runId),
        onPlan: (m) => onPlan(m.plan),
      });
    } catch (e) {
      client = null;
      await ask(dialogs, 'error', { title: 'The engine could not start', message: e instanceof Error ? e.message : String(e) });
      return;
    }
    runId = handle.runId;
    current = handle;
    store.getState().startJob(scenarioId, runId);
    try {
      const plan = await handle.result;
      onPlan(plan);
      store.getState().finishJob('done', null, runId);
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      if (err.name === 'EngineCancelled') {
        store.getState().finishJob('cancelled', null, runId);
        return;
      }
      const isCurrent = store.getState().engineJob.runId === runId;
      store.getState().finishJob('failed', err.message, runId);
      if (!isCurrent) return;
      // a crashed worker is replaced on the next run; an input error leaves it usable, but a fresh one is cheap
      client?.terminate();
      client = null;
      const field = 'field' in err && typeof err.field === 'string' ? ` (field ${err.field})` : '';
      await ask(dialogs, 'error', { title: 'The engine run failed', message: `${err.message}${field}` });
    } finally {
      if (current?.runId === runId) current = null;
    }
  }

  return {
    run,
    cancel: () => void current?.cancel(),
    dispose: () => {
      void current?.cancel();
      client?.terminate();
      client = null;
    },
  };
}
