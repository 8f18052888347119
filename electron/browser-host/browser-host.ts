import { createDispatch } from '../services/dispatch.ts';
import { createHostServices } from '../services/host-services.ts';
import { createImportRunner, type ImportRunnerOptions } from '../services/import/import-runner.ts';
import type { ProjectIo } from '../services/project-io.ts';
import { browserPlatform } from './browser-platform.ts';
import { startBrowserHostServer, type BrowserHostServer } from './server.ts';

export type BrowserHostOptions = {
  /** The built renderer (dist/renderer). */
  staticDir: string;
  filesRoot: string;
  dataDir: string;
  samplePath: string;
  io: ProjectIo;
  port?: number;
  token?: string;
  appName?: string;
  appVersion?: string;
  /** Slow-body limit (default BODY_TIMEOUT_MS). */
  bodyTimeoutMs?: number;
  /** Import workers: the prebuilt bundle (dist/electron/import-worker.mjs) and a heap ceiling. */
  imports?: Omit<ImportRunnerOptions, 'onProgress'>;
};

/** Browser mode, composed: the shared host services behind the HTTP server. */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHostServer> {
  const platform = browserPlatform({
    filesRoot: options.filesRoot,
    dataDir: options.dataDir,
    samplePath: options.samplePath,
    appName: options.appName ?? 'Consolidation Workbench',
    appVersion: options.appVersion ?? '0.0.0',
  });
  const imports = createImportRunner(options.imports);
  const dispatch = createDispatch(createHostServices(platform, options.io, undefined, imports));
  const server = await startBrowserHostServer({ dispatch, staticDir: options.staticDir, port: options.port, token: options.token, bodyTimeoutMs: options.bodyTimeoutMs });
  return {
    ...server,
    async close() {
      await Promise.all([imports.stopAll(), server.close()]);
    },
  };
}
