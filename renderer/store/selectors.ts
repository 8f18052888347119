/**
 * Selectors that return stable values: primitives, references held by the store, or values memoised on the
 * identity of the store's arrays. Never a fresh object or array per call.
 */
import type { Application, DataCentre, Estate, Scenario, Server, WanLink } from '../../core/model/schema.ts';
import type { Project } from '../../core/model/project.ts';
import { memoByRef } from './memo.ts';
import type { WorkbenchState } from './types.ts';

const NO_SERVERS: readonly Server[] = [];
const NO_DCS: readonly DataCentre[] = [];
const NO_APPS: readonly Application[] = [];
const NO_LINKS: readonly WanLink[] = [];
const NO_SCENARIOS: readonly Scenario[] = [];

export const selectProject = (s: WorkbenchState): Project | null => s.project;
export const selectEstate = (s: WorkbenchState): Estate | null => s.project?.estate ?? null;
export const selectServers = (s: WorkbenchState): readonly Server[] => s.project?.estate.servers ?? NO_SERVERS;
export const selectDataCentres = (s: WorkbenchState): readonly DataCentre[] => s.project?.estate.dataCentres ?? NO_DCS;
export const selectApplications = (s: WorkbenchState): readonly Application[] => s.project?.estate.applications ?? NO_APPS;
export const selectWanLinks = (s: WorkbenchState): readonly WanLink[] => s.project?.estate.wanLinks ?? NO_LINKS;
export const selectScenarios = (s: WorkbenchState): readonly Scenario[] => s.project?.estate.scenarios ?? NO_SCENARIOS;
export const selectServerCount = (s: WorkbenchState): number => s.project?.estate.servers.length ?? 0;
export const selectDataCentreCount = (s: WorkbenchState): number => s.project?.estate.dataCentres.length ?? 0;
export const selectFileName = (s: WorkbenchState): string => s.file?.name ?? 'Untitled';
export const selectCanUndo = (s: WorkbenchState): boolean => s.undoStack.length > 0;
export const selectCanRedo = (s: WorkbenchState): boolean => s.redoStack.length > 0;

/** "<file> — Consolidation Workbench", the window title. */
export const selectWindowTitle = (s: WorkbenchState): string => `${selectFileName(s)} — Consolidation Workbench`;

const byIdCache = new WeakMap<readonly { id: string }[], ReadonlyMap<string, { id: string }>>();
/** Entities by id, memoised on the array. */
export function byId<T extends { id: string }>(list: readonly T[]): ReadonlyMap<string, T> {
  const hit = byIdCache.get(list);
  if (hit) return hit as ReadonlyMap<string, T>; // cached from this same array of T
  const m = new Map<string, T>();
  for (const item of list) m.set(item.id, item);
  byIdCache.set(list, m);
  return m;
}

/** Index of each server in the servers array, by id. */
export const serverIndexById = memoByRef((servers: readonly Server[]): ReadonlyMap<string, number> => {
  const m = new Map<string, number>();
  servers.forEach((s, i) => m.set(s.id, i));
  return m;
});

/** Number of servers in each data centre (and in each application), memoised on the servers array. */
export const serverCountByDataCentre = memoByRef((servers: readonly Server[]): ReadonlyMap<string, number> => {
  const m = new Map<string, number>();
  for (const s of servers) m.set(s.dataCentreId, (m.get(s.dataCentreId) ?? 0) + 1);
  return m;
});
export const serverCountByApplication = memoByRef((servers: readonly Server[]): ReadonlyMap<string, number> => {
  const m = new Map<string, number>();
  for (const s of servers) if (s.applicationId !== null) m.set(s.applicationId, (m.get(s.applicationId) ?? 0) + 1);
  return m;
});

export const selectServerCountByDataCentre = (s: WorkbenchState) => serverCountByDataCentre(selectServers(s));
export const selectServerCountByApplication = (s: WorkbenchState) => serverCountByApplication(selectServers(s));
export const selectDataCentreById = (s: WorkbenchState) => byId(selectDataCentres(s));
export const selectApplicationById = (s: WorkbenchState) => byId(selectApplications(s));

export const selectSelectedServer = (s: WorkbenchState): Server | null => {
  if (s.selectedServerId === null) return null;
  const servers = selectServers(s);
  const i = serverIndexById(servers).get(s.selectedServerId);
  return i === undefined ? null : servers[i];
};
export const selectSelectedDataCentre = (s: WorkbenchState): DataCentre | null =>
  s.selectedDataCentreId === null ? null : (selectDataCentreById(s).get(s.selectedDataCentreId) ?? null);

/** The scenario the Scenario pane shows: the selected one, else the project's first (a reference held by the store). */
export const selectCurrentScenario = (s: WorkbenchState): Scenario | null => {
  const list = selectScenarios(s);
  return (s.selectedScenarioId === null ? undefined : byId(list).get(s.selectedScenarioId)) ?? list[0] ?? null;
};

/** The scenario whose plan the Results pane shows: the one last run or picked there, else the current one. */
export const selectResultsScenarioId = (s: WorkbenchState): string | null => {
  const id = s.resultsScenarioId;
  if (id !== null && s.plans[id]) return id;
  const current = selectCurrentScenario(s);
  if (current && s.plans[current.id]) return current.id;
  return selectScenarios(s).find((sc) => s.plans[sc.id])?.id ?? null;
};
