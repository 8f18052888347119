// Builds the renderer with vite into dist/renderer when any of its inputs is newer than the last build.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const INPUTS = ['renderer', 'core', 'index.html', 'vite.config.ts', 'electron/contract.ts', 'package.json'];

const newest = (p) => {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(p).map((n) => newest(join(p, n))));
};

export function rendererIsStale() {
  const built = join(root, 'dist', 'renderer', 'index.html');
  return !existsSync(built) || statSync(built).mtimeMs < Math.max(...INPUTS.map((p) => newest(join(root, p))));
}

export async function buildRendererIfStale({ force = false } = {}) {
  if (!force && !rendererIsStale()) return false;
  const { build } = await import('vite');
  await build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildRendererIfStale({ force: process.argv.includes('--force') });
}
