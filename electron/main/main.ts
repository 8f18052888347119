/**
 * Electron main: composed of small managers, started in order and stopped in reverse (tldraw-desktop's
 * MainManager). Everything a call does lives in ../services/host-services.ts, shared with browser mode.
 */
import { app } from 'electron';
import { createDispatch } from '../services/dispatch.ts';
import { createHostServices } from '../services/host-services.ts';
import { createImportRunner } from '../services/import/import-runner.ts';
import { defaultProjectIo } from '../services/project-io-default.ts';
import { recentFiles } from '../services/recent-files.ts';
import { appPaths } from './app-paths.ts';
import { electronPlatform } from './electron-platform.ts';
import { ipcManager } from './ipc-manager.ts';
import { composeManagers } from './managers.ts';
import { menuManager } from './menu-manager.ts';
import { openRequestManager } from './open-request-manager.ts';
import { recoveryManager } from './recovery-manager.ts';
import { registerAppScheme, securityManager } from './security-manager.ts';
import { windowManager } from './window-manager.ts';

app.enableSandbox();
registerAppScheme();
// Tests (e2e) give each run its own user-data folder; it also scopes the single-instance lock.
if (process.env.CWB_USER_DATA_DIR) app.setPath('userData', process.env.CWB_USER_DATA_DIR);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const paths = appPaths();
  const windows = windowManager(paths.preload);
  const platform = electronPlatform(windows, paths);
  const imports = createImportRunner({ workerPath: paths.importWorker, onProgress: (p) => windows.send('importProgress', p) });
  const dispatch = createDispatch(createHostServices(platform, defaultProjectIo(), undefined, imports));
  const recent = recentFiles(paths.dataDir);

  const openFile = (path: string) => {
    platform.paths.grant(path);
    windows.send('fileOpenRequest', { path });
  };
  const menu = menuManager({
    command: (command) => windows.send('menuCommand', { command }),
    openRecent: openFile,
    recent: () => recent.list(),
    isDev: !app.isPackaged,
  });
  const openRequests = openRequestManager({
    open: openFile,
    focus: () => {
      const w = windows.window();
      if (w?.isMinimized()) w.restore();
      w?.focus();
    },
  });
  const refreshAfter = new Set(['projectOpen', 'projectOpenInitial', 'projectSave', 'projectSaveAs']);

  const main = composeManagers([
    securityManager(paths.rendererDir),
    ipcManager(dispatch, windows, (name) => void (refreshAfter.has(name) && menu.refresh())),
    menu,
    recoveryManager(paths.dataDir, () => windows.isDirty()),
    windows,
    openRequests,
  ]);

  openRequests.registerEarly();
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => void Promise.resolve(main.stop()).then(() => imports.stopAll()));
  app
    .whenReady()
    .then(() => main.start())
    .catch((e: unknown) => {
      console.error('Consolidation Workbench failed to start:', e);
      app.exit(1);
    });
}
