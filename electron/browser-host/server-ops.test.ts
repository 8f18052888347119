/** Browser host operations: slow request bodies time out; appInfo reveals no path of the installation. */
import { connect } from 'node:net';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoute } from '../contract.ts';
import { decodeWire, encodeWire } from '../../core/util/wire.ts';
import { writeFileAtomic } from '../services/atomic-write.ts';
import { createProjectIo } from '../services/project-io.ts';
import { startBrowserHost } from './browser-host.ts';
import type { BrowserHostServer } from './server.ts';

const io = createProjectIo({ validate: () => ({ ok: true }), writeFile: writeFileAtomic });
let tmp: string;
let host: BrowserHostServer;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'cwb-host-ops-'));
  await Promise.all([mkdir(join(tmp, 'files')), mkdir(join(tmp, 'web')), mkdir(join(tmp, 'data'))]);
  await writeFile(join(tmp, 'web', 'index.html'), '');
  host = await startBrowserHost({ staticDir: join(tmp, 'web'), filesRoot: join(tmp, 'files'), dataDir: join(tmp, 'data'), samplePath: join(tmp, 'install', 'sample.cwb'), io, bodyTimeoutMs: 300 });
});
afterAll(async () => {
  await host.close();
  await rm(tmp, { recursive: true, force: true });
});

describe('browser host: slow request bodies', () => {
  it('closes a request whose body does not arrive within the body timeout', async () => {
    const t0 = performance.now();
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(host.port, '127.0.0.1');
      let got = '';
      socket.on('data', (d) => (got += d.toString()));
      socket.on('close', () => resolve(got));
      socket.on('error', reject);
      const head = [`POST ${apiRoute('appInfo')} HTTP/1.1`, `Host: 127.0.0.1:${host.port}`, `x-cwb-token: ${host.token}`, 'Content-Length: 1000', '', ''].join('\r\n');
      socket.write(head + 'x'.repeat(10)); // then nothing: the rest of the body never comes
      setTimeout(() => socket.destroy(new Error('the server kept the socket open')), 5000).unref();
    });
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });
});

describe('browser host: appInfo', () => {
  it('answers without any path of the installation (no sample path)', async () => {
    const res = await fetch(`${host.origin}${apiRoute('appInfo')}`, { method: 'POST', headers: { 'x-cwb-token': host.token }, body: Buffer.from(encodeWire({})) });
    const result = decodeWire(new Uint8Array(await res.arrayBuffer())) as { ok: boolean; value: Record<string, unknown> };
    expect(result.ok).toBe(true);
    expect(Object.keys(result.value).sort()).toEqual(['filesRoot', 'host', 'name', 'platform', 'version']);
    expect(JSON.stringify(result.value)).not.toContain(join(tmp, 'install'));
  });
});
