import { request } from 'node:http';
import { mkdtemp, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoute, type HostCallArgs, type HostCallName, type HostResult, type HostReturns } from '../contract.ts';
import { decodeWire, encodeWire } from '../../core/util/wire.ts';
import { writeFileAtomic } from '../services/atomic-write.ts';
import { createProjectIo } from '../services/project-io.ts';
import { startBrowserHost } from './browser-host.ts';
import type { BrowserHostServer } from './server.ts';

// A stand-in codec: valid "projects" start with CWB1.
const MAGIC = [0x43, 0x57, 0x42, 0x31];
const project = (text: string) => new Uint8Array([...MAGIC, ...new TextEncoder().encode(text)]);
const io = createProjectIo({
  validate: (b) => (MAGIC.every((m, i) => b[i] === m) ? { ok: true } : { ok: false, message: 'not a .cwb (bad magic)' }),
  writeFile: writeFileAtomic,
});

let tmp: string;
let root: string;
let host: BrowserHostServer;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'cwb-host-'));
  root = join(tmp, 'files');
  const web = join(tmp, 'web');
  await Promise.all([mkdir(join(root, 'sub'), { recursive: true }), mkdir(web), mkdir(join(tmp, 'data'))]);
  await writeFile(join(web, 'index.html'), '<!doctype html><title>stub</title>');
  await writeFile(join(tmp, 'secret.txt'), 'secret');
  await writeFile(join(root, 'broken.cwb'), 'garbage');
  await writeFile(join(tmp, 'sample.cwb'), project('sample'));
  await symlink(tmp, join(root, 'escape'));
  host = await startBrowserHost({ staticDir: web, filesRoot: root, dataDir: join(tmp, 'data'), samplePath: join(tmp, 'sample.cwb'), io });
});
afterAll(async () => {
  await host.close();
  await rm(tmp, { recursive: true, force: true });
});

async function call<K extends HostCallName>(name: K, args: HostCallArgs<K>, token: string | null = host.token) {
  const res = await fetch(`${host.origin}${apiRoute(name)}`, {
    method: 'POST',
    headers: token === null ? {} : { 'x-cwb-token': token },
    body: Buffer.from(encodeWire(args)),
  });
  return { status: res.status, headers: res.headers, result: decodeWire(new Uint8Array(await res.arrayBuffer())) as HostResult<HostReturns[K]> };
}

/** A raw request, so the path reaches the server exactly as written (fetch would normalise `..`). */
function raw(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, method: 'GET', headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => ok({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', fail).end();
  });
}

describe('browser host: token', () => {
  it('refuses /api/ requests without the token, known or unknown route', async () => {
    expect((await call('appInfo', {}, null)).status).toBe(401);
    const unknown = await fetch(`${host.origin}/api/no-such-call`, { method: 'POST' });
    expect(unknown.status).toBe(401);
    expect((await fetch(`${host.origin}/api`)).status).toBe(401);
    expect((await fetch(`${host.origin}/api/appInfo`)).status).toBe(401);
  });
  it('refuses a wrong token', async () => {
    expect((await call('appInfo', {}, 'x'.repeat(host.token.length))).status).toBe(401);
    expect((await call('appInfo', {}, '')).status).toBe(401);
  });
  it('answers with the token, without CORS headers', async () => {
    const { status, result, headers } = await call('appInfo', {});
    expect(status).toBe(200);
    expect(result).toMatchObject({ ok: true, value: { host: 'browser', filesRoot: root } });
    expect(headers.get('access-control-allow-origin')).toBeNull();
  });
  it('refuses a foreign Origin even with the token', async () => {
    const res = await fetch(`${host.origin}${apiRoute('appInfo')}`, {
      method: 'POST',
      headers: { 'x-cwb-token': host.token, origin: 'http://evil.example' },
      body: Buffer.from(encodeWire({})),
    });
    expect(res.status).toBe(403);
  });
});

describe('browser host: arguments', () => {
  it("names the field of a bad argument ('bad-argument')", async () => {
    const { result } = await call('projectSave', { path: 42, bytes: project('x') } as never);
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-argument' } });
    expect(!result.ok && result.error.message).toMatch(/projectSave: path/);
    const bytes = await call('projectSave', { path: join(root, 'a.cwb'), bytes: 'not bytes' } as never);
    expect(!bytes.result.ok && bytes.result.error.message).toMatch(/bytes/);
  });
  it('answers 404 for an unknown call (with the token) and 400 for a malformed body', async () => {
    const res = await fetch(`${host.origin}/api/constructor`, { method: 'POST', headers: { 'x-cwb-token': host.token }, body: Buffer.from(encodeWire({})) });
    expect(res.status).toBe(404);
    const bad = await fetch(`${host.origin}/api/appInfo`, { method: 'POST', headers: { 'x-cwb-token': host.token }, body: 'xx' });
    expect(bad.status).toBe(400);
  });
});

