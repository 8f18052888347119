import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, test as base, type Page } from '@playwright/test';
import { startBrowserHost } from '../electron/browser-host/browser-host.ts';
import { defaultProjectIo } from '../electron/services/project-io-default.ts';
import { findElectronBinary } from '../scripts/electron-binary.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The workbench under test, in either host. */
export type AppUnderTest = {
  mode: 'browser' | 'electron';
  page: Page;
  /** Where the test may put and find project files. */
  filesRoot: string;
  dataDir: string;
  /** Browser mode: the server's origin and the run's token (null in Electron). */
  origin: string | null;
  token: string | null;
  /** Electron: answer the next native open/save dialog with this path. Browser mode: nothing to do. */
  answerNextDialog(path: string): Promise<void>;
};

export const test = base.extend<{ app: AppUnderTest }>({
  app: async ({ page }, use, testInfo) => {
    const dir = await mkdtemp(join(tmpdir(), 'cwb-e2e-'));
    const filesRoot = join(dir, 'files');
    const dataDir = join(dir, 'data');
    const errors: string[] = [];
    try {
      if (testInfo.project.name === 'electron') {
        const electron = findElectronBinary();
        test.skip(!electron.path, `Electron binary not available: ${electron.reason ?? ''}`);
        const bundledSample = join(root, 'resources', 'samples', '17-into-3.cwb');
        test.skip(!existsSync(bundledSample), 'The bundled sample (npm run sample) is missing');
        const { mkdir } = await import('node:fs/promises');
        await mkdir(filesRoot, { recursive: true });
        const app = await _electron.launch({
          executablePath: electron.path,
          args: [root],
          env: { ...process.env, CWB_USER_DATA_DIR: dataDir },
        });
        try {
          const window = await app.firstWindow();
          window.on('pageerror', (e) => errors.push(e.message));
          await use({
            mode: 'electron',
            page: window,
            filesRoot,
            dataDir,
            origin: null,
            token: null,
            answerNextDialog: (path) =>
              app.evaluate(({ dialog }, chosen) => {
                dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [chosen] })) as typeof dialog.showOpenDialog;
                dialog.showSaveDialog = (async () => ({ canceled: false, filePath: chosen })) as typeof dialog.showSaveDialog;
              }, path),
          });
        } finally {
          await app.close();
        }
      } else {
        const { mkdir } = await import('node:fs/promises');
        await mkdir(filesRoot, { recursive: true });
        const host = await startBrowserHost({
          staticDir: join(root, 'dist', 'renderer'),
          samplePath: process.env.CWB_E2E_SAMPLE ?? join(root, 'resources', 'samples', '17-into-3.cwb'),
          filesRoot,
          dataDir,
          io: defaultProjectIo(),
          appVersion: '0.1.0-e2e',
        });
        try {
          page.on('pageerror', (e) => errors.push(e.message));
          await page.goto(host.url);
          await use({ mode: 'browser', page, filesRoot, dataDir, origin: host.origin, token: host.token, answerNextDialog: async () => {} });
        } finally {
          await page.close();
          await host.close();
        }
      }
    } finally {
      if (errors.length) await testInfo.attach('page errors', { body: errors.join('\n'), contentType: 'text/plain' });
      await rm(dir, { recursive: true, force: true });
    }
  },
});

export { expect } from '@playwright/test';
