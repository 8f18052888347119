/**
 * File > Import: choose files, confirm what each holds and (for CSVs) which column feeds which field, run the
 * import in the host, replace the project with the merged one as one undoable step, show the data-quality
 * report. No React here: the Import dialog (renderer/ui/import/) renders `state` and calls these methods; tests
 * drive it with a fake HostApi.
 *
 * The open project is touched only when the host's import succeeds and its bytes decode; any failure stays in
 * the dialog (`error`), naming the file, sheet, row and column the host named.
 *
 * Each opening of the dialog is a session (a token bumped by open and close): a preview the host answers after
 * its session ended (the dialog was closed, perhaps opened again) is dropped, never added to the new session.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppInfo, HostApi, HostResult, HostReturns, ImportFileKind, ImportPreview } from '../../electron/contract.ts';
import { FIELDS, guessMapping, type ImportKind, type Mapping } from '../../core/import/mapping.ts';
import type { QualityReport } from '../../core/import/report.ts';
import { isKnownTimeZone } from '../../core/import/time.ts';
import type { WorkbenchStore } from '../store/store.ts';
import type { ProjectCodec } from './codec.ts';

/** One file of the import and what the consultant confirmed for it. */
export type ImportFile = {
  path: string;
  name: string;
  /** The kind the host detected; `kind` is the one chosen (null: not importable as it is). */
  detected: ImportFileKind | null;
  kind: ImportFileKind | null;
  headers: string[];
  /** CSV kinds: field -> header (null = not mapped), starting from the host's guess. */
  columns: Record<string, string | null> | null;
  /** How sure the guess was for each field (0..1); fields the consultant set are absent. */
  confidence: Record<string, number>;
  error: string | null;
};

export type ImportReportView = { report: QualityReport; reportText: string; files: string[]; at: string };

export type ImportState = {
  open: boolean;
  step: 'files' | 'report';
  files: ImportFile[];
  /** Zone of time stamps without an offset. */
  timeZone: string;
  busy: 'reading' | 'importing' | null;
  error: string | null;
  /** The report of the last successful import (kept for "Last import report"). */
  lastReport: ImportReportView | null;
};

export type FileListing = HostReturns['filesList'];

export type ImportFlowDeps = {
  host: HostApi;
  store: WorkbenchStore;
  codec: ProjectCodec;
  now: () => Date;
  appInfo: () => AppInfo | null;
};

export type ImportFlow = {
  state: StoreApi<ImportState>;
  /** Browser mode picks files in the dialog's own file browser; Electron uses the native dialog. */
  isBrowser: () => boolean;
  open: () => void;
  close: () => void;
  /** Electron: the native multi-select dialog, then the files' previews. */
  chooseFiles: () => Promise<void>;
  /** Add files by path (browser mode's file browser), previewed by the host. */
  addPaths: (paths: readonly string[]) => Promise<void>;
  removeFile: (path: string) => void;
  setKind: (path: string, kind: ImportFileKind) => Promise<void>;
  setColumn: (path: string, field: string, header: string | null) => void;
  setTimeZone: (timeZone: string) => void;
  /** Run the import; true when the project was replaced. */
  run: () => Promise<boolean>;
  showReport: () => void;
  backToFiles: () => void;
  listFiles: (dir: string | null) => Promise<HostResult<FileListing>>;
};

export const IMPORT_FILE_EXTENSIONS = ['xlsx', 'csv'] as const;

const isCsvKind = (k: ImportFileKind | null): k is ImportKind => k !== null && k !== 'rvtools';

export const KIND_LABELS: Record<ImportFileKind, string> = {
  rvtools: 'RVTools export',
  inventory: 'Server inventory',
  series: 'Utilisation series',
  flows: 'Network flows',
  sites: 'Sites',
  links: 'WAN links',
  getstat: 'vCenter Get-Stat export',
  perfmon: 'Windows perfmon CSV',
  sar: 'Linux sar (sadf -d)',
  wide: 'Wide series (column per server)',
};

