/**
 * Jobs slice: the engine run (status, progress, phase, best cost so far, run id) and the plans it produced,
 * per scenario id, plus the snapshots the user pinned. The latest plan per scenario and the snapshots are kept
 * in the .cwb (renderer/store/kept-plans.ts, core/project-file/saved-plans.ts); a rerun replaces the latest.
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
import { NO_PLAN_ORIGINS, NO_SNAPSHOTS, planChanges, type PlanOrigins, type Snapshot } from './kept-plans.ts';
import type { InputPart } from '../../core/project-file/input-hashes.ts';

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
  /** For plans opened from the file: the hashes they ran on and the parts changed when saved. */
  planOrigins: PlanOrigins;
  /** Plans pinned under a name, oldest first. */
  snapshots: readonly Snapshot[];
  /** Bumped whenever the kept plans change (a plan arrives, a snapshot is pinned or removed). */
  plansRevision: number;
  /** `plansRevision` as last saved (or opened): the project is dirty while they differ. */
  savedPlansRevision: number;
  /** Pin the scenario's current plan as a named snapshot (default name: "<scenario> #n"); returns its id. */
  keepSnapshot: (scenarioId: string, name?: string) => string | null;
  removeSnapshot: (id: string) => void;
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

/** The parts changed since the scenario's plan was computed (empty: current, or no plan). */
export const selectPlanChanges = (s: WorkbenchState, scenarioId: string): InputPart[] =>
  planChanges(selectPlanInput(s, scenarioId), s.planOrigins[scenarioId], s.project, scenarioId);

/** The scenario has a plan, but computed from other inputs than the open project's (edited, imported, undone since). */
export const isPlanStale = (s: WorkbenchState, scenarioId: string): boolean => selectPlanChanges(s, scenarioId).length > 0;

/** A plan change makes the project dirty, as an edit does. */
const plansChanged = (s: WorkbenchState) => ({ plansRevision: s.plansRevision + 1, dirty: true });

/** The engine is still searching for this scenario (its plan is an interim one). */
export const isRunInProgress = (s: WorkbenchState, scenarioId: string): boolean => s.engineJob.status === 'running' && s.engineJob.scenarioId === scenarioId;

export const createJobsSlice: StateCreator<WorkbenchState, [], [], JobsSlice> = (set, get) => ({
  engineJob: IDLE_JOB,
  plans: NO_PLANS,
  planInputs: NO_PLAN_INPUTS,
  planOrigins: NO_PLAN_ORIGINS,
  snapshots: NO_SNAPSHOTS,
  plansRevision: 0,
  savedPlansRevision: 0,
  keepSnapshot: (scenarioId, name) => {
    const s = get();
    const plan = s.plans[scenarioId];
    if (!plan) return null;
    const scenarioName = s.project?.estate.scenarios.find((x) => x.id === scenarioId)?.name ?? scenarioId;
    const n = s.snapshots.filter((x) => x.scenarioId === scenarioId).length + 1;
    let id = `snap-${s.plansRevision + 1}`;
    while (s.snapshots.some((x) => x.id === id)) id = `${id}-x`;
    const snapshot: Snapshot = { id, name: name?.trim() || `${scenarioName} #${n}`, scenarioId, plan, input: s.planInputs[scenarioId] ?? null, origin: s.planOrigins[scenarioId] ?? null };
    set({ snapshots: [...s.snapshots, snapshot], ...plansChanged(s) });
    return id;
  },
  removeSnapshot: (id) =>
    set((s) => (s.snapshots.some((x) => x.id === id) ? { snapshots: s.snapshots.filter((x) => x.id !== id), ...plansChanged(s) } : {})),
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
      const { [scenarioId]: _opened, ...planOrigins } = s.planOrigins;
      return { plans: { ...s.plans, [scenarioId]: plan }, planInputs: { ...s.planInputs, [scenarioId]: input }, planOrigins, ...plansChanged(s) };
    }),
  clearPlans: () => set((s) => ({ plans: NO_PLANS, planInputs: NO_PLAN_INPUTS, planOrigins: NO_PLAN_ORIGINS, snapshots: NO_SNAPSHOTS, ...plansChanged(s) })),
});
