import { describe, expect, it } from 'vitest';
import { createWorkbenchStore } from '../../store/store.ts';
import { selectCurrentScenario } from '../../store/selectors.ts';
import { makeProject } from '../../test/fixtures.ts';
import { duplicateScenario, editScenario, renameScenario, setHeadroom, setRule, setSiteHostModel, toggleKept, toggleLicenceModel } from './scenario-edits.ts';

function setup() {
  const store = createWorkbenchStore();
  store.getState().loadProject(makeProject(10, 3, 1), null);
  const current = () => {
    const sc = selectCurrentScenario(store.getState());
    if (!sc) throw new Error('no scenario');
    return sc;
  };
  return { store, current };
}

describe('scenario edits', () => {
  it('keeps and closes sites, one undoable step each, and marks the project unsaved', () => {
    const { store, current } = setup();
    const kept0 = current().keptDataCentreIds;
    const add = kept0.includes('dc-2') ? 'dc-1' : 'dc-2';
    editScenario(store, current(), toggleKept(current(), add), 'keep');
    expect(current().keptDataCentreIds).toContain(add);
    expect(store.getState().dirty).toBe(true);
    editScenario(store, current(), setSiteHostModel(current(), add, 'hm-other'), 'model');
    expect(current().hostModelByDataCentre[add]).toBe('hm-other');
    // closing the site drops its host model override in the same step
    editScenario(store, current(), toggleKept(current(), add), 'close');
    expect(current().keptDataCentreIds).not.toContain(add);
    expect(current().hostModelByDataCentre[add]).toBeUndefined();
    store.getState().undo();
    expect(current().hostModelByDataCentre[add]).toBe('hm-other');
    store.getState().undo();
    store.getState().undo();
    expect(current().keptDataCentreIds).toEqual(kept0);
    expect(store.getState().dirty).toBe(false);
    store.getState().redo();
    expect(current().keptDataCentreIds).toContain(add);
    expect(store.getState().dirty).toBe(true);
  });

  it('overrides rules and headroom per dimension, undoably', () => {
    const { store, current } = setup();
    editScenario(store, current(), setRule(current(), 'policy', 'peak'), 'policy');
    editScenario(store, current(), setHeadroom(current(), 'memory', 30), 'headroom');
    editScenario(store, current(), setRule(current(), 'segregateEnvironments', true), 'segregate');
    expect(current().rules).toMatchObject({ policy: 'peak', headroomPct: { memory: 30 }, segregateEnvironments: true });
    store.getState().undo();
    expect(current().rules.segregateEnvironments).toBeUndefined();
    store.getState().undo();
    expect(current().rules.headroomPct).toBeUndefined();
    store.getState().redo();
    expect(current().rules.headroomPct).toEqual({ memory: 30 });
  });

  it('duplicates a scenario under a fresh id and selects it; undo removes it', () => {
    const { store, current } = setup();
    const original = current();
    const id = duplicateScenario(store, original);
    expect(id).toBe(`${original.id}-copy`);
    expect(current().id).toBe(id);
    expect(current().name).toBe(`${original.name} (copy)`);
    expect(current().keptDataCentreIds).toEqual(original.keptDataCentreIds);
    expect(duplicateScenario(store, original)).toBe(`${original.id}-copy-2`);
    expect(store.getState().project?.estate.scenarios).toHaveLength(3);
    store.getState().undo();
    store.getState().undo();
    expect(store.getState().project?.estate.scenarios).toHaveLength(1);
    // the selection falls back to the first scenario
    expect(current().id).toBe(original.id);
    store.getState().redo();
    expect(store.getState().project?.estate.scenarios.at(-1)?.id).toBe(id);
  });
});

describe('licence models and the scenario name', () => {
  it('toggles a licence model in and out, undoably', () => {
    const { store, current } = setup();
    editScenario(store, current(), toggleLicenceModel(current(), 'lm-a'), 'licence');
    editScenario(store, current(), toggleLicenceModel(current(), 'lm-b'), 'licence');
    expect(current().licenceModelIds).toEqual(['lm-a', 'lm-b']);
    editScenario(store, current(), toggleLicenceModel(current(), 'lm-a'), 'licence');
    expect(current().licenceModelIds).toEqual(['lm-b']);
    store.getState().undo();
    expect(current().licenceModelIds).toEqual(['lm-a', 'lm-b']);
  });

  it('renames to a trimmed, non-empty, different name only', () => {
    const { current } = setup();
    expect(renameScenario(current(), '  ')).toBeNull();
    expect(renameScenario(current(), ` ${current().name} `)).toBeNull();
    expect(renameScenario(current(), ' New name ')).toEqual({ name: 'New name' });
  });
});
