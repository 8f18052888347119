import { app, dialog } from 'electron';
import { join } from 'node:path';
import { grantPolicy } from '../services/path-policy.ts';
import type { DialogOptions, HostPlatform } from '../services/platform.ts';
import type { WindowManager } from './window-manager.ts';

const FILTER_NAMES: Record<string, string> = { cwb: 'Consolidation Workbench project', xlsx: 'Excel workbook', csv: 'CSV', pdf: 'PDF', png: 'PNG image', svg: 'SVG image' };
const filters = (extensions: string[]) => extensions.map((e) => ({ name: FILTER_NAMES[e] ?? e.toUpperCase(), extensions: [e] }));

/** Electron's platform: native dialogs, paths the user granted, printToPDF of the window. */
export function electronPlatform(windows: WindowManager, paths: { dataDir: string; samplePath: string }): HostPlatform {
  const policy = grantPolicy();
  policy.grant(paths.samplePath);
  return {
    host: 'electron',
    appName: app.getName(),
    appVersion: app.getVersion(),
    platform: process.platform,
    dataDir: paths.dataDir,
    samplePath: paths.samplePath,
    filesRoot: null,
    paths: policy,
    async chooseOpen(options: DialogOptions) {
      const win = windows.window();
      const opts = { title: options.title, filters: filters(options.extensions), properties: ['openFile' as const] };
      const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    async chooseOpenMany(options: DialogOptions) {
      const win = windows.window();
      const opts = {
        title: options.title,
        // One filter with every extension first (an RVTools workbook and its CSVs together), then one per type.
        filters: [{ name: 'Import files', extensions: options.extensions }, ...filters(options.extensions)],
        properties: ['openFile' as const, 'multiSelections' as const],
      };
      const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
      return r.canceled || r.filePaths.length === 0 ? null : r.filePaths;
    },
    async chooseSave(options: DialogOptions) {
      const win = windows.window();
      const opts = { title: options.title, filters: filters(options.extensions), defaultPath: join(app.getPath('documents'), options.suggestedName ?? '') };
      const r = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts);
      return r.canceled || !r.filePath ? null : r.filePath;
    },
    async printToPdf() {
      const win = windows.window();
      if (!win) throw new Error('No window to print');
      // the report's print layout (renderer/report): A4 portrait, page size and margins from its @page rule
      const pdf = await win.webContents.printToPDF({
        pageSize: 'A4',
        landscape: false,
        printBackground: true,
        preferCSSPageSize: true,
        margins: { top: 0, bottom: 0, left: 0, right: 0 },
        displayHeaderFooter: false,
      });
      return new Uint8Array(pdf);
    },
    setWindowState: (state) => windows.setState(state),
    confirmClose: () => windows.confirmClose(),
  };
}
