import { describe, expect, it } from 'vitest';
import { createController } from './controller.ts';
import { createDialogStore, selectCurrentDialog, type DialogRequest, type DialogStore } from './dialogs.ts';
import { createWorkbenchStore } from '../store/store.ts';
import { diffEntity } from '../store/edits.ts';
import { fakeCodec, fakeHost, type FakeHostOptions } from '../test/fake-host.ts';
import { makeProject } from '../test/fixtures.ts';

const tick = () => new Promise((r) => setTimeout(r, 0));

/** Wait for the next dialog and answer it. */
async function answer<K extends DialogRequest['kind']>(dialogs: DialogStore, kind: K, reply: Extract<DialogRequest, { kind: K }>['resolve'] extends (a: infer A) => void ? A : never) {
  for (let i = 0; i < 50 && !selectCurrentDialog(dialogs.getState()); i++) await tick();
  const d = selectCurrentDialog(dialogs.getState());
  expect(d?.kind).toBe(kind);
  (d!.resolve as (a: unknown) => void)(reply);
  return d!;
}

function setup(overrides: Partial<FakeHostOptions> = {}) {
  const codec = fakeCodec();
  const sample = makeProject(10);
  const other = makeProject(3, 2, 1);
  const files = { '/data/other.cwb': codec.bytesOf(other), '/data/bad.cwb': new Uint8Array([1, 2, 3]), ...(overrides.files ?? {}) };
  const host = fakeHost({ initial: { file: null, bytes: codec.bytesOf(sample) }, ...overrides, files });
  const store = createWorkbenchStore();
  const dialogs = createDialogStore();
  const printed: number[] = [];
  const controller = createController({ host: host.api, store, dialogs, codec, now: () => new Date(Date.UTC(2026, 10, 22, 23, 50)), print: () => void printed.push(1) });
  const edit = () => {
    const s = store.getState();
    const server = s.project!.estate.servers[0];
    s.applyEdit('rename', [diffEntity('servers', server, { name: `${server.name}-x` })!]);
  };
  return { codec, sample, other, host, store, dialogs, controller, edit, printed };
}

