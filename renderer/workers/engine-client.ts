/**
 * The UI side of the engine worker: starts engine.worker.ts (a fresh one after each cancel) and wires it to
 * the shared run client (core/engine/worker/run-client.ts): a promise per run with progress callbacks; cancel
 * terminates the worker. The series buffers are transferred to the worker (the caller's arrays are detached
 * afterwards) unless `transfer: false`.
 */
import { createRunClient, type EngineRun, type RunOptions, type RunProject } from '../../core/engine/worker/run-client.ts';
import type { FromEngine } from '../../core/protocol.ts';

export type EngineRunOptions = RunOptions;

const spawnWorker = (): Worker => new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });

export function createEngineClient(spawn: () => Worker = spawnWorker) {
  const client = createRunClient((events) => {
    const worker = spawn();
    worker.addEventListener('message', (event: MessageEvent<FromEngine>) => events.message(event.data));
    worker.addEventListener('error', (event) => events.failed(new Error(`engine worker failed: ${event.message}`)));
    return { post: (message, transfer) => worker.postMessage(message, { transfer }), terminate: () => worker.terminate() };
  });
  return {
    run: (project: RunProject, options: EngineRunOptions): EngineRun => client.run(project, options),
    terminate: () => client.terminate(),
  };
}