/** The file state of a host preview (the guess becomes the editable mapping). */
export function fileOfPreview(p: ImportPreview): ImportFile {
  const guess = isCsvKind(p.kind) ? (p.guess ?? guessMapping(p.kind, p.headers)) : null;
  return {
    path: p.path,
    name: p.name,
    detected: p.kind,
    kind: p.kind,
    headers: p.headers,
    columns: guess ? { ...guess.columns } : null,
    confidence: guess ? { ...guess.confidence } : {},
    error: p.error,
  };
}

/** Required fields of a CSV file that no column is mapped to (their labels). */
export function missingRequired(file: ImportFile): string[] {
  if (!isCsvKind(file.kind) || file.columns === null) return [];
  return FIELDS[file.kind].filter((d) => d.required && !file.columns?.[d.field]).map((d) => d.label);
}

/** Why Import cannot run yet, one line each; empty when it can. */
export function importProblems(s: Pick<ImportState, 'files' | 'timeZone'>): string[] {
  const out: string[] = [];
  if (s.files.length === 0) out.push('Add at least one file to import.');
  for (const f of s.files) {
    if (f.kind === null) out.push(f.error ?? `${f.name}: choose what the file holds.`);
    else if (f.error !== null) out.push(f.error);
    else {
      const missing = missingRequired(f);
      if (missing.length > 0) out.push(`${f.name}: choose a column for ${missing.join(', ')}.`);
    }
  }
  if (!isKnownTimeZone(s.timeZone)) out.push(`"${s.timeZone}" is not a known time zone.`);
  return out;
}

/** The contract's per-path options for the current files. */
export function importOptions(files: readonly ImportFile[]): { kinds: Record<string, ImportFileKind>; mappings: Record<string, Mapping> } {
  const kinds: Record<string, ImportFileKind> = {};
  const mappings: Record<string, Mapping> = {};
  for (const f of files) {
    if (f.kind === null) continue;
    kinds[f.path] = f.kind;
    if (isCsvKind(f.kind) && f.columns) mappings[f.path] = { kind: f.kind, columns: { ...f.columns } };
  }
  return { kinds, mappings };
}

/** A file of the import, or the RVTools_tab*.csv files of one folder (one RVTools export, shown as one). */
export type ImportGroup = { type: 'file'; file: ImportFile } | { type: 'rvtools-set'; dir: string; files: ImportFile[] };

