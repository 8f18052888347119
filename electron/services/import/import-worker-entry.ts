/**
 * Entry of the import worker (worker_threads): one worker per import job, so reading and mapping large
 * files never blocks the host's event loop, a cancel is a terminate, and running out of memory ends this
 * worker, not the host. Bundled with esbuild (Node 20 workers cannot load .ts): at first use by
 * import-runner.ts, or by scripts/build-electron.mjs into dist/electron/import-worker.mjs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { toHostError } from '../host-error.ts';
import { previewImport, runImport } from './import-service.ts';
import type { ImportJob, WorkerMessage } from './import-worker-protocol.ts';

const port = parentPort;
if (!port) throw new Error('import-worker-entry.ts must run in a worker thread');
const post = (m: WorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);

let lastPost = -Infinity;
let lastFile: string | null = '';
/** Rows read so far, at most every 100 ms (and at once when the file changes). */
function progress(file: string | null, rows: number): void {
  const now = performance.now();
  if (file === lastFile && now - lastPost < 100) return;
  lastPost = now;
  lastFile = file;
  post({ type: 'progress', file, rows });
}

async function main(job: ImportJob): Promise<void> {
  try {
    if (job.op === 'preview') {
      post({ type: 'done', value: await previewImport({ ...job.args, onProgress: progress }) });
    } else {
      const value = await runImport({ ...job.args, onProgress: progress }, job.meta);
      const buffer = value.bytes.buffer;
      post({ type: 'done', value }, buffer instanceof ArrayBuffer ? [buffer] : []);
    }
  } catch (e) {
    post({ type: 'error', error: toHostError(e) });
  }
}

void main(workerData as ImportJob);
