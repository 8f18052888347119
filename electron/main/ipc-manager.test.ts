import { describe, expect, it, vi } from 'vitest';
import { HOST_CALL_NAMES, ipcChannel } from '../contract.ts';
import { createDispatch, type HostHandlers } from '../services/dispatch.ts';

type Handler = (event: { senderFrame: unknown }, args: unknown) => Promise<unknown>;
const handlers = new Map<string, Handler>();
vi.mock('electron', () => ({
  ipcMain: {
    handle: (ch: string, fn: Handler) => handlers.set(ch, fn),
    removeHandler: (ch: string) => handlers.delete(ch),
  },
}));
const { ipcManager } = await import('./ipc-manager.ts');

const appFrame = { url: 'cwb://app/index.html' };
const windows = { isAppFrame: (f: unknown) => f === appFrame, rendererCalled: vi.fn() };
const appInfo = vi.fn(async () => ({ name: 'CW' }));
const dispatch = createDispatch({ appInfo } as unknown as HostHandlers);

describe('ipc manager', () => {
  const manager = ipcManager(dispatch, windows as never, () => {});

  it('registers one channel per call and removes them on stop', () => {
    manager.start();
    expect([...handlers.keys()].sort()).toEqual(HOST_CALL_NAMES.map(ipcChannel).sort());
  });

  it('refuses calls from any frame but the app’s own', async () => {
    const call = handlers.get(ipcChannel('appInfo'))!;
    for (const senderFrame of [null, undefined, { url: 'https://evil.example/' }]) {
      expect(await call({ senderFrame }, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(appInfo).not.toHaveBeenCalled();
    expect(await call({ senderFrame: appFrame }, {})).toEqual({ ok: true, value: { name: 'CW' } });
  });

  it('validates arguments before the handler runs', async () => {
    const call = handlers.get(ipcChannel('projectOpen'))!;
    expect(await call({ senderFrame: appFrame }, { path: 7 })).toMatchObject({ ok: false, error: { code: 'bad-argument', message: expect.stringContaining('path') } });
    expect(await call({ senderFrame: appFrame }, 'nonsense')).toMatchObject({ ok: false, error: { code: 'bad-argument' } });
  });

  it('stops', () => {
    manager.stop();
    expect(handlers.size).toBe(0);
  });
});
