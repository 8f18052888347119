/**
 * Jobs slice: the engine run (status, progress, phase, best cost so far, run id) and the plans it produced,
 * per scenario id. Plans live only in memory: they are not saved in the .cwb, and a rerun replaces them.
 * Messages of a run that is no longer the current one (a stale runId) are ignored by the setters.
 */
import type { StateCreator } from 'zustand';
import type { Plan } from '../../core/engine/plan.ts';
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
};

export const IDLE_JOB: EngineJob = { status: 'idle', progress: 0, scenarioId: null, runId: null, phase: null, bestCost: null, hosts: null, message: null };

export type ProgressReport = { phase?: string | null; bestCost?: number | null; hosts?: number | null };

/** Plans by scenario id (a new object on every change, so selecting it is stable between changes). */
export type PlansByScenario = Readonly<Record<string, Plan>>;
export const NO_PLANS: PlansByScenario = {};

export type JobsSlice = {
  engineJob: EngineJob;
  plans: PlansByScenario;
  startJob: (scenarioId: string, runId?: number | null) => void;
  reportProgress: (progress: number, message?: string | null, report?: ProgressReport, runId?: number | null) => void;
  finishJob: (status: Exclude<JobStatus, 'idle' | 'running'>, message?: string | null, runId?: number | null) => void;
  resetJob: () => void;
  /** Store a plan of a scenario (the first plan, then the better ones); ignored for a stale run. */
  setPlan: (scenarioId: string, plan: Plan, runId?: number | null) => void;
  clearPlans: () => void;
};

/** A message of run `runId` belongs to the current job (undefined/null: the caller does not track runs). */
const isCurrent = (job: EngineJob, runId: number | null | undefined) => runId === undefined || runId === null || job.runId === runId;

export const createJobsSlice: StateCreator<WorkbenchState, [], [], JobsSlice> = (set) => ({
  engineJob: IDLE_JOB,
  plans: NO_PLANS,
  startJob: (scenarioId, runId = null) => set({ engineJob: { ...IDLE_JOB, status: 'running', scenarioId, runId } }),
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
    set((s) => (isCurrent(s.engineJob, runId) ? { plans: { ...s.plans, [scenarioId]: plan } } : {})),
  clearPlans: () => set({ plans: NO_PLANS }),
});