const dirOf = (path: string): string => path.slice(0, Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')));

/** The files as the dialog lists them: each RVTools CSV set (2 or more files of one folder) as one group. */
export function groupFiles(files: readonly ImportFile[]): ImportGroup[] {
  const sets = new Map<string, ImportFile[]>();
  for (const f of files) {
    if (f.kind === 'rvtools' && /^RVTools_tab.+\.csv$/i.test(f.name)) sets.set(dirOf(f.path), [...(sets.get(dirOf(f.path)) ?? []), f]);
  }
  const out: ImportGroup[] = [];
  const placed = new Set<string>();
  for (const f of files) {
    const set = f.kind === 'rvtools' ? sets.get(dirOf(f.path)) : undefined;
    if (set && set.length > 1 && set.includes(f)) {
      if (!placed.has(dirOf(f.path))) out.push({ type: 'rvtools-set', dir: dirOf(f.path), files: set });
      placed.add(dirOf(f.path));
    } else out.push({ type: 'file', file: f });
  }
  return out;
}

const INITIAL: ImportState = { open: false, step: 'files', files: [], timeZone: 'UTC', busy: null, error: null, lastReport: null };

export function createImportFlow(deps: ImportFlowDeps): ImportFlow {
  const { host, store, codec, now } = deps;
  const state = createStore<ImportState>()(() => INITIAL);
  /** The dialog session; bumped by open and close, so answers of an earlier session are recognised. */
  let session = 0;
  const patch = (p: Partial<ImportState>) => state.setState(p);
  const updateFile = (path: string, f: (file: ImportFile) => ImportFile) =>
    state.setState((s) => ({ files: s.files.map((x) => (x.path === path ? f(x) : x)) }));

  async function preview(args: { paths: string[] | null; kinds?: Record<string, ImportFileKind> }): Promise<ImportPreview[] | null> {
    const mine = session;
    patch({ busy: 'reading', error: null });
    const r = await host.importPreview(args);
    // the dialog was closed (and maybe opened again) meanwhile: these files belong to no session now
    if (mine !== session) return null;
    patch({ busy: null });
    if (r.ok) return r.value;
    if (r.error.code !== 'cancelled') patch({ error: r.error.message });
    return null;
  }

  function addPreviews(previews: readonly ImportPreview[]): void {
    state.setState((s) => {
      const known = new Set(s.files.map((f) => f.path));
      const added = previews.filter((p) => !known.has(p.path)).map(fileOfPreview);
      return { files: [...s.files, ...added] };
    });
  }

  return {
    state,
    isBrowser: () => deps.appInfo()?.host === 'browser',
    open: () => {
      session++;
      state.setState((s) => ({ ...INITIAL, open: true, timeZone: s.timeZone, lastReport: s.lastReport }));
    },
    close: () => {
      if (state.getState().busy === 'importing') return; // the import finishes (or fails) first
      session++;
      patch({ open: false, files: [], error: null, step: 'files', busy: null });
    },
    chooseFiles: async () => {
      const previews = await preview({ paths: null });
      if (previews) addPreviews(previews);
    },
    addPaths: async (paths) => {
      const known = new Set(state.getState().files.map((f) => f.path));
      const fresh = [...new Set(paths)].filter((p) => !known.has(p));
      if (fresh.length === 0) return;
      const previews = await preview({ paths: fresh });
      if (previews) addPreviews(previews);
    },
    removeFile: (path) => state.setState((s) => ({ files: s.files.filter((f) => f.path !== path), error: null })),
    setKind: async (path, kind) => {
      const previews = await preview({ paths: [path], kinds: { [path]: kind } });
      const p = previews?.[0];
      if (p) updateFile(path, (f) => ({ ...fileOfPreview(p), detected: f.detected }));
    },
    setColumn: (path, field, header) =>
      updateFile(path, (f) => {
        const confidence = { ...f.confidence };
        delete confidence[field]; // the consultant's choice, not a guess
        return { ...f, columns: { ...(f.columns ?? {}), [field]: header }, confidence };
      }),
    setTimeZone: (timeZone) => patch({ timeZone }),
    run: async () => {
      const s = state.getState();
      const current = store.getState().project;
      if (s.busy !== null || importProblems(s).length > 0 || current === null) return false;
      patch({ busy: 'importing', error: null });
      try {
        const info = deps.appInfo();
        const base = codec.encode(current, { appVersion: info?.version ?? '0.0.0', nowUtc: now().toISOString() });
        const { kinds, mappings } = importOptions(s.files);
        const r = await host.importRun({ paths: s.files.map((f) => f.path), kinds, mappings, timeZone: s.timeZone, base });
        if (!r.ok) {
          patch({ busy: null, error: r.error.message });
          return false;
        }
        const decoded = codec.decode(r.value.bytes);
        if (!decoded.ok) {
          patch({ busy: null, error: `The imported project could not be read: ${decoded.error.message}` });
          return false;
        }
        // An edit may have landed while the host worked: importing on top of a stale base would drop it.
        if (store.getState().project !== current) {
          patch({ busy: null, error: 'The project changed while importing; run the import again.' });
          return false;
        }
        const names = s.files.map((f) => f.name);
        const label = names.length === 1 ? `Import ${names[0]}` : `Import ${names.length} files`;
        store.getState().replaceProject(label, decoded.project);
        const lastReport: ImportReportView = { report: r.value.report, reportText: r.value.reportText, files: names, at: now().toISOString() };
        patch({ busy: null, step: 'report', lastReport, files: [] });
        return true;
      } catch (e) {
        patch({ busy: null, error: `The import failed: ${e instanceof Error ? e.message : String(e)}` });
        return false;
      }
    },
    showReport: () => {
      if (state.getState().lastReport) patch({ step: 'report', error: null });
    },
    backToFiles: () => patch({ step: 'files', error: null }),
    listFiles: (dir) => host.filesList({ dir, extensions: [...IMPORT_FILE_EXTENSIONS] }),
  };
}
