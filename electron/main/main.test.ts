import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { HOST_CALL_NAMES, ipcChannel } from '../contract.ts';

// Smoke test of the composition in main.ts with a fake Electron: every manager starts, and the security
// settings are in place. (No Electron binary here; e2e runs the real thing where one exists.)
const appRoot = mkdtempSync(join(tmpdir(), 'cwb-main-'));
mkdirSync(join(appRoot, 'dist', 'renderer'), { recursive: true });
writeFileSync(join(appRoot, 'dist', 'renderer', 'index.html'), '<!doctype html><title>app</title>');
writeFileSync(join(appRoot, 'secret.txt'), 'secret');

const seen = vi.hoisted(() => ({
  schemes: [] as unknown[],
  protocolHandler: null as null | ((req: { url: string }) => Promise<Response>),
  permission: null as null | ((wc: unknown, p: string, cb: (ok: boolean) => void) => void),
  beforeRequest: null as null | ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
  ipc: new Map<string, unknown>(),
  menu: null as unknown,
  windows: [] as { options: unknown }[],
  sandbox: false,
}));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const app = Object.assign(new Emitter(), {
    enableSandbox: () => void (seen.sandbox = true),
    requestSingleInstanceLock: () => true,
    setPath: () => {},
    getPath: (name: string) => join(appRoot, name),
    getAppPath: () => appRoot,
    getName: () => 'Consolidation Workbench',
    getVersion: () => '0.1.0',
    isPackaged: false,
    whenReady: () => Promise.resolve(),
    quit: () => {},
    exit: () => {},
    addRecentDocument: () => {},
  });
  class BrowserWindow extends Emitter {
    webContents = Object.assign(new Emitter(), { send: () => {}, mainFrame: {} });
    constructor(readonly options: unknown) {
      super();
      seen.windows.push(this);
    }
    loadURL = async () => {};
    isDestroyed = () => false;
    destroy() {}
  }
  return {
    app,
    BrowserWindow,
    protocol: {
      registerSchemesAsPrivileged: (s: unknown[]) => seen.schemes.push(...s),
      handle: (_s: string, fn: typeof seen.protocolHandler) => void (seen.protocolHandler = fn),
      unhandle: () => {},
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: typeof seen.permission) => void (seen.permission = fn),
        setPermissionCheckHandler: () => {},
        setDevicePermissionHandler: () => {},
        webRequest: { onBeforeRequest: (fn: typeof seen.beforeRequest) => void (seen.beforeRequest = fn) },
      },
    },
    ipcMain: { handle: (ch: string, fn: unknown) => seen.ipc.set(ch, fn), removeHandler: (ch: string) => seen.ipc.delete(ch) },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => void (seen.menu = m) },
    dialog: {},
  };
});

await import('./main.ts');
await vi.waitFor(() => expect(seen.windows.length).toBe(1));
afterAll(() => rmSync(appRoot, { recursive: true, force: true }));

describe('main process composition', () => {
  it('enables the sandbox and registers the app scheme as standard and secure', () => {
    expect(seen.sandbox).toBe(true);
    expect(seen.schemes).toEqual([expect.objectContaining({ scheme: 'cwb', privileges: expect.objectContaining({ standard: true, secure: true }) })]);
  });

  it('serves the renderer with the CSP header and nothing outside it', async () => {
    const res = await seen.protocolHandler!({ url: 'cwb://app/index.html' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    for (const url of ['cwb://app/../secret.txt', 'cwb://app/%2e%2e/secret.txt', 'cwb://other/index.html']) {
      expect((await seen.protocolHandler!({ url })).status, url).toBe(404);
    }
  });

  it('denies permissions and every request that leaves the app', () => {
    const answers: boolean[] = [];
    seen.permission!(null, 'media', (ok) => answers.push(ok));
    expect(answers).toEqual([false]);
    const cancel = (url: string) => {
      let result = false;
      seen.beforeRequest!({ url }, (r) => (result = r.cancel));
      return result;
    };
    expect(cancel('https://example.com/x.js')).toBe(true);
    expect(cancel('file:///etc/passwd')).toBe(true);
    expect(cancel('cwb://app/assets/index.js')).toBe(false);
  });

  it('registers one IPC handler per call and sets the menu', () => {
    expect([...seen.ipc.keys()].sort()).toEqual(HOST_CALL_NAMES.map(ipcChannel).sort());
    expect(Array.isArray(seen.menu)).toBe(true);
  });
});
