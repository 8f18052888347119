/**
 * The renderer <-> host contract: every call the workbench makes to its host and every event the host pushes.
 * Both hosts implement it (Electron: preload + ipcMain; browser mode: HTTP under /api/), and both sides derive
 * their types from this file. Arguments are zod schemas so the host validates every call at the boundary.
 *
 * Projects cross the boundary as .cwb bytes (core/project-file codec), the same bytes that are on disk: one
 * encoding, already validated on open, transferable without copying.
 *
 * This file may import only zod and core/ (lint: layer "contract").
 */
import { z } from 'zod';
import { IMPORT_KINDS, type MappingGuess } from '../core/import/mapping.ts';
import type { QualityReport } from '../core/import/report.ts';
import { isKnownTimeZone } from '../core/import/time.ts';

/** A file the host knows: its absolute path on the host and a display name. */
export const FileRef = z.object({ path: z.string().min(1).max(4096), name: z.string() });
export type FileRef = z.infer<typeof FileRef>;

/** An opened project: the file (null for an unsaved new project) and its .cwb bytes. */
export type OpenedProject = { file: FileRef | null; bytes: Uint8Array; recovered: boolean };

/** One file of the import's mapping step. */
export type ImportPreview = {
  path: string;
  name: string;
  /** null when the file cannot be imported as it is (see error). */
  kind: ImportFileKind | null;
  headers: string[];
  /** The proposed mapping (CSV kinds; null for RVTools). */
  guess: MappingGuess | null;
  error: string | null;
};

export type ImportRunResult = { bytes: Uint8Array; report: QualityReport; reportText: string };

export type RecoveryInfo = { file: FileRef | null; savedAt: string; recoveryPath: string };

export type AppInfo = {
  name: string;
  version: string;
  host: 'electron' | 'browser';
  /** Browser mode: the folder its file browser is limited to. */
  filesRoot: string | null;
  platform: string;
  /** Sample project the app opens on first start. */
  samplePath: string;
};

/** Errors the host reports: a code the UI can act on and a message a consultant can read. */
export type HostErrorCode =
  | 'cancelled'
  | 'not-found'
  | 'bad-file'
  | 'bad-argument'
  | 'io'
  | 'too-large'
  | 'forbidden'
  /** The target file exists and the call did not say the user confirmed replacing it. */
  | 'exists'
  /** Not saved: the previous version could not be kept as `<name>.bak`; the call may say "save without backup". */
  | 'no-backup'
  | 'internal';
export type HostError = { code: HostErrorCode; message: string };
export type HostResult<T> = { ok: true; value: T } | { ok: false; error: HostError };

const Bytes = z.instanceof(Uint8Array);
const Path = z.string().min(1).max(4096);

/** What an import file holds: an RVTools export (.xlsx or one of its RVTools_tab*.csv) or one of the CSV kinds. */
export const IMPORT_FILE_KINDS = ['rvtools', ...IMPORT_KINDS] as const;
export type ImportFileKind = (typeof IMPORT_FILE_KINDS)[number];
/** Most files one import takes (an RVTools CSV set has about 25). */
export const MAX_IMPORT_FILES = 64;
const ImportPaths = z.array(Path).min(1).max(MAX_IMPORT_FILES);
/** A per-path record (kinds, mappings) with at most MAX_IMPORT_FILES entries. */
const perPath = <T extends z.ZodType>(value: T) =>
  z.record(Path, value).refine((r) => Object.keys(r).length <= MAX_IMPORT_FILES, `at most ${MAX_IMPORT_FILES} files`);
/** A confirmed column mapping: field -> header of the file (null = not mapped). */
const ImportMapping = z.object({
  kind: z.enum(IMPORT_KINDS),
  // Field names, or "col:<header>" per data column of a wide series CSV (up to the CSV reader's 1000 columns).
  columns: z.record(z.string().min(1).max(1100), z.string().max(1100).nullable()).refine((c) => Object.keys(c).length <= 1001, 'at most 1001 fields'),
});
const TimeZone = z.string().min(1).max(64).refine(isKnownTimeZone, 'not a known IANA time zone');

/**
 * Argument schemas of each call. The host parses its arguments with these before it acts.
 * A `path` of null means "ask the user" (a native dialog in Electron, the file browser in browser mode).
 */
