/**
 * The Node host of the engine worker (core/protocol.ts over worker_threads), for Electron main and the CLI.
 * The worker entry is bundled with esbuild into the temp directory at first use (Node 20 workers cannot
 * load .ts); the file name carries a hash of the bundle, so concurrent processes share it safely.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createRunClient, type EngineRun, type RunOptions, type RunProject } from '../../core/engine/worker/run-client.ts';
import type { FromEngine } from '../../core/protocol.ts';

let bundled: Promise<string> | null = null;

/** Bundle worker-entry.ts to an .mjs file (once per process) and return its path. */
export function workerBundlePath(): Promise<string> {
  bundled ??= (async () => {
    // Resolved here, not at module load: in a CommonJS bundle (Electron main) import.meta.url is undefined,
    // and there the prebuilt workerPath is used instead.
    const here = path.dirname(fileURLToPath(import.meta.url));
    const esbuild = await import('esbuild');
    const result = await esbuild.build({
      entryPoints: [path.join(here, 'worker-entry.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0].contents;
    const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
    const dir = path.join(tmpdir(), 'cwb-engine');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `engine-worker-${hash}.mjs`);
    if (!existsSync(file)) {
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, code);
      renameSync(temp, file);
    }
    return file;
  })();
  return bundled;
}

export type NodeEngine = {
  run: (project: RunProject, options: RunOptions) => EngineRun;
  terminate: () => void;
};

export type NodeEngineOptions = {
  /**
   * A prebuilt worker bundle (e.g. dist/electron/engine-worker.mjs, built from worker-entry.ts by the
   * Electron build). Default: bundle worker-entry.ts with esbuild now (development, CLI, tests).
   */
  workerPath?: string;
};

/** The engine over worker_threads: a worker per run at most; cancel terminates it, the next run spawns another. */
export async function createNodeEngine(options: NodeEngineOptions = {}): Promise<NodeEngine> {
  const file = options.workerPath ?? (await workerBundlePath());
  const client = createRunClient((events) => {
    const worker = new Worker(file);
    worker.on('message', (m: FromEngine) => events.message(m));
    worker.on('error', (e) => events.failed(e));
    worker.on('exit', (code) => events.failed(new Error(`engine worker exited (code ${code})`)));
    return { post: (message, transfer) => worker.postMessage(message, transfer), terminate: () => worker.terminate() };
  });
  return { run: client.run, terminate: client.terminate };
}
