/**
 * The browser Web Worker host of the placement engine (core/protocol.ts). Imports only core/. Slices run
 * on a MessageChannel (a macrotask without the clamping of timers), so cancel messages are handled between
 * slices. Typed structurally (not with the DOM's worker types) so tests can load it in Node too.
 */
import { defaultPacker } from '../../core/engine/default-packer.ts';
import { createEngineSession } from '../../core/engine/session.ts';

type Listener = (event: { data: unknown }) => void;
type WorkerScope = {
  postMessage: (message: unknown, options: { transfer: ArrayBuffer[] }) => void;
  addEventListener: (type: 'message', listener: Listener) => void;
};
type Port = { postMessage: (message: null) => void; addEventListener: (type: 'message', listener: () => void) => void; start: () => void };

const scope = globalThis as unknown as WorkerScope;
const channel = new MessageChannel();
const wake = channel.port1 as unknown as Port;
const ring = channel.port2 as unknown as Port;
const queue: (() => void)[] = [];
wake.addEventListener('message', () => queue.shift()?.());
wake.start();

const session = createEngineSession({
  post: (message, transfer) => scope.postMessage(message, { transfer }),
  schedule: (fn) => {
    queue.push(fn);
    ring.postMessage(null);
  },
  now: () => performance.now(),
  packer: defaultPacker,
});

scope.addEventListener('message', (event) => session.handle(event.data));
