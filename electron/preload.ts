/**
 * The preload: exposes exactly the contract's HostApi as window.cwb, one method per call on its own IPC channel
 * and one subscription per event. No ipcRenderer, no generic invoke or on. Sandboxed, so this file is bundled
 * into one CommonJS file and imports only types from the contract (its channels are `cwb:<name>`, checked
 * against ipcChannel() by preload.test.ts).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { HostApi, HostCallName, HostEventName, HostEvents, HostResult } from './contract.ts';

const channel = (name: HostCallName | HostEventName): string => `cwb:${name}`;

function call<K extends HostCallName>(name: K) {
  return async (args: unknown): Promise<HostResult<never>> => {
    try {
      return (await ipcRenderer.invoke(channel(name), args)) as HostResult<never>;
    } catch (e) {
      return { ok: false, error: { code: 'internal', message: e instanceof Error ? e.message : String(e) } };
    }
  };
}

function subscribe<E extends HostEventName>(event: E) {
  return (listener: (payload: HostEvents[E]) => void): (() => void) => {
    const wrapped = (_event: IpcRendererEvent, payload: HostEvents[E]) => listener(payload);
    ipcRenderer.on(channel(event), wrapped);
    return () => {
      ipcRenderer.removeListener(channel(event), wrapped);
    };
  };
}

export const api = {
  projectOpenInitial: call('projectOpenInitial'),
  projectOpen: call('projectOpen'),
  projectSave: call('projectSave'),
  projectSaveAs: call('projectSaveAs'),
  projectRecent: call('projectRecent'),
  recoveryWrite: call('recoveryWrite'),
  recoveryCheck: call('recoveryCheck'),
  recoveryOpen: call('recoveryOpen'),
  recoveryDiscard: call('recoveryDiscard'),
  importPreview: call('importPreview'),
  importRun: call('importRun'),
  importCancel: call('importCancel'),
  importStatus: call('importStatus'),
  exportWrite: call('exportWrite'),
  exportPdf: call('exportPdf'),
  appInfo: call('appInfo'),
  filesList: call('filesList'),
  windowSetState: call('windowSetState'),
  windowConfirmClose: call('windowConfirmClose'),
  onMenuCommand: subscribe('menuCommand'),
  onFileOpenRequest: subscribe('fileOpenRequest'),
  onCloseRequest: subscribe('closeRequest'),
  onImportProgress: subscribe('importProgress'),
} satisfies HostApi;

contextBridge.exposeInMainWorld('cwb', api);