describe('browser host: files', () => {
  it('lists the root and refuses folders outside it', async () => {
    const listed = await call('filesList', { dir: null, extensions: ['cwb'] });
    expect(listed.result).toMatchObject({ ok: true, value: { dir: root, parent: null } });
    const names = listed.result.ok ? listed.result.value.entries.map((e) => e.name) : [];
    expect(names).toEqual(expect.arrayContaining(['sub', 'broken.cwb']));
    for (const dir of ['/etc', join(root, '..'), '../', join(root, 'escape')]) {
      expect((await call('filesList', { dir })).result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });
  it('refuses to open or save outside the root', async () => {
    expect((await call('projectOpen', { path: join(tmp, 'secret.txt') })).result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await call('projectOpen', { path: join(root, 'escape', 'sample.cwb') })).result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const save = await call('projectSave', { path: join(tmp, 'out.cwb'), bytes: project('x') });
    expect(save.result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
  it('saves then opens the same bytes, and lists the file as recent', async () => {
    const bytes = project('round trip ✓');
    const path = join(root, 'sub', 'plan.cwb');
    expect((await call('projectSaveAs', { suggestedName: 'plan', bytes, path })).result).toEqual({ ok: true, value: { path, name: 'plan.cwb' } });
    expect(new Uint8Array(await readFile(path))).toEqual(bytes);
    const opened = await call('projectOpen', { path });
    expect(opened.result).toEqual({ ok: true, value: { file: { path, name: 'plan.cwb' }, bytes, recovered: false } });
    expect((await call('projectRecent', {})).result).toMatchObject({ ok: true, value: [{ path }] });
    const initial = await call('projectOpenInitial', {});
    expect(initial.result).toMatchObject({ ok: true, value: { file: { path } } });
  });
  it("refuses a corrupt file with 'bad-file' and the codec's message", async () => {
    const { result } = await call('projectOpen', { path: join(root, 'broken.cwb') });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-file' } });
    expect(!result.ok && result.error.message).toContain('bad magic');
    const save = await call('projectSave', { path: join(root, 'junk.cwb'), bytes: new Uint8Array([1, 2, 3]) });
    expect(save.result).toMatchObject({ ok: false, error: { code: 'bad-file' } });
  });
  it('asks for the file browser when a path is null', async () => {
    expect((await call('projectOpen', { path: null })).result).toMatchObject({ ok: false, error: { code: 'bad-argument' } });
    expect((await call('exportPdf', { suggestedName: 'x', path: null })).result).toEqual({ ok: true, value: null });
  });
});

describe('browser host: recovery', () => {
  it('writes, offers, opens and discards the recovery file', async () => {
    const bytes = project('unsaved');
    expect((await call('recoveryWrite', { file: null, bytes })).result).toMatchObject({ ok: true });
    const check = await call('recoveryCheck', {});
    expect(check.result).toMatchObject({ ok: true, value: { file: null } });
    const recoveryPath = check.result.ok && check.result.value ? check.result.value.recoveryPath : '';
    expect((await call('recoveryOpen', { recoveryPath })).result).toEqual({ ok: true, value: { file: null, bytes, recovered: true } });
    expect((await call('recoveryOpen', { recoveryPath: join(root, 'sub', 'plan.cwb') })).result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await call('recoveryDiscard', {});
    expect((await call('recoveryCheck', {})).result).toEqual({ ok: true, value: null });
  });
});

describe('browser host: static files', () => {
  it('serves the app with the CSP header', async () => {
    const res = await fetch(`${host.origin}/?token=abc`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
  it('refuses path traversal', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/..%5csecret.txt', '/....//secret.txt', '/%00', '//etc/passwd', '/../../../../etc/passwd']) {
      const res = await raw(path);
      expect(res.status, path).not.toBe(200);
      expect(res.body).not.toContain('secret');
    }
  });
});

describe('browser host: network', () => {
  it('refuses another Host name (DNS rebinding)', async () => {
    expect((await raw('/', { host: `evil.example:${host.port}` })).status).toBe(403);
    expect((await raw('/', { host: `localhost:${host.port}` })).status).toBe(200);
  });

  it('listens on 127.0.0.1 only', async () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && a.family === 'IPv4' && !a.internal)
      .map((a) => a!.address);
    for (const address of others) {
      await expect(fetch(`http://${address}:${host.port}/`)).rejects.toThrow();
    }
  });
});
