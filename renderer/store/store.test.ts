import { describe, expect, it } from 'vitest';
import { createWorkbenchStore } from './store.ts';
import { diffEntity } from './edits.ts';
import {
  selectServerCountByDataCentre,
  selectSelectedServer,
  selectServers,
  selectWindowTitle,
  selectDataCentreById,
} from './selectors.ts';
import { makeProject } from '../test/fixtures.ts';
import { THEME_STORAGE_KEY } from './view-slice.ts';
import { validateProject } from '../../core/model/validate.ts';
import { newProject } from '../app/new-project.ts';
import { isPlanStale, isRunInProgress, selectPlanInput } from './jobs-slice.ts';
import { tinyPlan } from '../views/fixtures.ts';

const FILE = { path: '/p/a.cwb', name: 'a.cwb' };

function loaded() {
  const store = createWorkbenchStore();
  store.getState().loadProject(makeProject(20), FILE);
  return store;
}

function renameServer(store: ReturnType<typeof loaded>, index: number, name: string) {
  const s = store.getState();
  const server = s.project!.estate.servers[index];
  const patch = diffEntity('servers', server, { name });
  s.applyEdit(`Rename ${server.id}`, patch ? [patch] : []);
}

describe('project slice', () => {
  it('an edit marks the project dirty and undo back to the saved state clears it', () => {
    const store = loaded();
    expect(store.getState().dirty).toBe(false);
    renameServer(store, 3, 'renamed');
    expect(store.getState().dirty).toBe(true);
    expect(store.getState().project!.estate.servers[3].name).toBe('renamed');
    store.getState().undo();
    expect(store.getState().dirty).toBe(false);
    expect(store.getState().project!.estate.servers[3].name).not.toBe('renamed');
    store.getState().redo();
    expect(store.getState().dirty).toBe(true);
    expect(store.getState().project!.estate.servers[3].name).toBe('renamed');
  });

  it('a new edit after undo clears the redo stack', () => {
    const store = loaded();
    renameServer(store, 1, 'a');
    store.getState().undo();
    expect(store.getState().redoStack).toHaveLength(1);
    renameServer(store, 2, 'b');
    expect(store.getState().redoStack).toHaveLength(0);
    store.getState().redo();
    expect(store.getState().project!.estate.servers[1].name).not.toBe('a');
  });

  it('saving moves the clean point; undoing past it makes the project dirty again', () => {
    const store = loaded();
    renameServer(store, 1, 'a');
    renameServer(store, 2, 'b');
    const marker = store.getState().currentMarker();
    store.getState().markSaved({ path: '/p/b.cwb', name: 'b.cwb' }, marker);
    expect(store.getState().dirty).toBe(false);
    expect(store.getState().file!.name).toBe('b.cwb');
    store.getState().undo();
    expect(store.getState().dirty).toBe(true);
    store.getState().redo();
    expect(store.getState().dirty).toBe(false);
  });

  it('an edit made while a save was in flight keeps the project dirty', () => {
    const store = loaded();
    renameServer(store, 1, 'a');
    const marker = store.getState().currentMarker();
    renameServer(store, 2, 'b');
    store.getState().markSaved(FILE, marker);
    expect(store.getState().dirty).toBe(true);
  });

  it('a clean state that was undone and replaced by another edit is unreachable', () => {
    const store = loaded();
    renameServer(store, 1, 'a');
    store.getState().markSaved(FILE, store.getState().currentMarker());
    store.getState().undo();
    renameServer(store, 2, 'b');
    store.getState().undo();
    expect(store.getState().dirty).toBe(true);
  });

  it('recovered work loads dirty and stays dirty through undo', () => {
    const store = createWorkbenchStore();
    store.getState().loadProject(makeProject(5), null, { dirty: true });
    expect(store.getState().dirty).toBe(true);
    renameServer(store, 0, 'x');
    store.getState().undo();
    expect(store.getState().dirty).toBe(true);
  });

  it('edits do not touch unrelated entities or the series', () => {
    const store = loaded();
    const before = store.getState().project!;
    renameServer(store, 4, 'x');
    const after = store.getState().project!;
    expect(after.series).toBe(before.series);
    expect(after.estate.dataCentres).toBe(before.estate.dataCentres);
    expect(after.estate.servers[5]).toBe(before.estate.servers[5]);
    expect(after.estate.servers).not.toBe(before.estate.servers);
  });

  it('an edit that changes nothing is not recorded', () => {
    const store = loaded();
    const server = store.getState().project!.estate.servers[0];
    expect(diffEntity('servers', server, { name: server.name, cores: server.cores })).toBeNull();
  });

  it('editing a data centre is undoable too', () => {
    const store = loaded();
    const dc = store.getState().project!.estate.dataCentres[0];
    const next = dc.status === 'close' ? 'keep' : 'close';
    store.getState().applyEdit('status', [diffEntity('dataCentres', dc, { status: next })!]);
    expect(store.getState().project!.estate.dataCentres[0].status).toBe(next);
    expect(store.getState().dirty).toBe(true);
    store.getState().undo();
    expect(store.getState().project!.estate.dataCentres[0].status).toBe(dc.status);
    expect(store.getState().dirty).toBe(false);
  });
});

