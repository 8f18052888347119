// Bundles the Electron main process, the preload and the browser-mode host with esbuild.
// main.cjs / preload.cjs: CommonJS for Electron (a sandboxed preload must be one self-contained file).
// browser-host.mjs: ESM for Node, packages left to node_modules. import-worker.mjs: ESM, self-contained.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning', absWorkingDir: root };

export async function buildElectron(out = join(root, 'dist', 'electron')) {
  await Promise.all([
    build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: join(out, 'main.cjs'), format: 'cjs', external: ['electron', 'esbuild'] }),
    build({ ...common, entryPoints: ['electron/preload.ts'], outfile: join(out, 'preload.cjs'), format: 'cjs', external: ['electron'], platform: 'browser', target: 'chrome130' }),
    build({ ...common, entryPoints: ['electron/browser-host/cli.ts'], outfile: join(out, 'browser-host.mjs'), format: 'esm', packages: 'external' }),
    // The import worker (worker_threads, both hosts): one self-contained ESM file (the packaged app has no
    // node_modules); exceljs's CommonJS parts get a require().
    build({
      ...common,
      entryPoints: ['electron/services/import/import-worker-entry.ts'],
      outfile: join(out, 'import-worker.mjs'),
      format: 'esm',
      banner: { js: "import { createRequire as __cwbRequire } from 'node:module'; const require = __cwbRequire(import.meta.url);" },
    }),
  ]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildElectron();
  console.log('built dist/electron/{main.cjs,preload.cjs,browser-host.mjs,import-worker.mjs}');
}
