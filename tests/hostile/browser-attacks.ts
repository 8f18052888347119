/**
 * Attacks on browser mode's HTTP host, as a page or another local program holding (or not) the token would
 * try them: auth, Host/Origin, every call that takes a path with paths that leave the files root, exports
 * over existing files and projects, a read-only target, and 200 concurrent requests. Each case reports its
 * outcome; nothing outside what the case chose may change (the test and the benchmark check the folder).
 */
import { mkdtemp, mkdir, readFile, readdir, rm, stat, symlink, writeFile, chmod } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiRoute, HOST_CALL_NAMES, type HostResult } from '../../electron/contract.ts';
import { decodeWire, encodeWire } from '../../core/util/wire.ts';
import { encodeProject } from '../../core/project-file/codec.ts';
import { startBrowserHost } from '../../electron/browser-host/browser-host.ts';
import { defaultProjectIo } from '../../electron/services/project-io-default.ts';
import { makeProject } from '../project-file/make-project.ts';
import type { CaseResult, Outcome } from './outcomes.ts';

type Answer = { status: number; result: HostResult<unknown> | null };

export async function runBrowserAttacks(): Promise<CaseResult[]> {
  const tmp = await mkdtemp(join(tmpdir(), 'cwb-attacks-'));
  const root = join(tmp, 'files');
  const web = join(tmp, 'web');
  await Promise.all([mkdir(join(root, 'sub'), { recursive: true }), mkdir(web), mkdir(join(tmp, 'data'))]);
  await writeFile(join(web, 'index.html'), '<!doctype html><title>stub</title>');
  const project = encodeProject(makeProject({ servers: 10, hours: 24, seed: 'attacks' }), { appVersion: '0.1.0', nowUtc: '2026-12-02T00:00:00Z' });
  const secret = join(tmp, 'secret.cwb');
  await writeFile(secret, project);
  await writeFile(join(tmp, 'sample.cwb'), project);
  await writeFile(join(root, 'victim.cwb'), project);
  await writeFile(join(root, 'report.csv'), 'old\n');
  await writeFile(join(root, 'locked.csv'), 'locked\n');
  await chmod(join(root, 'locked.csv'), 0o444);
  await symlink(tmp, join(root, 'escape'));
  await symlink(secret, join(root, 'escape.cwb'));
  const host = await startBrowserHost({ staticDir: web, filesRoot: root, dataDir: join(tmp, 'data'), samplePath: join(tmp, 'sample.cwb'), io: defaultProjectIo() });
  const results: CaseResult[] = [];
  const snapshot = async () => {
    const out: string[] = [];
    for (const n of (await readdir(tmp)).sort()) if (n !== 'files' && n !== 'data' && n !== 'web') out.push(`${n}:${(await stat(join(tmp, n))).size}`);
    return out.join(',');
  };
  const outsideBefore = await snapshot();

  const call = async (name: string, args: unknown, headers: Record<string, string> = { 'x-cwb-token': host.token }): Promise<Answer> => {
    const res = await fetch(`${host.origin}${apiRoute(name as never)}`, { method: 'POST', headers, body: Buffer.from(encodeWire(args)) });
    const body = new Uint8Array(await res.arrayBuffer());
    let result: HostResult<unknown> | null;
    try {
      result = decodeWire(body) as HostResult<unknown>;
    } catch {
      result = null;
    }
    return { status: res.status, result };
  };
  const raw = (path: string, headers: Record<string, string>) =>
    new Promise<number>((ok, fail) => {
      const req = request({ host: '127.0.0.1', port: host.port, path, method: 'POST', headers }, (res) => {
        res.resume();
        res.on('end', () => ok(res.statusCode ?? 0));
      });
      req.on('error', fail).end(Buffer.from(encodeWire({})));
    });
  const record = (attack: string, name: string, outcome: Outcome, detail: string) => results.push({ attack, name, outcome, detail });
  const refusedStatus = (a: Answer) => a.status >= 400 && a.status < 500;

  try {
    // auth: every call without, with a wrong and with an empty token
    for (const name of HOST_CALL_NAMES) {
      for (const [label, headers] of [
        ['no token', {}],
        ['wrong token', { 'x-cwb-token': 'x'.repeat(host.token.length) }],
        ['empty token', { 'x-cwb-token': '' }],
      ] as const) {
        const a = await call(name, {}, headers);
        record('auth', `${name}: ${label}`, a.status === 401 ? 'clean error' : 'escape', `HTTP ${a.status}`);
      }
    }
    // Host / Origin: with the token, from a foreign page or a DNS-rebinding host name
    for (const [label, headers] of [
      ['foreign Origin', { origin: 'http://evil.example' }],
      ['null Origin', { origin: 'null' }],
      ['foreign Host', { host: 'evil.example' }],
      ['rebinding Host', { host: `evil.example:${host.port}` }],
      ['Host without port', { host: '127.0.0.1' }],
    ] as const) {
      const status = await raw(apiRoute('appInfo'), { 'x-cwb-token': host.token, ...headers });
      record('host/origin', label, status === 403 || status === 400 || status === 421 ? 'clean error' : 'escape', `HTTP ${status}`);
    }

    // paths: every call that takes one, with paths leaving the root
    const hostile = ['/etc/passwd', secret, join(root, '..', 'secret.cwb'), join(root, 'escape', 'secret.cwb'), join(root, 'escape.cwb'), '../secret.cwb', `${root}/\0x.cwb`, 'C:\\Windows\\win.ini', `${root}/${'a/'.repeat(2000)}x.cwb`];
    const pathCalls: [string, (p: string) => unknown][] = [
      ['projectOpen', (p) => ({ path: p })],
      ['projectSave', (p) => ({ path: p, bytes: project })],
      ['projectSaveAs', (p) => ({ suggestedName: 'x', bytes: project, path: p, replace: true })],
      ['importPreview', (p) => ({ paths: [p] })],
      ['importRun', (p) => ({ paths: [p], base: null })],
      ['exportWrite', (p) => ({ suggestedName: 'x.csv', bytes: new TextEncoder().encode('pwned'), path: p, replace: true })],
      ['filesList', (p) => ({ dir: p })],
      ['recoveryOpen', (p) => ({ recoveryPath: p })],
      ['recoveryWrite', (p) => ({ file: { path: p, name: 'x' }, bytes: project })],
    ];
    for (const [name, args] of pathCalls) {
      for (const p of hostile) {
        const a = await call(name, args(p));
        // paths that stay inside the root (a Windows path is a file name on POSIX, a deep path a missing file) may
        // be answered: an import preview then says the file cannot be read, a recovery reference is allowed
        const inside = p.startsWith('C:') || p.includes('a/a/a/');
        const leaked = a.result?.ok === true && !inside;
        if (a.result?.ok === true && inside) {
          const previews = Array.isArray(a.result.value) ? (a.result.value as { error: string | null }[]) : null;
          const fine = previews ? previews.every((v) => v.error !== null) : name === 'recoveryWrite';
          record('paths', `${name}(${JSON.stringify(p.slice(0, 40))}) inside the root`, fine ? 'correct' : 'wrong behaviour', 'answered inside the root');
          continue;
        }
        record('paths', `${name}(${p.length > 60 ? `${p.slice(0, 57)}...` : JSON.stringify(p)})`, leaked ? 'escape' : refusedStatus(a) || a.result?.ok === false ? 'clean error' : 'wrong behaviour', a.result?.ok === false ? a.result.error.code : `HTTP ${a.status}`);
      }
    }

    // exports and saves over existing files
    const csv = new TextEncoder().encode('new\n');
    const exportCases: [string, unknown, (a: Answer) => Promise<Outcome>][] = [
      ['export over a file, no confirmation', { suggestedName: 'r.csv', bytes: csv, path: join(root, 'report.csv') }, async (a) => ((await readFile(join(root, 'report.csv'), 'utf8')) === 'old\n' && a.result?.ok === false ? 'clean error' : 'data loss')],
      ['export over a project, confirmed', { suggestedName: 'r.csv', bytes: csv, path: join(root, 'victim.cwb'), replace: true }, async (a) => ((await readFile(join(root, 'victim.cwb'))).equals(Buffer.from(project)) && a.result?.ok === false ? 'clean error' : 'data loss')],
      ['export named .bashrc', { suggestedName: 'r.csv', bytes: csv, path: join(root, '.bashrc'), replace: true }, async (a) => (a.result?.ok === false ? 'clean error' : 'escape')],
      ['export into new folders', { suggestedName: 'r.csv', bytes: csv, path: join(root, '.config', 'autostart', 'x.csv'), replace: true }, async (a) => (a.result?.ok === false ? 'clean error' : 'escape')],
      ['export over a read-only file, confirmed', { suggestedName: 'r.csv', bytes: csv, path: join(root, 'locked.csv'), replace: true }, async (a) => ((await readFile(join(root, 'locked.csv'), 'utf8')) === 'locked\n' && a.result?.ok === false ? 'clean error' : 'data loss')],
      ['export over a file, confirmed: .bak kept', { suggestedName: 'r.csv', bytes: csv, path: join(root, 'report.csv'), replace: true }, async (a) => (a.result?.ok && (await readFile(join(root, 'report.csv.bak'), 'utf8')) === 'old\n' ? 'correct' : 'data loss')],
    ];
    for (const [name, args, judge] of exportCases) {
      const a = await call('exportWrite', args);
      record('exports over existing files', name, await judge(a), a.result?.ok === false ? a.result.error.code : 'ok');
    }
    const saveCases: [string, string, unknown, (a: Answer) => Promise<Outcome>][] = [
      ['save as over a project, no confirmation', 'projectSaveAs', { suggestedName: 'x', bytes: project, path: join(root, 'victim.cwb') }, async (a) => (a.result?.ok === false && a.result.error.code === 'exists' ? 'clean error' : 'data loss')],
      ['save as a .txt', 'projectSaveAs', { suggestedName: 'x', bytes: project, path: join(root, 'notes.txt'), replace: true }, async (a) => (a.result?.ok === false ? 'clean error' : 'wrong behaviour')],
    ];
    for (const [name, callName, args, judge] of saveCases) {
      const a = await call(callName, args);
      record('exports over existing files', name, await judge(a), a.result?.ok === false ? a.result.error.code : 'ok');
    }
    await mkdir(join(root, 'victim.cwb.bak'));
    const noBak = await call('projectSave', { path: join(root, 'victim.cwb'), bytes: project });
    record('read-only / no backup', 'save when <name>.cwb.bak is a folder', noBak.result?.ok === false && noBak.result.error.code === 'no-backup' ? 'clean error' : 'data loss', noBak.result?.ok === false ? noBak.result.error.code : 'ok');
    const without = await call('projectSave', { path: join(root, 'victim.cwb'), bytes: project, withoutBackup: true });
    record('read-only / no backup', 'save without backup (user chose it)', without.result?.ok ? 'correct' : 'wrong behaviour', without.result?.ok === false ? without.result.error.code : 'ok');
    await writeFile(join(root, 'ro.cwb'), project);
    await chmod(join(root, 'ro.cwb'), 0o444);
    const ro = await call('projectSave', { path: join(root, 'ro.cwb'), bytes: project, withoutBackup: true });
    record('read-only / no backup', 'save over a 0444 project', ro.result?.ok === false ? 'clean error' : 'data loss', ro.result?.ok === false ? ro.result.error.code : 'ok');

    // 200 concurrent requests: reads, listings and saves of one file, all answered, the file whole
    const target = join(root, 'sub', 'busy.cwb');
    const started = Date.now();
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        i % 4 === 0
          ? call('projectSaveAs', { suggestedName: 'busy', bytes: project, path: target, replace: true })
          : i % 4 === 1
            ? call('filesList', { dir: null })
            : i % 4 === 2
              ? call('appInfo', {})
              : call('projectOpen', { path: join(root, 'victim.cwb') }),
      ),
    );
    const ms = Date.now() - started;
    const whole = (await readFile(target)).equals(Buffer.from(project));
    answers.forEach((a, i) => {
      const ok = a.status === 200 && a.result?.ok === true;
      record('200 concurrent requests', `request ${i}`, ok && whole ? 'correct' : a.result === null ? 'crash' : 'wrong behaviour', `HTTP ${a.status} in a batch of ${ms} ms`);
    });
  } finally {
    await host.close();
    const outsideAfter = await snapshot();
    if (outsideAfter !== outsideBefore) results.push({ attack: 'paths', name: 'files outside the root unchanged', outcome: 'escape', detail: `${outsideBefore} -> ${outsideAfter}` });
    await chmod(join(root, 'locked.csv'), 0o644).catch(() => undefined);
    await rm(tmp, { recursive: true, force: true });
  }
  return results;
}
