/**
 * The app controller: file flows (new, open, save, save as, recovery, close) and the other actions, against
 * the HostApi, the store and the dialogs. No React here: components call it, tests drive it with a fake host.
 *
 * Every host answer is a HostResult; failures other than 'cancelled' show in an error dialog and leave the
 * open project as it was.
 */
import type { AppInfo, FileRef, HostApi, HostError, HostResult, OpenedProject } from '../../electron/contract.ts';
import type { ActionTarget } from '../actions/registry.ts';
import type { WorkbenchStore } from '../store/store.ts';
import { ask, type DialogStore } from './dialogs.ts';
import type { ProjectCodec } from './codec.ts';
import { newProject } from './new-project.ts';
import { exportReportPdf } from './report-flow.ts';
import { exportCurrentView } from './export-image.ts';
import { createImportFlow, type ImportFlow } from './import-flow.ts';

export type ControllerDeps = {
  host: HostApi;
  store: WorkbenchStore;
  dialogs: DialogStore;
  codec: ProjectCodec;
  now: () => Date;
  /** Browser mode's Export PDF: the page's print dialog. */
  print: () => void;
};

export type Controller = ActionTarget & {
  /** First start: recovery offer, else the bundled sample or the last project. Runs once. */
  start: () => Promise<void>;
  /** Open a file by path (the OS or the command line asked). */
  openPath: (path: string) => Promise<void>;
  /** The host wants to close the window: ask about unsaved changes, then confirm. */
  handleCloseRequest: () => Promise<void>;
  /** Send the unsaved state to the host's recovery file (the app calls it every 60 s). */
  writeRecovery: () => Promise<void>;
  appInfo: () => AppInfo | null;
  /** File > Import: the Import dialog's state and steps (renderer/app/import-flow.ts). */
  importFlow: ImportFlow;
};

const APP_NAME = 'Consolidation Workbench';

export function suggestedFileName(estateName: string, ext = '.cwb'): string {
  const base = [...estateName]
    .map((c) => (c < ' ' || '\\/:*?"<>|'.includes(c) ? ' ' : c))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120);
  return `${base || 'Untitled'}${ext}`;
}

