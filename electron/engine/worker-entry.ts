/**
 * Entry of the Node engine worker (worker_threads). Bundled by engine-host.ts with esbuild at first use,
 * because Node 20 workers cannot load .ts. A run goes to its end; the caller cancels by terminating the worker.
 */
import { parentPort } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { defaultPacker } from '../../core/engine/default-packer.ts';
import { createEngineSession } from '../../core/engine/worker/session.ts';

const port = parentPort;
if (!port) throw new Error('worker-entry.ts must run in a worker thread');
const session = createEngineSession({
  post: (message, transfer) => port.postMessage(message, transfer),
  now: () => performance.now(),
  packer: defaultPacker,
});
port.on('message', (message: unknown) => session.handle(message));
