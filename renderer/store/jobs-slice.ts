/**
 * Jobs slice: the engine run (status, progress, phase, best cost so far, run id) and the plans it produced,
 * per scenario id. Plans live only in memory: they are not saved in the .cwb, and a rerun replaces them.
 * Messages of a run that is no longer the current one (a stale runId) are ignored by the setters.
 *
 * Every plan knows its input: `startJob` records the Project object the run was given (the store's project at
 * that moment: the runner starts the job right after handing it to the engine), and `setPlan` stores that
 * object beside the plan in `planInputs`. The store replaces the project object on every change (edit,
 * import, undo, redo), so `store.project !== planInputs[id]` means the plan was computed from other inputs
 * (`isPlanStale`): the report refuses it, the Results pane says so.
 */
import type { StateCreator } from 'zustand';
import type { Plan } from '../../core/engine/plan.ts';
import type { Project } from '../../core/model/project.ts';
import type { WorkbenchState } from './types.ts';

export type JobStatus = 'idle' | 'running' | 'done' | 'failed' | 'cancelled';
export type EngineJob = {
  status: JobStatus;
  /** 0..1 */
  progress: number;
  /** The scenario being run (or last run), null when idle. */
  scenarioId: string | null;
  /** The engine client's id of the current run, null when none was started. */
  runId: number | null;
  /** The engine's phase ('sizing', 'pack', 'improve', ...), null before the first progress. */
  phase: string | null;
  /** Best plan cost so far and its hosts, null before the first plan. */
  bestCost: number | null;
  hosts: number | null;
  message: string | null;
  /** The Project object the run was given (its plans' input), null when idle. */
  input: Project | null;
};

export const IDLE_JOB: EngineJob = { status: 'idle', progress: 0, scenarioId: null, runId: null, phase: null, bestCost: null, hosts: null, message: null, input: null };

export type ProgressReport = { phase?: string | null; bestCost?: number | null; hosts?: number | null };

/** Plans by scenario id (a new object on every change, so selecting it is stable between changes). */
export type PlansByScenario = Readonly<Record<string, Plan>>;
export const NO_PLANS: PlansByScenario = {};
/** The Project object each plan was computed from, by scenario id (set together with `plans`). */
export type PlanInputs = Readonly<Record<string, Project | null>>;
export const NO_PLAN_INPUTS: PlanInputs = {};

/** The message shown wherever a plan no longer matches the open project. */
export const STALE_PLAN_MESSAGE = 'The project changed since this plan was computed: run the plan again.';

export type JobsSlice = {
  engineJob: EngineJob;
  plans: PlansByScenario;
  planInputs: PlanInputs;
  /** Start a run of a scenario on `input` (default: the store's project now, the object the run was given). */
  startJob: (scenarioId: string, runId?: number | null, input?: Project | null) => void;
  reportProgress: (progress: number, message?: string | null, report?: ProgressReport, runId?: number | null) => void;
  finishJob: (status: Exclude<JobStatus, 'idle' | 'running'>, message?: string | null, runId?: number | null) => void;
  resetJob: () => void;
  /**
   * Store a plan of a scenario (the first plan, then the better ones); ignored for a stale run. Its input is
   * the current job's input for a message of that run, else (a caller that does not track runs) the project now.
   */
  setPlan: (scenarioId: string, plan: Plan, runId?: number | null) => void;
  clearPlans: () => void;
};

/** A message of run `runId` belongs to the current job (undefined/null: the caller does not track runs). */
const isCurrent = (job: EngineJob, runId: number | null | undefined) => runId === undefined || runId === null || job.runId === runId;

/** The Project object the scenario's plan was computed from (undefined: no plan). */
export const selectPlanInput = (s: WorkbenchState, scenarioId: string): Project | null | undefined =>
  s.plans[scenarioId] ? (s.planInputs[scenarioId] ?? null) : undefined;

/** The scenario has a plan, but computed from another project than the open one (edited, imported, undone since). */
export const isPlanStale = (s: WorkbenchState, scenarioId: string): boolean => {
  const input = selectPlanInput(s, scenarioId);
  return input !== undefined && input !== s.project;
};

/** The engine is still searching for this scenario (its plan is an interim one). */
export const isRunInProgress = (s: WorkbenchState, scenarioId: string): boolean => s.engineJob.status === 'running' && s.engineJob.scenarioId === scenarioId;

export const createJobsSlice: StateCreator<WorkbenchState, [], [], JobsSlice> = (set, get) => ({
  engineJob: IDLE_JOB,
  plans: NO_PLANS,
  planInputs: NO_PLAN_INPUTS,
  startJob: (scenarioId, runId = null, input) =>
    set({ engineJob: { ...IDLE_JOB, status: 'running', scenarioId, runId, input: input === undefined ? get().project : input } }),
  reportProgress: (progress, message = null, report = {}, runId) =>
    set((s) =>
      s.engineJob.status === 'running' && isCurrent(s.engineJob, runId)
        ? {
            engineJob: {
              ...s.engineJob,
              progress: Math.min(1, Math.max(0, progress)),
              message,
              phase: report.phase === undefined ? s.engineJob.phase : report.phase,
              bestCost: report.bestCost === undefined ? s.engineJob.bestCost : report.bestCost,
              hosts: report.hosts === undefined ? s.engineJob.hosts : report.hosts,
            },
          }
        : {},
    ),
  finishJob: (status, message = null, runId) =>
    set((s) =>
      s.engineJob.status === 'running' && isCurrent(s.engineJob, runId)
        ? { engineJob: { ...s.engineJob, status, progress: status === 'done' ? 1 : s.engineJob.progress, phase: status === 'done' ? 'done' : s.engineJob.phase, message } }
        : {},
    ),
  resetJob: () => set({ engineJob: IDLE_JOB }),
  setPlan: (scenarioId, plan, runId) =>
    set((s) => {
      if (!isCurrent(s.engineJob, runId)) return {};
      const tracked = runId !== undefined && runId !== null && s.engineJob.scenarioId === scenarioId;
      const input = tracked ? s.engineJob.input : s.project;
      return { plans: { ...s.plans, [scenarioId]: plan }, planInputs: { ...s.planInputs, [scenarioId]: input } };
    }),
  clearPlans: () => set({ plans: NO_PLANS, planInputs: NO_PLAN_INPUTS }),
});