export function createController(deps: ControllerDeps): Controller {
  const { host, store, dialogs, codec, now } = deps;
  let info: AppInfo | null = null;
  let started = false;
  let busy = false;
  let closing = false;
  let recoveryRevision = -1;
  const importFlow = createImportFlow({ host, store, codec, now, appInfo: () => info });

  const isBrowser = () => info?.host === 'browser';
  const appVersion = () => info?.version ?? '0.0.0';

  async function report(title: string, error: HostError): Promise<void> {
    if (error.code === 'cancelled') return;
    await ask(dialogs, 'error', { title, message: error.message });
  }

  /** Run one file flow at a time: a second Ctrl+S while saving is ignored. */
  async function exclusive<T>(fallback: T, flow: () => Promise<T>): Promise<T> {
    if (busy) return fallback;
    busy = true;
    try {
      return await flow();
    } finally {
      busy = false;
    }
  }

  function encodeCurrent(): { bytes: Uint8Array<ArrayBuffer>; marker: number } | HostError {
    const s = store.getState();
    if (!s.project) return { code: 'internal', message: 'There is no project to save.' };
    try {
      const marker = s.currentMarker();
      const bytes = codec.encode(s.project, { appVersion: appVersion(), nowUtc: now().toISOString() });
      return { bytes, marker };
    } catch (e) {
      return { code: 'internal', message: `The project could not be written: ${e instanceof Error ? e.message : String(e)}` };
    }
  }

  function load(opened: OpenedProject): HostError | null {
    const decoded = codec.decode(opened.bytes);
    if (!decoded.ok) return { code: 'bad-file', message: decoded.error.message };
    store.getState().loadProject(decoded.project, opened.file, { dirty: opened.recovered });
    recoveryRevision = -1;
    return null;
  }

  async function openWith(title: string, call: () => Promise<HostResult<OpenedProject>>): Promise<boolean> {
    const r = await call();
    const error = r.ok ? load(r.value) : r.error;
    if (error) await report(title, error);
    return error === null;
  }

  /** Unsaved changes before replacing the project: true to go on. */
  async function confirmReplace(): Promise<boolean> {
    const s = store.getState();
    if (!s.dirty) return true;
    const choice = await ask(dialogs, 'unsaved', { fileName: s.file?.name ?? 'Untitled', reason: 'replace' });
    if (choice === 'cancel') return false;
    if (choice === 'save') return saveNow();
    return true;
  }

  async function afterSave(): Promise<void> {
    recoveryRevision = -1;
    await host.recoveryDiscard({});
  }

  /**
   * Save with `call`; when the host refuses because the .bak cannot be kept, ask whether to save without a
   * backup and, if so, call again with `withoutBackup`.
   */
  async function saveWith(call: (withoutBackup: boolean) => Promise<HostResult<FileRef>>, marker: number): Promise<boolean> {
    const title = 'Could not save the project';
    let r = await call(false);
    if (!r.ok && r.error.code === 'no-backup' && (await ask(dialogs, 'noBackup', { title, message: r.error.message })) === 'without-backup') {
      r = await call(true);
    }
    if (!r.ok) return r.error.code === 'no-backup' ? false : report(title, r.error).then(() => false);
    store.getState().markSaved(r.value, marker);
    await afterSave();
    return true;
  }

  async function saveAsNow(): Promise<boolean> {
    const s = store.getState();
    if (!s.project) return false;
    const suggestedName = s.file?.name ?? suggestedFileName(s.project.estate.name);
    let path: string | null = null;
    if (isBrowser()) {
      path = await ask(dialogs, 'fileBrowser', { mode: 'save', suggestedName });
      if (path === null) return false;
    }
    const encoded = encodeCurrent();
    if ('code' in encoded) return report('Could not save the project', encoded).then(() => false);
    // A path from the file browser: it asked before replacing an existing file.
    const { bytes, marker } = encoded;
    return saveWith((withoutBackup) => host.projectSaveAs({ suggestedName, bytes, path, replace: path !== null, withoutBackup }), marker);
  }

  async function saveNow(): Promise<boolean> {
    const file = store.getState().file;
    if (!file) return saveAsNow();
    const encoded = encodeCurrent();
    if ('code' in encoded) return report('Could not save the project', encoded).then(() => false);
    const { bytes, marker } = encoded;
    return saveWith((withoutBackup) => host.projectSave({ path: file.path, bytes, withoutBackup }), marker);
  }

  async function openInitial(): Promise<void> {
    const rec = await host.recoveryCheck({});
    if (rec.ok && rec.value) {
      const recovery = rec.value;
      const choice = await ask(dialogs, 'recover', { info: recovery });
      if (choice === 'recover' && (await openWith('Could not recover the unsaved work', () => host.recoveryOpen({ recoveryPath: recovery.recoveryPath })))) {
        return;
      }
      if (choice === 'discard') await host.recoveryDiscard({});
    }
    await openWith('Could not open the sample project', () => host.projectOpenInitial({}));
  }

  return {
    appInfo: () => info,
    start: async () => {
      if (started) return;
      started = true;
      await exclusive(undefined, async () => {
        const r = await host.appInfo({});
        if (r.ok) info = r.value;
        await openInitial();
        // Whatever failed, leave the app usable.
        if (!store.getState().project) store.getState().loadProject(newProject(now()), null);
      });
    },
    newProject: () =>
      exclusive(undefined, async () => {
        if (await confirmReplace()) store.getState().loadProject(newProject(now()), null);
      }),
    open: () =>
      exclusive(undefined, async () => {
        if (!(await confirmReplace())) return;
        let path: string | null = null;
        if (isBrowser()) {
          path = await ask(dialogs, 'fileBrowser', { mode: 'open', suggestedName: '' });
          if (path === null) return;
        }
        await openWith('Could not open the project', () => host.projectOpen({ path }));
      }),
    openPath: (path) =>
      exclusive(undefined, async () => {
        if (await confirmReplace()) await openWith('Could not open the project', () => host.projectOpen({ path }));
      }),
    save: () => exclusive(false, saveNow),
    saveAs: () => exclusive(false, saveAsNow),
    handleCloseRequest: () =>
      exclusive(undefined, async () => {
        if (closing) return;
        const s = store.getState();
        if (s.dirty) {
          const choice = await ask(dialogs, 'unsaved', { fileName: s.file?.name ?? 'Untitled', reason: 'close' });
          if (choice === 'cancel') return;
          if (choice === 'save' && !(await saveNow())) return;
          if (choice === 'discard') await host.recoveryDiscard({});
        }
        closing = true;
        const r = await host.windowConfirmClose({});
        if (!r.ok) closing = false;
      }),
    writeRecovery: async () => {
      const s = store.getState();
      if (!s.dirty || !s.project || s.revision === recoveryRevision || busy) return;
      const revision = s.revision;
      const encoded = encodeCurrent();
      if ('code' in encoded) return;
      const r = await host.recoveryWrite({ file: s.file, bytes: encoded.bytes });
      if (r.ok) recoveryRevision = revision;
    },
    importFlow,
    importFile: async () => {
      if (busy || importFlow.state.getState().open) return;
      importFlow.open();
      // Electron: straight to the native dialog (cancelling it leaves the Import dialog open).
      if (!isBrowser()) await importFlow.chooseFiles();
    },
    // the snapshot report of the current scenario's plan (renderer/app/report-flow.ts)
    exportPdf: () =>
      exclusive(undefined, () => exportReportPdf({ host, store, dialogs, isBrowser: isBrowser(), print: deps.print, now, fileName: suggestedFileName })),
    exportViewImage: () =>
      exclusive(undefined, async () => {
        const s = store.getState();
        await exportCurrentView({ host, dialogs, appInfo: () => info, activePane: s.activePane, projectName: s.project?.estate.name ?? 'Untitled' });
      }),
    undo: () => store.getState().undo(),
    redo: () => store.getState().redo(),
    toggleTheme: () => store.getState().toggleTheme(),
    about: async () => {
      await ask(dialogs, 'message', {
        title: `About ${info?.name ?? APP_NAME}`,
        message: `${info?.name ?? APP_NAME} ${info?.version ?? ''}\nOffline data-centre consolidation planning.\nHost: ${info?.host ?? 'unknown'} (${info?.platform ?? ''})`,
      });
    },
  };
}
