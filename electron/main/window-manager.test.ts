import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { ipcChannel } from '../contract.ts';

type Prefs = Record<string, unknown>;
const created: FakeWindow[] = [];
class FakeWindow extends EventEmitter {
  title = '';
  edited = false;
  closed = false;
  sent: [string, unknown][] = [];
  mainFrame = { url: 'cwb://app/index.html' };
  webContents = Object.assign(new EventEmitter(), {
    send: (ch: string, payload: unknown) => this.sent.push([ch, payload]),
    mainFrame: this.mainFrame,
  });
  constructor(readonly options: { webPreferences: Prefs }) {
    super();
    created.push(this);
  }
  loadURL = vi.fn(async () => {});
  setTitle(t: string) {
    this.title = t;
  }
  setDocumentEdited(e: boolean) {
    this.edited = e;
  }
  isDestroyed = () => false;
  destroy() {}
  close() {
    const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
    this.emit('close', event);
    this.closed = !event.defaultPrevented;
  }
}
vi.mock('electron', () => ({ BrowserWindow: FakeWindow, app: { quit: vi.fn() } }));
const { windowManager } = await import('./window-manager.ts');

describe('window manager', () => {
  const wm = windowManager('/app/dist/electron/preload.cjs');
  wm.start();
  const win = created[0];

  it('creates the window locked down and loads the app scheme', () => {
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, preload: '/app/dist/electron/preload.cjs' });
    expect(win.loadURL).toHaveBeenCalledWith('cwb://app/index.html');
  });

  it('shows the file name and the unsaved marker in the title', () => {
    wm.setState({ title: 'plan.cwb', dirty: true });
    expect(win.title).toBe('plan.cwb • — Consolidation Workbench');
    expect(win.edited).toBe(true);
    wm.setState({ title: 'plan.cwb', dirty: false });
    expect(win.title).toBe('plan.cwb — Consolidation Workbench');
  });

  it('accepts IPC only from its own main frame', () => {
    expect(wm.isAppFrame(win.mainFrame as never)).toBe(true);
    expect(wm.isAppFrame({ url: 'cwb://app/index.html' } as never)).toBe(false);
    expect(wm.isAppFrame(null)).toBe(false);
  });

  it('queues events until the renderer has its first project', () => {
    wm.send('fileOpenRequest', { path: '/p/a.cwb' });
    expect(win.sent).toEqual([]);
    wm.rendererCalled();
    expect(win.sent).toEqual([[ipcChannel('fileOpenRequest'), { path: '/p/a.cwb' }]]);
  });

  it('asks the renderer before closing with unsaved changes, then closes when confirmed', () => {
    win.sent = [];
    wm.setState({ title: 'plan.cwb', dirty: true });
    win.close();
    expect(win.closed).toBe(false);
    expect(win.sent).toEqual([[ipcChannel('closeRequest'), {}]]);
    wm.confirmClose();
    expect(win.closed).toBe(true);
  });
});
