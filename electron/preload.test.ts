import { beforeEach, describe, expect, it, vi } from 'vitest';
import { HOST_CALL_NAMES, HOST_EVENT_NAMES, eventMethod, ipcChannel } from './contract.ts';

const exposed = new Map<string, unknown>();
const invoke = vi.fn(async (..._args: unknown[]) => ({ ok: true, value: null }) as unknown);
const listeners = new Map<string, ((...a: unknown[]) => void)[]>();
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => invoke(...args),
    on: (ch: string, fn: (...a: unknown[]) => void) => listeners.set(ch, [...(listeners.get(ch) ?? []), fn]),
    removeListener: (ch: string, fn: (...a: unknown[]) => void) => listeners.set(ch, (listeners.get(ch) ?? []).filter((f) => f !== fn)),
  },
}));

await import('./preload.ts');
const api = exposed.get('cwb') as Record<string, (arg: unknown) => unknown>;

describe('preload', () => {
  beforeEach(() => invoke.mockClear());

  it('exposes only window.cwb, with exactly one method per call and one per event', () => {
    expect([...exposed.keys()]).toEqual(['cwb']);
    const expected = [...HOST_CALL_NAMES, ...HOST_EVENT_NAMES.map(eventMethod)].sort();
    expect(Object.keys(api).sort()).toEqual(expected);
  });

  it("invokes each call on the contract's own channel", async () => {
    for (const name of HOST_CALL_NAMES) {
      await api[name]({ x: 1 });
      expect(invoke).toHaveBeenLastCalledWith(ipcChannel(name), { x: 1 });
    }
  });

  it('turns an IPC failure into a HostResult instead of throwing', async () => {
    invoke.mockRejectedValueOnce(new Error('gone'));
    await expect(api.appInfo({})).resolves.toEqual({ ok: false, error: { code: 'internal', message: 'gone' } });
  });

  it('subscribes per event and unsubscribes', () => {
    const seen: unknown[] = [];
    const off = api.onMenuCommand((p: unknown) => seen.push(p)) as () => void;
    const ch = ipcChannel('menuCommand');
    for (const fn of listeners.get(ch) ?? []) fn({}, { command: 'file:save' });
    expect(seen).toEqual([{ command: 'file:save' }]);
    off();
    expect(listeners.get(ch)).toEqual([]);
  });
});
