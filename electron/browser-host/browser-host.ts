import { createDispatch } from '../services/dispatch.ts';
import { createHostServices } from '../services/host-services.ts';
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
  const dispatch = createDispatch(createHostServices(platform, options.io));
  return startBrowserHostServer({ dispatch, staticDir: options.staticDir, port: options.port, token: options.token });
}
