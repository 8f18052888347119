import { describe, expect, it } from 'vitest';
import { BROWSER_CALL_NAMES, createBrowserHost, tokenFromUrl } from './browser.ts';
import { decodeWire, encodeWire } from '../../core/util/wire.ts';

type Seen = { url: string; method: string; headers: Record<string, string>; args: unknown };

function fakeFetch(answer: (seen: Seen) => Response | Promise<Response>) {
  const calls: Seen[] = [];
  const f: typeof fetch = async (input, init) => {
    const bytes = new Uint8Array(await new Response(init?.body ?? null).arrayBuffer());
    const seen: Seen = {
      url: String(input),
      method: init?.method ?? 'GET',
      headers: Object.fromEntries(new Headers(init?.headers).entries()),
      args: decodeWire(bytes),
    };
    calls.push(seen);
    return answer(seen);
  };
  return { f, calls };
}

const wireResponse = (value: unknown, status = 200) => new Response(encodeWire(value) as Uint8Array<ArrayBuffer>, { status });

describe('browser host', () => {
  it('posts each call to /api/<name> with the token header and wire-encoded arguments', async () => {
    const { f, calls } = fakeFetch(() => wireResponse({ ok: true, value: { path: '/x/a.cwb', name: 'a.cwb' } }));
    const host = createBrowserHost({ fetch: f, token: 'secret' });
    const bytes = new Uint8Array([1, 2, 3, 250]);
    const r = await host.projectSave({ path: '/x/a.cwb', bytes });
    expect(r).toEqual({ ok: true, value: { path: '/x/a.cwb', name: 'a.cwb' } });
    expect(calls).toHaveLength(1);
    expect(calls[0].url).toBe('/api/projectSave');
    expect(calls[0].method).toBe('POST');
    expect(calls[0].headers['x-cwb-token']).toBe('secret');
    const args = calls[0].args as { path: string; bytes: Uint8Array };
    expect(args.path).toBe('/x/a.cwb');
    expect(Array.from(args.bytes)).toEqual([1, 2, 3, 250]);
  });

  it('decodes byte blobs in answers', async () => {
    const { f } = fakeFetch(() => wireResponse({ ok: true, value: { file: null, bytes: new Uint8Array([9, 8]), recovered: false } }));
    const host = createBrowserHost({ fetch: f, token: 't' });
    const r = await host.projectOpenInitial({});
    expect(r.ok).toBe(true);
    if (r.ok) expect(Array.from(r.value.bytes)).toEqual([9, 8]);
  });

  it('has a method for every call name', async () => {
    const { f, calls } = fakeFetch(() => wireResponse({ ok: true, value: null }));
    const host = createBrowserHost({ fetch: f, token: 't' });
    for (const name of BROWSER_CALL_NAMES) expect(typeof host[name]).toBe('function');
    await host.appInfo({});
    await host.filesList({ dir: null, extensions: ['cwb'] });
    expect(calls.map((c) => c.url)).toEqual(['/api/appInfo', '/api/filesList']);
  });

  it('passes host errors through', async () => {
    const { f } = fakeFetch(() => wireResponse({ ok: false, error: { code: 'bad-file', message: 'not a project' } }, 400));
    const host = createBrowserHost({ fetch: f, token: 't' });
    expect(await host.projectOpen({ path: '/x/bad.cwb' })).toEqual({ ok: false, error: { code: 'bad-file', message: 'not a project' } });
  });

  it('turns 401 into a forbidden error', async () => {
    const { f } = fakeFetch(() => new Response('no', { status: 401 }));
    const host = createBrowserHost({ fetch: f, token: 'wrong' });
    const r = await host.appInfo({});
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('forbidden');
  });

  it('turns a network failure into an io error and never throws', async () => {
    const host = createBrowserHost({
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
      token: 't',
    });
    const r = await host.recoveryCheck({});
    expect(r).toMatchObject({ ok: false, error: { code: 'io' } });
  });

  it('reports an answer that is not a result as internal', async () => {
    const { f } = fakeFetch(() => wireResponse({ hello: 1 }));
    const r = await createBrowserHost({ fetch: f, token: 't' }).appInfo({});
    expect(r).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('asks before unload only while dirty, and sets the title', async () => {
    const { f } = fakeFetch(() => wireResponse({ ok: true, value: null }));
    const listeners = new Map<string, (e: Event) => void>();
    const win = {
      addEventListener: (type: string, l: (e: Event) => void) => void listeners.set(type, l),
      removeEventListener: (type: string) => void listeners.delete(type),
    } as unknown as Pick<Window, 'addEventListener' | 'removeEventListener'>;
    const doc = { title: '' };
    const host = createBrowserHost({ fetch: f, token: 't', window: win, document: doc });
    const off = host.onCloseRequest(() => {});
    const unload = () => {
      const e = new Event('beforeunload', { cancelable: true });
      listeners.get('beforeunload')!(e);
      return e.defaultPrevented;
    };
    expect(unload()).toBe(false);
    await host.windowSetState({ title: 'a.cwb — Consolidation Workbench', dirty: true });
    expect(doc.title).toContain('a.cwb');
    expect(unload()).toBe(true);
    off();
    expect(listeners.has('beforeunload')).toBe(false);
    expect(host.onMenuCommand(() => {})).toBeTypeOf('function');
  });

  it('reads the token from the page URL', () => {
    expect(tokenFromUrl('http://127.0.0.1:5123/?token=abc123')).toBe('abc123');
    expect(tokenFromUrl('http://127.0.0.1:5123/')).toBeNull();
  });
});
