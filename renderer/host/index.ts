/** The host the renderer runs against: Electron's preload API when present, else the browser-mode HTTP host. */
import type { HostApi } from '../../electron/contract.ts';
import { electronHost, hasElectronHost } from './electron.ts';
import { createBrowserHost, tokenFromUrl } from './browser.ts';

export function createHost(w: Window = window): HostApi {
  if (hasElectronHost(w)) return electronHost(w);
  return createBrowserHost({
    fetch: w.fetch.bind(w),
    token: tokenFromUrl(w.location.href),
    window: w,
    document: w.document,
  });
}