describe('controller', () => {
  it('opens the sample on first start, once', async () => {
    const t = setup();
    await Promise.all([t.controller.start(), t.controller.start()]);
    expect(t.store.getState().project).toBe(t.sample);
    expect(t.store.getState().file).toBeNull();
    expect(t.host.callsOf('projectOpenInitial')).toHaveLength(1);
  });

  it('offers recovery and opens the recovered work dirty', async () => {
    const recovered = makeProject(4);
    const t = setup({
      recovery: { file: { path: '/data/a.cwb', name: 'a.cwb' }, savedAt: '2026-11-22T22:00:00Z', recoveryPath: '/rec/r.cwb' },
    });
    t.host.files.set('/rec/r.cwb', t.codec.bytesOf(recovered));
    const started = t.controller.start();
    await answer(t.dialogs, 'recover', 'recover');
    await started;
    expect(t.store.getState().project).toBe(recovered);
    expect(t.store.getState().dirty).toBe(true);
    expect(t.store.getState().file?.name).toBe('a.cwb');
  });

  it('discarding recovery tells the host and opens the sample', async () => {
    const t = setup({ recovery: { file: null, savedAt: '2026-11-22T22:00:00Z', recoveryPath: '/rec/r.cwb' } });
    const started = t.controller.start();
    await answer(t.dialogs, 'recover', 'discard');
    await started;
    expect(t.host.callsOf('recoveryDiscard')).toHaveLength(1);
    expect(t.store.getState().project).toBe(t.sample);
  });

  it('saves a new project through Save As, then to the same file', async () => {
    const t = setup();
    await t.controller.start();
    t.host.setDialogPath('/data/mine.cwb');
    t.edit();
    expect(await t.controller.save()).toBe(true);
    expect(t.host.callsOf('projectSaveAs')[0].args).toMatchObject({ path: null });
    expect(t.store.getState().file?.path).toBe('/data/mine.cwb');
    expect(t.store.getState().dirty).toBe(false);
    t.edit();
    expect(await t.controller.save()).toBe(true);
    expect(t.host.callsOf('projectSave')[0].args).toMatchObject({ path: '/data/mine.cwb' });
  });

  it('keeps the open project when the host reports a bad file', async () => {
    const t = setup();
    await t.controller.start();
    t.host.setDialogPath('/data/bad.cwb');
    const opening = t.controller.open();
    const d = await answer(t.dialogs, 'error', null);
    await opening;
    expect(d.props).toMatchObject({ message: 'bad.cwb is not a Consolidation Workbench project.' });
    expect(t.store.getState().project).toBe(t.sample);
  });

  it('says nothing when the user cancels the native dialog', async () => {
    const t = setup();
    await t.controller.start();
    t.host.setDialogPath(null);
    await t.controller.open();
    expect(selectCurrentDialog(t.dialogs.getState())).toBeNull();
  });

  it('asks before replacing unsaved work; cancel keeps it', async () => {
    const t = setup();
    await t.controller.start();
    t.edit();
    const p = t.controller.newProject();
    await answer(t.dialogs, 'unsaved', 'cancel');
    await p;
    expect(t.store.getState().project!.estate.name).toBe('Fixture');
    const q = t.controller.newProject();
    await answer(t.dialogs, 'unsaved', 'discard');
    await q;
    expect(t.store.getState().project!.estate.name).toBe('Untitled');
    expect(t.store.getState().dirty).toBe(false);
  });

  it('browser mode opens through the in-app file browser', async () => {
    const t = setup({ host: 'browser' });
    await t.controller.start();
    const opening = t.controller.open();
    const d = await answer(t.dialogs, 'fileBrowser', '/data/other.cwb');
    await opening;
    expect(d.props).toMatchObject({ mode: 'open' });
    expect(t.host.callsOf('projectOpen')[0].args).toEqual({ path: '/data/other.cwb' });
    expect(t.store.getState().project).toBe(t.other);
    expect(t.store.getState().file?.name).toBe('other.cwb');
  });

  it('close request: save, then confirm', async () => {
    const t = setup();
    await t.controller.start();
    t.host.setDialogPath('/data/x.cwb');
    t.edit();
    const closing = t.controller.handleCloseRequest();
    await answer(t.dialogs, 'unsaved', 'save');
    await closing;
    expect(t.host.callsOf('projectSaveAs')).toHaveLength(1);
    expect(t.host.callsOf('windowConfirmClose')).toHaveLength(1);
  });

  it("close request: cancel doesn't close; don't save discards recovery and closes", async () => {
    const t = setup();
    await t.controller.start();
    t.edit();
    const a = t.controller.handleCloseRequest();
    await answer(t.dialogs, 'unsaved', 'cancel');
    await a;
    expect(t.host.callsOf('windowConfirmClose')).toHaveLength(0);
    const b = t.controller.handleCloseRequest();
    await answer(t.dialogs, 'unsaved', 'discard');
    await b;
    expect(t.host.callsOf('recoveryDiscard')).toHaveLength(1);
    expect(t.host.callsOf('windowConfirmClose')).toHaveLength(1);
  });

  it('writes recovery only while dirty and only when changed', async () => {
    const t = setup();
    await t.controller.start();
    await t.controller.writeRecovery();
    expect(t.host.callsOf('recoveryWrite')).toHaveLength(0);
    t.edit();
    await t.controller.writeRecovery();
    await t.controller.writeRecovery();
    expect(t.host.callsOf('recoveryWrite')).toHaveLength(1);
    t.edit();
    await t.controller.writeRecovery();
    expect(t.host.callsOf('recoveryWrite')).toHaveLength(2);
  });

  it('export PDF without a plan asks for a run first and prints nothing (the flow is in report-flow.test.ts)', async () => {
    const b = setup({ host: 'browser' });
    await b.controller.start();
    const done = b.controller.exportPdf();
    const d = await answer(b.dialogs, 'message', null);
    expect(d.props).toMatchObject({ title: 'Run the plan first' });
    await done;
    expect(b.printed).toHaveLength(0);
    expect(b.host.callsOf('exportPdf')).toHaveLength(0);
  });
});
