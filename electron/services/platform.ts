import type { PathPolicy } from './path-policy.ts';

export type DialogOptions = { title: string; extensions: string[]; suggestedName?: string };

/**
 * What differs between the two hosts (Actual Budget's index.electron.ts / index.web.ts idea): dialogs,
 * the path policy and the window. host-services.ts implements every call on top of this.
 */
export type HostPlatform = {
  host: 'electron' | 'browser';
  appName: string;
  appVersion: string;
  platform: string;
  /** Folder of the recovery file and the recent list. */
  dataDir: string;
  samplePath: string;
  /** Browser mode: the folder the file browser is limited to. */
  filesRoot: string | null;
  paths: PathPolicy;
  /** Ask the user for a file to open / a place to save; null when cancelled. */
  chooseOpen(options: DialogOptions): Promise<string | null>;
  chooseSave(options: DialogOptions): Promise<string | null>;
  /** Ask the user for one or more files to open (File > Import); null when cancelled. */
  chooseOpenMany(options: DialogOptions): Promise<string[] | null>;
  /** Render the window's print layout to PDF; null where the renderer prints itself (browser mode). */
  printToPdf: (() => Promise<Uint8Array>) | null;
  setWindowState(state: { title: string; dirty: boolean }): void;
  confirmClose(): void;
};
