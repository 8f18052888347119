/**
 * Project slice: the decoded project, its file, the dirty flag and the undo / redo stacks.
 * Dirty is derived from the stacks: the project is clean when the edit on top of the undo stack is the one
 * that was on top when it was last saved (or opened). Undoing back to that point clears dirty again.
 */
import type { StateCreator } from 'zustand';
import type { FileRef } from '../../electron/contract.ts';
import type { Project } from '../../core/model/project.ts';
import { applyEditSide, applyPatches, type Edit, type EntityPatch } from './edits.ts';
import type { WorkbenchState } from './types.ts';
import { NO_SERVER_FILTERS } from './view-slice.ts';
import { IDLE_JOB } from './jobs-slice.ts';
import { restorePlans } from './kept-plans.ts';
import type { OpenedPlans } from '../../core/project-file/saved-plans.ts';

/** Marker of a saved state: the seq of the edit on top of the undo stack, 0 for none, -1 for "never saved". */
type SavedMarker = number;
const NEVER_SAVED: SavedMarker = -1;

export type ProjectSlice = {
  project: Project | null;
  file: FileRef | null;
  dirty: boolean;
  undoStack: readonly Edit[];
  redoStack: readonly Edit[];
  savedMarker: SavedMarker;
  /** Bumped on every change of the project; lets the recovery writer skip unchanged state. */
  revision: number;
  nextSeq: number;
  /**
   * Replace the project (open, new, recover). `dirty: true` for recovered work that is not on disk; `plans`:
   * the plans kept in the file (the latest per scenario and the snapshots), shown without a run.
   */
  loadProject: (project: Project, file: FileRef | null, options?: { dirty?: boolean; plans?: OpenedPlans }) => void;
  /** Apply patches as one undoable step. Does nothing when there are no patches. */
  applyEdit: (label: string, patches: readonly EntityPatch[]) => void;
  /** Replace the whole project as one undoable step (an import); the file and the saved point stay. */
  replaceProject: (label: string, project: Project) => void;
  undo: () => void;
  redo: () => void;
  /** The marker of the current state, taken when encoding for a save (edits may land while saving). */
  currentMarker: () => SavedMarker;
  /** The project as of `marker` (and its kept plans as of `plansRevision`, default now) was written to `file`. */
  markSaved: (file: FileRef, marker: SavedMarker, plansRevision?: number) => void;
};

const topSeq = (stack: readonly Edit[]): number => (stack.length === 0 ? 0 : stack[stack.length - 1].seq);
/** Unsaved: an edit since the saved point, or kept plans changed since the last save (plans are not edits). */
const isDirty = (s: WorkbenchState, undoStack: readonly Edit[], savedMarker = s.savedMarker, savedPlansRevision = s.savedPlansRevision): boolean =>
  topSeq(undoStack) !== savedMarker || s.plansRevision !== savedPlansRevision;

/** Selections that name something the new project no longer has are cleared (undo of an import). */
function keptSelection(s: WorkbenchState, project: Project): Partial<WorkbenchState> {
  const out: Partial<WorkbenchState> = {};
  if (s.selectedServerId !== null && !project.estate.servers.some((x) => x.id === s.selectedServerId)) out.selectedServerId = null;
  if (s.selectedDataCentreId !== null && !project.estate.dataCentres.some((x) => x.id === s.selectedDataCentreId)) out.selectedDataCentreId = null;
  return out;
}

const withProject = (s: WorkbenchState, project: Project): Partial<WorkbenchState> =>
  s.project !== null && project.estate.servers === s.project.estate.servers && project.estate.dataCentres === s.project.estate.dataCentres
    ? { project }
    : { project, ...keptSelection(s, project) };

export const createProjectSlice: StateCreator<WorkbenchState, [], [], ProjectSlice> = (set, get) => ({
  project: null,
  file: null,
  dirty: false,
  undoStack: [],
  redoStack: [],
  savedMarker: 0,
  revision: 0,
  nextSeq: 1,
  loadProject: (project, file, options) =>
    set((s) => ({
      ...restorePlans(project, options?.plans),
      plansRevision: 0,
      savedPlansRevision: 0,
      project,
      file,
      dirty: options?.dirty ?? false,
      undoStack: [],
      redoStack: [],
      savedMarker: options?.dirty ? NEVER_SAVED : 0,
      revision: s.revision + 1,
      selectedServerId: null,
      selectedDataCentreId: null,
      // filters may name data centres of the previous project
      serverFilters: NO_SERVER_FILTERS,
      // plans (above: those kept in the file) and scenario choices belong to the project
      engineJob: IDLE_JOB,
      selectedScenarioId: null,
      resultsScenarioId: null,
      resultsMode: 'plan',
    })),
  applyEdit: (label, patches) => {
    const s = get();
    if (!s.project || patches.length === 0) return;
    const edit: Edit = { seq: s.nextSeq, label, patches };
    const undoStack = [...s.undoStack, edit];
    set({
      project: applyPatches(s.project, patches, 'after'),
      undoStack,
      redoStack: [],
      nextSeq: s.nextSeq + 1,
      dirty: isDirty(s, undoStack),
      revision: s.revision + 1,
    });
  },
  replaceProject: (label, project) => {
    const s = get();
    if (!s.project || project === s.project) return;
    const edit: Edit = { seq: s.nextSeq, label, patches: [], replace: { before: s.project, after: project } };
    const undoStack = [...s.undoStack, edit];
    set({
      project,
      undoStack,
      redoStack: [],
      nextSeq: s.nextSeq + 1,
      dirty: isDirty(s, undoStack),
      revision: s.revision + 1,
      ...keptSelection(s, project),
    });
  },
  undo: () => {
    const s = get();
    if (!s.project || s.undoStack.length === 0) return;
    const edit = s.undoStack[s.undoStack.length - 1];
    const undoStack = s.undoStack.slice(0, -1);
    set({
      ...withProject(s, applyEditSide(s.project, edit, 'before')),
      undoStack,
      redoStack: [...s.redoStack, edit],
      dirty: isDirty(s, undoStack),
      revision: s.revision + 1,
    });
  },
  redo: () => {
    const s = get();
    if (!s.project || s.redoStack.length === 0) return;
    const edit = s.redoStack[s.redoStack.length - 1];
    const undoStack = [...s.undoStack, edit];
    set({
      ...withProject(s, applyEditSide(s.project, edit, 'after')),
      undoStack,
      redoStack: s.redoStack.slice(0, -1),
      dirty: isDirty(s, undoStack),
      revision: s.revision + 1,
    });
  },
  currentMarker: () => topSeq(get().undoStack),
  markSaved: (file, marker, plansRevision) =>
    set((s) => {
      const savedPlansRevision = plansRevision ?? s.plansRevision;
      return { file, savedMarker: marker, savedPlansRevision, dirty: isDirty(s, s.undoStack, marker, savedPlansRevision) };
    }),
});
