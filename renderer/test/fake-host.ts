/** An in-memory HostApi for renderer tests: files by path, recorded calls, overridable answers. */
import type { AppInfo, FileRef, HostApi, HostCallArgs, HostCallName, HostEvents, HostResult, HostReturns, RecoveryInfo } from '../../electron/contract.ts';
import type { Project } from '../../core/model/project.ts';
import type { ProjectCodec } from '../app/codec.ts';

/** A codec for tests: bytes are a handle into a table of projects ("corrupt" bytes fail to decode). */
export function fakeCodec(): ProjectCodec & { bytesOf: (p: Project) => Uint8Array<ArrayBuffer> } {
  const table: Project[] = [];
  const bytesOf = (p: Project) => {
    table.push(p);
    return new Uint8Array([0xcb, table.length - 1]);
  };
  return {
    bytesOf,
    encode: (p) => bytesOf(p),
    decode: (bytes) =>
      bytes[0] === 0xcb && table[bytes[1]]
        ? { ok: true, project: table[bytes[1]] }
        : { ok: false, error: { code: 'not-zip', message: 'The file is not a Consolidation Workbench project (it is not a zip archive).' } },
  };
}

export type FakeHostOptions = {
  host?: AppInfo['host'];
  initial: { file: FileRef | null; bytes: Uint8Array };
  files?: Record<string, Uint8Array>;
  recovery?: RecoveryInfo | null;
  /** Answers of the import calls (default: cancelled). */
  imports?: {
    preview?: (args: HostCallArgs<'importPreview'>) => Promise<HostResult<HostReturns['importPreview']>>;
    run?: (args: HostCallArgs<'importRun'>) => Promise<HostResult<HostReturns['importRun']>>;
  };
};

export function fakeHost(options: FakeHostOptions) {
  const files = new Map(Object.entries(options.files ?? {}));
  const calls: { name: HostCallName; args: unknown }[] = [];
  let recovery = options.recovery ?? null;
  /** Answer for projectOpen({ path: null }) (Electron's native dialog): a path, or null for cancel. */
  let dialogPath: string | null = null;
  const listeners: { [E in keyof HostEvents]: ((p: HostEvents[E]) => void)[] } = { menuCommand: [], fileOpenRequest: [], closeRequest: [], importProgress: [] };
  const ok = <T>(value: T): HostResult<T> => ({ ok: true, value });
  const fileRef = (path: string): FileRef => ({ path, name: path.split('/').pop() ?? path });
  const rec = (name: HostCallName, args: unknown) => void calls.push({ name, args });
  /** Like the host's recent list: files opened or saved, newest first. */
  const recent: string[] = [];
  const touch = (path: string) => {
    recent.splice(0, recent.length, path, ...recent.filter((p) => p !== path));
    return fileRef(path);
  };

  const api: HostApi = {
    projectOpenInitial: async (a) => (rec('projectOpenInitial', a), ok({ ...options.initial, recovered: false })),
    projectOpen: async (a) => {
      rec('projectOpen', a);
      const path = a.path ?? dialogPath;
      if (path === null) return { ok: false, error: { code: 'cancelled', message: 'cancelled' } };
      const bytes = files.get(path);
      if (!bytes) return { ok: false, error: { code: 'not-found', message: `${path} does not exist.` } };
      if (bytes[0] !== 0xcb) return { ok: false, error: { code: 'bad-file', message: `${fileRef(path).name} is not a Consolidation Workbench project.` } };
      return ok({ file: touch(path), bytes, recovered: false });
    },
    projectSave: async (a) => (rec('projectSave', a), files.set(a.path, a.bytes), ok(touch(a.path))),
    projectSaveAs: async (a) => {
      rec('projectSaveAs', a);
      const path = a.path ?? dialogPath;
      if (path === null) return { ok: false, error: { code: 'cancelled', message: 'cancelled' } };
      files.set(path, a.bytes);
      return ok(touch(path));
    },
    projectRecent: async (a) => (rec('projectRecent', a), ok(recent.map(fileRef))),
    recoveryWrite: async (a) => (rec('recoveryWrite', a), ok({ savedAt: '2026-11-22T23:00:00Z' })),
    recoveryCheck: async (a) => (rec('recoveryCheck', a), ok(recovery)),
    recoveryOpen: async (a) => {
      rec('recoveryOpen', a);
      const bytes = files.get(a.recoveryPath);
      return bytes ? ok({ file: recovery?.file ?? null, bytes, recovered: true }) : { ok: false, error: { code: 'not-found', message: 'gone' } };
    },
    recoveryDiscard: async (a) => (rec('recoveryDiscard', a), (recovery = null), ok(null)),
    importPreview: async (a) => (rec('importPreview', a), options.imports?.preview ? options.imports.preview(a) : { ok: false, error: { code: 'cancelled', message: 'cancelled' } }),
    importRun: async (a) => (rec('importRun', a), options.imports?.run ? options.imports.run(a) : { ok: false, error: { code: 'cancelled', message: 'cancelled' } }),
    importCancel: async (a) => (rec('importCancel', a), ok(false)),
    importStatus: async (a) => (rec('importStatus', a), ok(null)),
    exportWrite: async (a) => (rec('exportWrite', a), { ok: false, error: { code: 'cancelled', message: 'cancelled' } }),
    exportPdf: async (a) => (rec('exportPdf', a), ok(null)),
    appInfo: async (a) => (
      rec('appInfo', a),
      ok({ name: 'Consolidation Workbench', version: '0.1.0', host: options.host ?? 'electron', filesRoot: '/data', platform: 'linux' })
    ),
    filesList: async (a) => {
      rec('filesList', a);
      const dir = a.dir ?? '/data';
      const entries = [...files.keys()]
        .filter((p) => p.startsWith(`${dir}/`))
        .map((p) => ({ name: p.slice(dir.length + 1), path: p, kind: 'file' as const, size: files.get(p)!.byteLength }));
      return ok({ dir, parent: dir === '/data' ? null : '/data', entries: dir === '/data' ? [{ name: 'sub', path: '/data/sub', kind: 'dir' as const, size: 0 }, ...entries] : entries });
    },
    windowSetState: async (a) => (rec('windowSetState', a), ok(null)),
    windowConfirmClose: async (a) => (rec('windowConfirmClose', a), ok(null)),
    onMenuCommand: (l) => (listeners.menuCommand.push(l), () => void (listeners.menuCommand = listeners.menuCommand.filter((x) => x !== l))),
    onFileOpenRequest: (l) => (listeners.fileOpenRequest.push(l), () => void (listeners.fileOpenRequest = listeners.fileOpenRequest.filter((x) => x !== l))),
    onCloseRequest: (l) => (listeners.closeRequest.push(l), () => void (listeners.closeRequest = listeners.closeRequest.filter((x) => x !== l))),
    onImportProgress: (l) => (listeners.importProgress.push(l), () => void (listeners.importProgress = listeners.importProgress.filter((x) => x !== l))),
  };
  return {
    api,
    calls,
    files,
    callsOf: (name: HostCallName) => calls.filter((c) => c.name === name),
    setDialogPath: (p: string | null) => void (dialogPath = p),
    emit: <E extends keyof HostEvents>(event: E, payload: HostEvents[E]) => {
      for (const l of listeners[event] as ((p: HostEvents[E]) => void)[]) l(payload);
    },
  };
}
