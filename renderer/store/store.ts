/**
 * The workbench store: one zustand store built from four slices (project, selection, view, jobs).
 * A store per app instance (createStore + React context), so tests get a fresh one each.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createProjectSlice } from './project-slice.ts';
import { createSelectionSlice } from './selection-slice.ts';
import { createViewSlice, readTheme, type KeyValueStorage, type Theme } from './view-slice.ts';
import { createJobsSlice } from './jobs-slice.ts';
import type { WorkbenchState } from './types.ts';

export type WorkbenchStore = StoreApi<WorkbenchState>;

export type StoreOptions = {
  /** Where the theme is persisted (localStorage in the app, null in tests). */
  storage?: KeyValueStorage | null;
  /** The theme when none is stored (the OS preference). */
  prefersDark?: boolean;
  theme?: Theme;
};

export function createWorkbenchStore(options: StoreOptions = {}): WorkbenchStore {
  const storage = options.storage ?? null;
  const theme = options.theme ?? readTheme(storage, options.prefersDark ?? false);
  return createStore<WorkbenchState>()((...a) => ({
    ...createProjectSlice(...a),
    ...createSelectionSlice(...a),
    ...createViewSlice(storage, theme)(...a),
    ...createJobsSlice(...a),
  }));
}
