/**
 * The UI side of the engine worker: starts engine.worker.ts and wires it to the shared run client
 * (core/engine/run-client.ts): a promise per run with progress callbacks. The series buffers are transferred to
 * the worker (the caller's arrays are detached afterwards) unless `transfer: false`.
 */
import { createRunClient, type EngineRun, type RunOptions, type RunProject } from '../../core/engine/run-client.ts';
import type { FromEngine } from '../../core/protocol.ts';

export type EngineRunOptions = RunOptions;

export function createEngineClient(worker: Worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' })) {
  const client = createRunClient((message, transfer) => worker.postMessage(message, { transfer }));
  worker.addEventListener('message', (event: MessageEvent<FromEngine>) => client.receive(event.data));
  worker.addEventListener('error', (event) => client.failAll(new Error(`engine worker failed: ${event.message}`)));
  return {
    run: (project: RunProject, options: EngineRunOptions): EngineRun => client.run(project, options),
    terminate: () => worker.terminate(),
  };
}
