import { describe, expect, it } from 'vitest';
import { createWorkbenchStore } from './store.ts';
import { diffEntity } from './edits.ts';
import { makeProject } from '../test/fixtures.ts';

const FILE = { path: '/p/a.cwb', name: 'a.cwb' };

function setup() {
  const store = createWorkbenchStore();
  store.getState().loadProject(makeProject(20), FILE);
  return store;
}

/** The project after an import: 5 more servers, everything else copied. */
function imported(store: ReturnType<typeof setup>) {
  const p = store.getState().project!;
  const more = makeProject(25).estate.servers.slice(20);
  return { ...p, estate: { ...p.estate, servers: [...p.estate.servers, ...more] } };
}

describe('whole-project replacement edit (import)', () => {
  it('is one undoable step: undo restores the very same project, redo the imported one', () => {
    const store = setup();
    const before = store.getState().project!;
    const after = imported(store);
    store.getState().replaceProject('Import inventory.csv', after);
    expect(store.getState().project).toBe(after);
    expect(store.getState().undoStack.map((e) => e.label)).toEqual(['Import inventory.csv']);
    expect(store.getState().dirty).toBe(true);
    expect(store.getState().file).toEqual(FILE);

    store.getState().undo();
    expect(store.getState().project).toBe(before);
    expect(store.getState().dirty).toBe(false);
    expect(store.getState().redoStack).toHaveLength(1);

    store.getState().redo();
    expect(store.getState().project).toBe(after);
    expect(store.getState().dirty).toBe(true);
  });

  it('works between patch edits, and a save after it moves the clean point', () => {
    const store = setup();
    const rename = (i: number, name: string) => {
      const s = store.getState();
      const patch = diffEntity('servers', s.project!.estate.servers[i], { name });
      s.applyEdit(`Rename ${i}`, patch ? [patch] : []);
    };
    rename(1, 'first');
    const beforeImport = store.getState().project!;
    const after = imported(store);
    store.getState().replaceProject('Import', after);
    rename(22, 'an imported one');
    expect(store.getState().project!.estate.servers[22].name).toBe('an imported one');
    store.getState().markSaved(FILE, store.getState().currentMarker());
    expect(store.getState().dirty).toBe(false);

    store.getState().undo(); // the rename of an imported server
    expect(store.getState().project!.estate.servers[22].name).toBe(after.estate.servers[22].name);
    expect(store.getState().dirty).toBe(true);
    store.getState().undo(); // the import
    expect(store.getState().project).toBe(beforeImport);
    expect(store.getState().project!.estate.servers).toHaveLength(20);
    store.getState().undo(); // the first rename, a patch on the restored project
    expect(store.getState().project!.estate.servers[1].name).not.toBe('first');
    expect(store.getState().undoStack).toHaveLength(0);

    store.getState().redo();
    store.getState().redo();
    store.getState().redo();
    expect(store.getState().project!.estate.servers).toHaveLength(25);
    expect(store.getState().project!.estate.servers[22].name).toBe('an imported one');
    expect(store.getState().dirty).toBe(false);
  });

  it('clears a selection that undo removes, and a new edit clears redo', () => {
    const store = setup();
    const after = imported(store);
    store.getState().replaceProject('Import', after);
    store.getState().selectServer(after.estate.servers[24].id);
    store.getState().undo();
    expect(store.getState().selectedServerId).toBeNull();
    store.getState().replaceProject('Import again', imported(store));
    expect(store.getState().redoStack).toHaveLength(0);
    expect(store.getState().undoStack.map((e) => e.label)).toEqual(['Import again']);
  });

  it('does nothing without a project or when the project is the same', () => {
    const empty = createWorkbenchStore();
    empty.getState().replaceProject('Import', makeProject(2));
    expect(empty.getState().project).toBeNull();
    const store = setup();
    store.getState().replaceProject('Import', store.getState().project!);
    expect(store.getState().undoStack).toHaveLength(0);
  });
});
