/**
 * The browser Web Worker host of the placement engine (core/protocol.ts). Imports only core/. A run goes to its
 * end in one task; the UI cancels by terminating this worker. Typed structurally (not with the DOM's worker
 * types) so tests can load it in Node too.
 */
import { defaultPacker } from '../../core/engine/default-packer.ts';
import { createEngineSession } from '../../core/engine/worker/session.ts';

type Listener = (event: { data: unknown }) => void;
type WorkerScope = {
  postMessage: (message: unknown, options: { transfer: ArrayBuffer[] }) => void;
  addEventListener: (type: 'message', listener: Listener) => void;
};

const scope = globalThis as unknown as WorkerScope;

const session = createEngineSession({
  post: (message, transfer) => scope.postMessage(message, { transfer }),
  now: () => performance.now(),
  packer: defaultPacker,
});

scope.addEventListener('message', (event) => session.handle(event.data));
