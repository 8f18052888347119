/** Jobs slice: the state of the engine run (filled in by the engine integration; the shell shows it). */
import type { StateCreator } from 'zustand';
import type { WorkbenchState } from './types.ts';

export type JobStatus = 'idle' | 'running' | 'done' | 'failed' | 'cancelled';
export type EngineJob = {
  status: JobStatus;
  /** 0..1 */
  progress: number;
  /** The scenario being run, null when idle. */
  scenarioId: string | null;
  message: string | null;
};

export const IDLE_JOB: EngineJob = { status: 'idle', progress: 0, scenarioId: null, message: null };

export type JobsSlice = {
  engineJob: EngineJob;
  startJob: (scenarioId: string) => void;
  reportProgress: (progress: number, message?: string | null) => void;
  finishJob: (status: Exclude<JobStatus, 'idle' | 'running'>, message?: string | null) => void;
  resetJob: () => void;
};

export const createJobsSlice: StateCreator<WorkbenchState, [], [], JobsSlice> = (set) => ({
  engineJob: IDLE_JOB,
  startJob: (scenarioId) => set({ engineJob: { status: 'running', progress: 0, scenarioId, message: null } }),
  reportProgress: (progress, message = null) =>
    set((s) =>
      s.engineJob.status === 'running'
        ? { engineJob: { ...s.engineJob, progress: Math.min(1, Math.max(0, progress)), message } }
        : {},
    ),
  finishJob: (status, message = null) =>
    set((s) => ({ engineJob: { ...s.engineJob, status, progress: status === 'done' ? 1 : s.engineJob.progress, message } })),
  resetJob: () => set({ engineJob: IDLE_JOB }),
});
