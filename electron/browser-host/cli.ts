import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultProjectIo } from '../services/project-io-default.ts';
import { startBrowserHost } from './browser-host.ts';

export type CliOptions = { port: number; open: boolean; filesRoot: string; dataDir: string };

/** `--port N --no-open --root DIR --data-dir DIR`, with CWB_FILES_ROOT / CWB_DATA_DIR as fallbacks. */
export function parseCliOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): CliOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      'no-open': { type: 'boolean', default: false },
      root: { type: 'string' },
      'data-dir': { type: 'string' },
    },
    strict: false,
    allowPositionals: true,
  });
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
  const port = Number(str(values.port) ?? '0');
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: not a port number: ${String(values.port)}`);
  return {
    port,
    open: values['no-open'] !== true,
    filesRoot: resolve(str(values.root) ?? str(env.CWB_FILES_ROOT) ?? homedir()),
    dataDir: resolve(str(values['data-dir']) ?? str(env.CWB_DATA_DIR) ?? join(homedir(), '.config', 'consolidation-workbench')),
  };
}

function openInBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
  child.on('error', () => {}); // no opener: the URL is printed anyway
  child.unref();
}

/** dist/electron/import-worker.mjs when built (npm run build), else undefined: bundled at first import. */
function prebuiltImportWorker(appRoot: string): string | undefined {
  const file = join(appRoot, 'dist', 'electron', 'import-worker.mjs');
  return existsSync(file) ? file : undefined;
}

/** How long SIGINT/SIGTERM waits for a clean close before the process exits anyway. */
export const STOP_GRACE_MS = 1500;

/** Run browser mode until SIGINT/SIGTERM. `appRoot` holds dist/renderer and resources/. */
export async function runBrowserHost(argv: string[], appRoot: string, appVersion: string): Promise<void> {
  const options = parseCliOptions(argv);
  await mkdir(options.dataDir, { recursive: true });
  const host = await startBrowserHost({
    staticDir: join(appRoot, 'dist', 'renderer'),
    samplePath: join(appRoot, 'resources', 'samples', '17-into-3.cwb'),
    filesRoot: options.filesRoot,
    dataDir: options.dataDir,
    io: defaultProjectIo(),
    port: options.port,
    appVersion,
    imports: { workerPath: prebuiltImportWorker(appRoot) },
  });
  console.log(`Consolidation Workbench (browser mode): ${host.url}`);
  console.log(`Files: ${options.filesRoot}   Data: ${options.dataDir}   (Ctrl+C to stop)`);
  if (options.open) openInBrowser(host.url);
  await new Promise<void>((done) => {
    // Imports run in workers, so the event loop sees the signal at once; close ends them and every socket,
    // and whatever still holds the process after STOP_GRACE_MS is not waited for.
    const stop = () => {
      setTimeout(() => process.exit(0), STOP_GRACE_MS).unref();
      void host.close().then(done);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
