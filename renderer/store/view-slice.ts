/**
 * View slice: theme (persisted), the active pane and estate tab, and the server table's filters and sort.
 * Persistence is an injected key-value store (localStorage in the app), written by the setter itself:
 * no middleware inside slices.
 */
import type { StateCreator } from 'zustand';
import type { WorkbenchState } from './types.ts';
import type { Server } from '../../core/model/schema.ts';

export type Environment = Server['environment'];

export type Theme = 'light' | 'dark';
export type Pane = 'estate' | 'scenario' | 'results';
export type EstateTab =
  | 'settings'
  | 'dataCentres'
  | 'servers'
  | 'applications'
  | 'departments'
  | 'userSites'
  | 'wanLinks'
  | 'zones'
  | 'hostModels'
  | 'products'
  | 'licenceModels';

export type ServerSortKey =
  | 'name'
  | 'id'
  | 'dataCentre'
  | 'application'
  | 'environment'
  | 'os'
  | 'cores'
  | 'memoryGiB'
  | 'storageGiB'
  | 'virtualisable';
export type ServerSort = { key: ServerSortKey; descending: boolean };
export type ServerFilters = {
  dataCentreId: string | null;
  environment: Environment | null;
  virtualisable: boolean | null;
  search: string;
};

export const THEME_STORAGE_KEY = 'cwb.theme';
export const NO_SERVER_FILTERS: ServerFilters = { dataCentreId: null, environment: null, virtualisable: null, search: '' };

export type TopologyMode = 'before' | 'after';
export type ResultsMode = 'plan' | 'compare';

export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

export type ViewSlice = {
  theme: Theme;
  activePane: Pane;
  estateTab: EstateTab;
  serverFilters: ServerFilters;
  serverSort: ServerSort;
  /** The scenario the Scenario pane edits and runs (null: the project's first). */
  selectedScenarioId: string | null;
  /** The scenario whose plan the Results pane shows (null: the one selected in the Scenario pane). */
  resultsScenarioId: string | null;
  resultsMode: ResultsMode;
  topologyMode: TopologyMode;
  /** Hour of the week on the topology, null for the peak over the week. */
  topologyHour: number | null;
  setTheme: (theme: Theme) => void;
  toggleTheme: () => void;
  setActivePane: (pane: Pane) => void;
  setEstateTab: (tab: EstateTab) => void;
  setServerFilters: (patch: Partial<ServerFilters>) => void;
  /** Sort by a column; the same column again flips the direction. */
  sortServersBy: (key: ServerSortKey) => void;
  selectScenario: (id: string | null) => void;
  showResultsOf: (scenarioId: string | null) => void;
  setResultsMode: (mode: ResultsMode) => void;
  setTopologyMode: (mode: TopologyMode) => void;
  setTopologyHour: (hour: number | null) => void;
};

export function readTheme(storage: KeyValueStorage | null, prefersDark = false): Theme {
  try {
    const stored = storage?.getItem(THEME_STORAGE_KEY);
    if (stored === 'light' || stored === 'dark') return stored;
  } catch {
    // storage unavailable (privacy mode): fall through to the default
  }
  return prefersDark ? 'dark' : 'light';
}

export const createViewSlice =
  (storage: KeyValueStorage | null, initialTheme: Theme): StateCreator<WorkbenchState, [], [], ViewSlice> =>
  (set, get) => {
    const setTheme = (theme: Theme) => {
      set({ theme });
      try {
        storage?.setItem(THEME_STORAGE_KEY, theme);
      } catch {
        // not persisted; the theme still applies for this session
      }
    };
    return {
      theme: initialTheme,
      activePane: 'estate',
      estateTab: 'dataCentres',
      serverFilters: NO_SERVER_FILTERS,
      serverSort: { key: 'name', descending: false },
      selectedScenarioId: null,
      resultsScenarioId: null,
      resultsMode: 'plan',
      topologyMode: 'after',
      topologyHour: null,
      setTheme,
      toggleTheme: () => setTheme(get().theme === 'dark' ? 'light' : 'dark'),
      setActivePane: (activePane) => set({ activePane }),
      setEstateTab: (estateTab) => set({ estateTab }),
      setServerFilters: (patch) => set((s) => ({ serverFilters: { ...s.serverFilters, ...patch } })),
      sortServersBy: (key) =>
        set((s) => ({
          serverSort: s.serverSort.key === key ? { key, descending: !s.serverSort.descending } : { key, descending: false },
        })),
      selectScenario: (selectedScenarioId) => set({ selectedScenarioId }),
      showResultsOf: (resultsScenarioId) => set({ resultsScenarioId }),
      setResultsMode: (resultsMode) => set({ resultsMode }),
      setTopologyMode: (topologyMode) => set({ topologyMode }),
      setTopologyHour: (topologyHour) => set({ topologyHour }),
    };
  };
