/** Selection slice: the data centre and the server the user picked (their editors follow the selection). */
import type { StateCreator } from 'zustand';
import type { WorkbenchState } from './types.ts';

export type SelectionSlice = {
  selectedDataCentreId: string | null;
  selectedServerId: string | null;
  selectDataCentre: (id: string | null) => void;
  selectServer: (id: string | null) => void;
};

export const createSelectionSlice: StateCreator<WorkbenchState, [], [], SelectionSlice> = (set) => ({
  selectedDataCentreId: null,
  selectedServerId: null,
  selectDataCentre: (id) => set({ selectedDataCentreId: id }),
  selectServer: (id) => set({ selectedServerId: id }),
});