describe('selectors', () => {
  it('return the same value for the same state and across unrelated changes', () => {
    const store = loaded();
    const a = selectServerCountByDataCentre(store.getState());
    expect(selectServerCountByDataCentre(store.getState())).toBe(a);
    store.getState().setActivePane('results');
    expect(selectServerCountByDataCentre(store.getState())).toBe(a);
    expect(selectServers(store.getState())).toBe(store.getState().project!.estate.servers);
    const dcs = selectDataCentreById(store.getState());
    renameServer(store, 1, 'x');
    expect(selectDataCentreById(store.getState())).toBe(dcs);
    expect(selectServerCountByDataCentre(store.getState())).not.toBe(a);
  });

  it('select the selected server and the window title', () => {
    const store = loaded();
    expect(selectSelectedServer(store.getState())).toBeNull();
    store.getState().selectServer('srv-000002');
    const s = selectSelectedServer(store.getState());
    expect(s?.id).toBe('srv-000002');
    expect(selectSelectedServer(store.getState())).toBe(s);
    expect(selectWindowTitle(store.getState())).toBe('a.cwb — Consolidation Workbench');
    const empty = createWorkbenchStore();
    expect(selectWindowTitle(empty.getState())).toBe('Untitled — Consolidation Workbench');
    expect(selectServers(empty.getState())).toBe(selectServers(empty.getState()));
  });
});

describe('view slice', () => {
  it('persists the theme', () => {
    const data = new Map<string, string>();
    const storage = { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
    const store = createWorkbenchStore({ storage });
    expect(store.getState().theme).toBe('light');
    store.getState().toggleTheme();
    expect(data.get(THEME_STORAGE_KEY)).toBe('dark');
    expect(createWorkbenchStore({ storage }).getState().theme).toBe('dark');
  });

  it('sorting by the same column flips the direction', () => {
    const store = createWorkbenchStore();
    store.getState().sortServersBy('cores');
    expect(store.getState().serverSort).toEqual({ key: 'cores', descending: false });
    store.getState().sortServersBy('cores');
    expect(store.getState().serverSort).toEqual({ key: 'cores', descending: true });
  });
});

describe('jobs slice', () => {
  it('tracks a run', () => {
    const store = createWorkbenchStore();
    store.getState().startJob('sc-1');
    store.getState().reportProgress(0.4);
    expect(store.getState().engineJob).toMatchObject({ status: 'running', progress: 0.4 });
    store.getState().finishJob('done');
    expect(store.getState().engineJob).toMatchObject({ status: 'done', progress: 1 });
  });

  it('each plan knows the Project object its run was given; edits, imports and undo make it stale', () => {
    const store = loaded();
    const given = store.getState().project!;
    store.getState().startJob('sc-1', 7);
    expect(store.getState().engineJob.input).toBe(given);
    // the project changes while the run goes on (an import): its plans still belong to the project it was given
    store.getState().replaceProject('Import', { ...given });
    const plan = tinyPlan();
    store.getState().setPlan('sc-1', plan, 7);
    expect(store.getState().planInputs['sc-1']).toBe(given);
    expect(selectPlanInput(store.getState(), 'sc-1')).toBe(given);
    expect(isPlanStale(store.getState(), 'sc-1')).toBe(true);
    expect(isRunInProgress(store.getState(), 'sc-1')).toBe(true);
    store.getState().finishJob('done', null, 7);
    expect(isRunInProgress(store.getState(), 'sc-1')).toBe(false);
    // undoing the import restores the very object the run was given: current again
    store.getState().undo();
    expect(store.getState().project).toBe(given);
    expect(isPlanStale(store.getState(), 'sc-1')).toBe(false);
    // an edit makes it stale; its undo builds another project object, so it stays stale (run again)
    renameServer(store, 0, 'renamed');
    expect(isPlanStale(store.getState(), 'sc-1')).toBe(true);
    store.getState().undo();
    expect(isPlanStale(store.getState(), 'sc-1')).toBe(true);
    // no plan: nothing to be stale
    expect(isPlanStale(store.getState(), 'sc-2')).toBe(false);
    // opening a project drops the plans and their inputs
    store.getState().loadProject(makeProject(3), null);
    expect(store.getState().planInputs).toEqual({});
    expect(selectPlanInput(store.getState(), 'sc-1')).toBeUndefined();
  });

  it('a plan of a caller that does not track runs belongs to the project as it is', () => {
    const store = loaded();
    store.getState().setPlan('sc-1', tinyPlan());
    expect(store.getState().planInputs['sc-1']).toBe(store.getState().project);
  });
});

describe('new project', () => {
  it('is a valid project with one host model and one scenario', () => {
    const p = newProject(new Date(Date.UTC(2026, 10, 22, 23, 0)));
    expect(p.series.startUtc).toBe('2026-11-22T00:00:00Z');
    const v = validateProject(p.estate, p.series);
    expect(v.ok).toBe(true);
    expect(p.estate.hostModels).toHaveLength(1);
    expect(p.estate.scenarios).toHaveLength(1);
  });
});
