/**
 * Runs imports (preview and run) in worker threads, one worker per job (import-worker-entry.ts): the host's
 * event loop keeps answering other calls, a job is cancelled by terminating its worker, and a job that runs
 * out of its heap ceiling ends its worker with a 'too-large' error while the host process carries on.
 * Progress (rows read per file) is kept per job for importStatus and handed to `onProgress` (Electron pushes
 * it to the window as the importProgress event).
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ImportProgress } from '../../contract.ts';
import { HostFailure } from '../host-error.ts';
import type { FilePreview } from './import-files.ts';
import type { ImportRunResult } from './import-service.ts';
import type { ImportJob, PreviewArgs, WorkerMessage } from './import-worker-protocol.ts';

/** Heap ceiling of one import worker (see ARCHITECTURE.md "Import", ceilings). */
export const IMPORT_WORKER_HEAP_MB = 1536;

let bundled: Promise<string> | null = null;

/** Bundle import-worker-entry.ts (and exceljs) into one .mjs in the temp folder, once per process. */
export function importWorkerBundlePath(): Promise<string> {
  bundled ??= (async () => {
    // Resolved here: in a CommonJS bundle import.meta.url is undefined, and the prebuilt workerPath is used.
    const here = path.dirname(fileURLToPath(import.meta.url));
    const esbuild = await import('esbuild');
    const result = await esbuild.build({
      entryPoints: [path.join(here, 'import-worker-entry.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      write: false,
      logLevel: 'silent',
      // exceljs's CommonJS dependencies call require(); give the ESM bundle one.
      banner: { js: "import { createRequire as __cwbRequire } from 'node:module'; const require = __cwbRequire(import.meta.url);" },
    });
    const code = result.outputFiles[0].contents;
    const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
    const dir = path.join(tmpdir(), 'cwb-import');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `import-worker-${hash}.mjs`);
    if (!existsSync(file)) {
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, code);
      renameSync(temp, file);
    }
    return file;
  })();
  return bundled;
}

export type ImportRunnerOptions = {
  /** A prebuilt worker bundle (dist/electron/import-worker.mjs); default: bundle the entry now. */
  workerPath?: string;
  /** Heap ceiling per worker in MB (default IMPORT_WORKER_HEAP_MB). */
  maxHeapMb?: number;
  onProgress?: (progress: ImportProgress) => void;
};

export type ImportRunner = {
  preview(args: PreviewArgs, jobId?: string): Promise<FilePreview[]>;
  run(args: Extract<ImportJob, { op: 'run' }>['args'], meta: { appVersion: string; nowUtc: string }, jobId?: string): Promise<ImportRunResult>;
  /** Terminate a job's worker; false when no such job runs. */
  cancel(jobId: string): boolean;
  status(jobId: string): ImportProgress | null;
  /** Terminate every job (host shutdown). */
  stopAll(): Promise<void>;
};

type Running = { worker: Worker; progress: ImportProgress; rowsByFile: Map<string, number>; cancel: () => void };

export function createImportRunner(options: ImportRunnerOptions = {}): ImportRunner {
  const maxHeapMb = options.maxHeapMb ?? IMPORT_WORKER_HEAP_MB;
  const jobs = new Map<string, Running>();

  async function start<T>(job: ImportJob, jobId: string): Promise<T> {
    if (jobs.has(jobId)) throw new HostFailure('bad-argument', `import: job ${jobId} is already running`);
    const file = options.workerPath ?? (await importWorkerBundlePath());
    const worker = new Worker(file, { workerData: job, resourceLimits: { maxOldGenerationSizeMb: maxHeapMb } });
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const finish = (settle: () => void) => {
        if (settled) return;
        settled = true;
        jobs.delete(jobId);
        void worker.terminate();
        settle();
      };
      const running: Running = {
        worker,
        progress: { jobId, phase: job.op === 'preview' ? 'preview' : 'reading', file: null, rows: 0, totalRows: 0 },
        rowsByFile: new Map(),
        cancel: () => finish(() => reject(new HostFailure('cancelled', 'Import cancelled'))),
      };
      jobs.set(jobId, running);
      worker.on('message', (m: WorkerMessage) => {
        if (m.type === 'progress') {
          if (m.file !== null) running.rowsByFile.set(m.file, m.rows);
          let total = 0;
          for (const n of running.rowsByFile.values()) total += n;
          const phase = job.op === 'preview' ? 'preview' : m.file === null ? 'merging' : 'reading';
          running.progress = { jobId, phase, file: m.file, rows: m.rows, totalRows: total };
          options.onProgress?.(running.progress);
        } else if (m.type === 'done') finish(() => resolve(m.value as T));
        else finish(() => reject(new HostFailure(m.error.code, m.error.message)));
      });
      worker.on('error', (e: Error & { code?: string }) => {
        const message =
          e.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? `the import needed more than its memory ceiling of ${maxHeapMb} MB and was stopped; import fewer or smaller files`
            : `the import failed: ${e.message}`;
        finish(() => reject(new HostFailure(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'too-large' : 'internal', message)));
      });
      worker.on('exit', (code) => finish(() => reject(new HostFailure('internal', `the import worker stopped unexpectedly (exit code ${code})`))));
    });
  }

  return {
    preview: (args, jobId = randomUUID()) => start<FilePreview[]>({ op: 'preview', args }, jobId),
    run: (args, meta, jobId = randomUUID()) => start<ImportRunResult>({ op: 'run', args, meta }, jobId),
    cancel(jobId) {
      const job = jobs.get(jobId);
      job?.cancel();
      return job !== undefined;
    },
    status: (jobId) => jobs.get(jobId)?.progress ?? null,
    async stopAll() {
      const all = [...jobs.values()];
      for (const j of all) j.cancel();
      await Promise.all(all.map((j) => j.worker.terminate()));
    },
  };
}
