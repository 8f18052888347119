import { app } from 'electron';
import { join } from 'node:path';

/** Where the built renderer, the sample and the user data live, packaged or not. */
export function appPaths() {
  const appRoot = app.getAppPath();
  return {
    rendererDir: join(appRoot, 'dist', 'renderer'),
    preload: join(appRoot, 'dist', 'electron', 'preload.cjs'),
    importWorker: join(appRoot, 'dist', 'electron', 'import-worker.mjs'),
    samplePath: app.isPackaged
      ? join(process.resourcesPath, 'samples', '17-into-3.cwb')
      : join(appRoot, 'resources', 'samples', '17-into-3.cwb'),
    dataDir: app.getPath('userData'),
  };
}

/** The app's own origin: the renderer is served from this scheme, never from file:// or the network. */
export const APP_SCHEME = 'cwb';
export const APP_ORIGIN = `${APP_SCHEME}://app`;
export const APP_URL = `${APP_ORIGIN}/index.html`;
