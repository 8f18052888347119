import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildElectron } from '../../scripts/build-electron.mjs';

// The packaged app ships no node_modules (electron-builder.yml): main and preload must be self-contained.
let out: string;
const requires = async (file: string) => [...new Set([...(await readFile(join(out, file), 'utf8')).matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]))];

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'cwb-bundle-'));
  await buildElectron(out);
});
afterAll(() => rm(out, { recursive: true, force: true }));

describe('electron bundles', () => {
  it('preload.cjs requires only electron (a sandboxed preload is one file)', async () => {
    expect(await requires('preload.cjs')).toEqual(['electron']);
  });
  it('main.cjs requires only electron and Node built-ins', async () => {
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    expect((await requires('main.cjs')).filter((m) => m !== 'electron' && !builtins.has(m))).toEqual([]);
  });
});
