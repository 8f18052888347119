import { HostFailure } from '../services/host-error.ts';
import { rootPolicy } from '../services/path-policy.ts';
import type { HostPlatform } from '../services/platform.ts';

const noDialog = (): never => {
  throw new HostFailure('bad-argument', 'Browser mode has no system dialogs: choose the file in the file browser (filesList) and pass its path');
};

/** Browser mode's platform: files confined to a root folder, the renderer's own file browser instead of dialogs. */
export function browserPlatform(options: {
  filesRoot: string;
  dataDir: string;
  samplePath: string;
  appName: string;
  appVersion: string;
}): HostPlatform {
  const paths = rootPolicy(options.filesRoot);
  return {
    host: 'browser',
    appName: options.appName,
    appVersion: options.appVersion,
    platform: process.platform,
    dataDir: options.dataDir,
    samplePath: options.samplePath,
    filesRoot: paths.root,
    paths: {
      check: paths.check,
      // The bundled sample lives outside the root: it is only ever read by projectOpenInitial, which bypasses
      // the policy, so nothing is granted here.
      grant: () => {},
    },
    chooseOpen: async () => noDialog(),
    chooseSave: async () => noDialog(),
    chooseOpenMany: async () => noDialog(),
    printToPdf: null,
    setWindowState: () => {}, // the page sets document.title itself
    confirmClose: () => {},
  };
}
