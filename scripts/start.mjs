// npm start: build what is stale, then run Electron, or browser mode when no Electron binary is available.
//   npm start -- [--browser] [--port N] [--no-open] [--root DIR] [--data-dir DIR] [file.cwb]
// Electron 45 fetches its binary lazily: on first start we try that download once (60 s at most). Where it
// cannot be had (offline or locked-down machines) start falls back to browser mode. CWB_NO_ELECTRON_DOWNLOAD=1
// skips the attempt.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildElectron } from './build-electron.mjs';
import { buildRendererIfStale } from './build-renderer.mjs';
import { findElectronBinary } from './electron-binary.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const forceBrowser = args.includes('--browser');
const passThrough = args.filter((a) => a !== '--browser');

try {
  await buildRendererIfStale();
  await buildElectron();
} catch (e) {
  console.error(`npm start: the build failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  process.exit(1);
}

let electron = findElectronBinary();
if (!electron.path && !forceBrowser && process.env.CWB_NO_ELECTRON_DOWNLOAD !== '1') {
  console.log('npm start: fetching the Electron runtime (first start only)...');
  spawnSync(process.execPath, [join(root, 'node_modules', 'electron', 'install.js')], { stdio: 'ignore', timeout: 60_000 });
  electron = findElectronBinary();
}

if (electron.path && !forceBrowser) {
  const child = spawn(electron.path, [root, ...passThrough], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  if (!forceBrowser) console.log(`Electron is not available (${electron.reason}): serving the workbench in browser mode instead.`);
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const { runBrowserHost } = await import(pathToFileURL(join(root, 'dist', 'electron', 'browser-host.mjs')).href);
  await runBrowserHost(passThrough, root, version);
}