export const HostCalls = {
  /** The bundled sample, or the most recent project, for first start. */
  projectOpenInitial: z.object({}),
  projectOpen: z.object({ path: Path.nullable() }),
  /**
   * Saves keep the previous version as `<name>.bak` and refuse ('no-backup') when it cannot be kept, unless
   * `withoutBackup` (the user chose "Save without backup" in the error dialog).
   */
  projectSave: z.object({ path: Path, bytes: Bytes, withoutBackup: z.boolean().default(false) }),
  /**
   * `replace`: the user confirmed replacing an existing file at `path` (browser mode's file browser asks); without
   * it an existing file is refused with 'exists'. A native dialog's choice is confirmed by the dialog itself.
   */
  projectSaveAs: z.object({
    suggestedName: z.string().max(255),
    bytes: Bytes,
    path: Path.nullable(),
    replace: z.boolean().default(false),
    withoutBackup: z.boolean().default(false),
  }),
  projectRecent: z.object({}),
  /** Recovery: the renderer sends its unsaved state; the host writes it atomically to the recovery file. */
  recoveryWrite: z.object({ file: FileRef.nullable(), bytes: Bytes }),
  recoveryCheck: z.object({}),
  recoveryOpen: z.object({ recoveryPath: Path }),
  recoveryDiscard: z.object({}),
  /**
   * The mapping step of File > Import: what each file holds and the proposed column mapping. paths null = ask
   * the user (Electron: a native multi-select dialog for .xlsx / .csv); `kinds` overrides the detected kind.
   */
  importPreview: z.object({ paths: ImportPaths.nullable(), kinds: perPath(z.enum(IMPORT_FILE_KINDS)).optional() }),
  /**
   * Import the files into `base` (the current project's .cwb bytes; null = a fresh project) with the confirmed
   * kinds and mappings; the result is the merged project's bytes and the data-quality report.
   */
  importRun: z.object({
    paths: ImportPaths,
    kinds: perPath(z.enum(IMPORT_FILE_KINDS)).optional(),
    mappings: perPath(ImportMapping).optional(),
    /** Zone of time stamps without an offset; default UTC. */
    timeZone: TimeZone.optional(),
    base: Bytes.nullable(),
  }),
  /**
   * Write an export (CSV, .xlsx, PNG, SVG) where the user chooses. The kind is the suggested name's extension and
   * the file must have it (no dotfiles, no new folders, never a .cwb). An existing file needs `replace` (the user
   * confirmed) and keeps its previous version as `<name>.bak`.
   */
  exportWrite: z.object({ suggestedName: z.string().max(255), bytes: Bytes, path: Path.nullable(), replace: z.boolean().default(false) }),
  /** Render the current window's print layout to PDF (browser mode: the renderer opens the print dialog). */
  exportPdf: z.object({ suggestedName: z.string().max(255), path: Path.nullable() }),
  appInfo: z.object({}),
  /**
   * Browser mode's file browser (Electron uses native dialogs): list a folder inside the host's allowed root.
   * dir null = the root. Paths outside the root are refused with 'forbidden'.
   */
  filesList: z.object({ dir: Path.nullable(), extensions: z.array(z.string().max(10)).default([]) }),
  /** Tell the host whether there are unsaved changes (title marker, ask-before-close) and the file's name. */
  windowSetState: z.object({ title: z.string().max(300), dirty: z.boolean() }),
  /** After a closeRequest: the user chose to close (changes saved or discarded); the host closes the window. */
  windowConfirmClose: z.object({}),
} as const;

export type HostCallName = keyof typeof HostCalls;
export type HostCallArgs<K extends HostCallName> = z.input<(typeof HostCalls)[K]>;

/** What each call returns on success. */
export type HostReturns = {
  projectOpenInitial: OpenedProject;
  projectOpen: OpenedProject;
  projectSave: FileRef;
  projectSaveAs: FileRef;
  projectRecent: FileRef[];
  recoveryWrite: { savedAt: string };
  recoveryCheck: RecoveryInfo | null;
  recoveryOpen: OpenedProject;
  recoveryDiscard: null;
  importPreview: ImportPreview[];
  importRun: ImportRunResult;
  exportWrite: FileRef;
  exportPdf: FileRef | null;
  appInfo: AppInfo;
  /** kind 'outside': a symbolic link that leads out of the files root (shown, never followed; size 0). */
  filesList: { dir: string; parent: string | null; entries: { name: string; path: string; kind: 'dir' | 'file' | 'outside'; size: number }[] };
  windowSetState: null;
  windowConfirmClose: null;
};

/** Menu commands the host pushes to the renderer (from the native menu or its shortcuts). */
export const MENU_COMMANDS = [
  'file:new',
  'file:open',
  'file:save',
  'file:save-as',
  'file:import',
  'file:export-pdf',
  'file:export-image',
  'edit:undo',
  'edit:redo',
  'view:theme-toggle',
  'help:about',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** Events the host pushes. */
export type HostEvents = {
  menuCommand: { command: MenuCommand };
  /** A .cwb the OS or the command line asked to open; the renderer checks for unsaved changes first. */
  fileOpenRequest: { path: string };
  /** The host wants to close the window and there are unsaved changes: the renderer asks the user, then
   * calls windowConfirmClose. */
  closeRequest: Record<string, never>;
};
export type HostEventName = keyof HostEvents;

/** Subscription method name of each event: menuCommand -> onMenuCommand. */
export type EventMethod<E extends HostEventName> = `on${Capitalize<E>}`;

/**
 * The API the renderer sees (window.cwb in Electron, an HTTP client in browser mode): exactly one method per
 * call and one subscription per event (returning its unsubscribe function), nothing generic. Every call
 * resolves to a HostResult and never throws.
 */
export type HostApi = { [K in HostCallName]: (args: HostCallArgs<K>) => Promise<HostResult<HostReturns[K]>> } & {
  [E in HostEventName as EventMethod<E>]: (listener: (payload: HostEvents[E]) => void) => () => void;
};

/** Names of every call and event, for hosts that register handlers and tests that check coverage. */
export const HOST_CALL_NAMES = Object.keys(HostCalls) as HostCallName[];
export const HOST_EVENT_NAMES = ['menuCommand', 'fileOpenRequest', 'closeRequest'] as const satisfies readonly HostEventName[];
export const eventMethod = <E extends HostEventName>(e: E): EventMethod<E> =>
  `on${e[0].toUpperCase()}${e.slice(1)}` as EventMethod<E>;

/** IPC channel of a call or event in Electron (one channel each, never a generic one). */
export const ipcChannel = (name: HostCallName | HostEventName): string => `cwb:${name}`;
/**
 * Browser mode: the HTTP route of each call. POST, header `x-cwb-token: <token>`, body = encodeWire(args),
 * answer = encodeWire(HostResult) (core/util/wire.ts), content type application/octet-stream.
 */
export const apiRoute = (name: HostCallName): string => `/api/${name}`;
