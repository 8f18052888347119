/**
 * Electron host: the preload exposes the contract's HostApi as `window.cwb` (one named method per call, one
 * `on<Event>` subscription per event). The renderer uses it as is.
 */
import type { HostApi } from '../../electron/contract.ts';

declare global {
  // Declaration merging needs an interface here: it adds the preload's API to the DOM's Window.
  interface Window {
    cwb?: HostApi;
  }
}

export function hasElectronHost(w: Window): w is Window & { cwb: HostApi } {
  return 'cwb' in w && w.cwb !== undefined;
}

export function electronHost(w: Window & { cwb: HostApi }): HostApi {
  return w.cwb;
}
