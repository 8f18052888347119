import { BrowserWindow, app } from 'electron';
import { ipcChannel, type HostEventName, type HostEvents } from '../contract.ts';
import { APP_ORIGIN, APP_URL } from './app-paths.ts';
import type { Manager } from './managers.ts';

const APP_TITLE = 'Consolidation Workbench';

export type WindowManager = Manager & {
  window(): BrowserWindow | null;
  /** Push an event to the renderer; queued until the page has loaded and made its first call. */
  send<E extends HostEventName>(event: E, payload: HostEvents[E]): void;
  setState(state: { title: string; dirty: boolean }): void;
  isDirty(): boolean;
  /** The renderer asked the user and may close now. */
  confirmClose(): void;
  /** The renderer has loaded its first project (so it is running and subscribed): deliver what is queued. */
  rendererCalled(): void;
  /** Is this frame the app's own main frame (IPC sender check)? */
  isAppFrame(frame: Electron.WebFrameMain | null | undefined): boolean;
};

/** The one workbench window: secure preferences, title with unsaved marker, ask-before-close. */
export function windowManager(preload: string): WindowManager {
  let win: BrowserWindow | null = null;
  let dirty = false;
  let closeConfirmed = false;
  let loaded = false;
  const pending: (() => void)[] = [];

  const create = () => {
    win = new BrowserWindow({
      width: 1440,
      height: 900,
      minWidth: 960,
      minHeight: 600,
      title: APP_TITLE,
      show: false,
      backgroundColor: '#1e1e1e',
      webPreferences: {
        // The preload is the contract's HostApi and nothing else (reviewed; see electron/preload.ts).
        preload, // eng-disable PRELOAD_JS_CHECK -- reviewed: one method per contract call, sandboxed
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        navigateOnDragDrop: false,
        spellcheck: false,
        safeDialogs: true,
        disableBlinkFeatures: 'Auxclick', // no middle-click link opening
      },
    });
    const w = win;
    w.once('ready-to-show', () => w.show());
    w.webContents.on('did-start-loading', () => (loaded = false));
    // Fallback for a renderer that never loads a project: deliver queued events a while after load.
    w.webContents.on('did-finish-load', () => setTimeout(() => api.rendererCalled(), 10_000));
    w.on('close', (event) => {
      if (!dirty || closeConfirmed) return;
      event.preventDefault();
      w.webContents.send(ipcChannel('closeRequest'), {});
    });
    w.on('closed', () => {
      win = null;
      app.quit();
    });
    // A crashed renderer has lost its state (the recovery file keeps it): reload, and let the next start offer it.
    w.webContents.on('render-process-gone', () => {
      dirty = false;
      if (!w.isDestroyed()) void w.loadURL(APP_URL);
    });
    void w.loadURL(APP_URL);
  };

  const api: WindowManager = {
    name: 'window',
    start: create,
    stop() {
      closeConfirmed = true;
      if (win && !win.isDestroyed()) win.destroy();
      win = null;
    },
    window: () => win,
    send(event, payload) {
      const deliver = () => win && !win.isDestroyed() && win.webContents.send(ipcChannel(event), payload);
      if (loaded) deliver();
      else pending.push(deliver);
    },
    setState(state) {
      dirty = state.dirty;
      if (!win) return;
      const name = state.title.trim();
      win.setTitle(`${name ? `${name}${state.dirty ? ' •' : ''} — ` : ''}${APP_TITLE}`);
      win.setDocumentEdited(state.dirty); // macOS: the dot in the close button
    },
    isDirty: () => dirty,
    rendererCalled() {
      if (loaded) return;
      loaded = true;
      for (const job of pending.splice(0)) job();
    },
    confirmClose() {
      closeConfirmed = true;
      win?.close();
    },
    isAppFrame(frame) {
      if (!win || !frame) return false;
      return frame === win.webContents.mainFrame && frame.url.startsWith(`${APP_ORIGIN}/`);
    },
  };
  return api;
}
