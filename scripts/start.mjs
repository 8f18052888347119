// npm start: build what is stale, then run Electron, or browser mode when no Electron binary is available.
//   npm start -- [--browser] [--port N] [--no-open] [--root DIR] [--data-dir DIR] [file.cwb]
// Electron's binary is downloaded lazily on first start; that needs github.com. Set CWB_ELECTRON_DOWNLOAD=1 to
// let start try (npx install-electron); otherwise a missing binary means browser mode.
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
if (!electron.path && !forceBrowser && process.env.CWB_ELECTRON_DOWNLOAD === '1') {
  spawnSync(process.execPath, [join(root, 'node_modules', 'electron', 'install.js')], { stdio: 'ignore', timeout: 120_000 });
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
