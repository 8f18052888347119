import type { ProjectSlice } from './project-slice.ts';
import type { SelectionSlice } from './selection-slice.ts';
import type { ViewSlice } from './view-slice.ts';
import type { JobsSlice } from './jobs-slice.ts';

/** The whole workbench state: the four slices side by side. */
export type WorkbenchState = ProjectSlice & SelectionSlice & ViewSlice & JobsSlice;
