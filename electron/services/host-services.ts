import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import type { FileRef, HostReturns, OpenedProject } from '../contract.ts';
import type { HostHandlers } from './dispatch.ts';
import { HostFailure } from './host-error.ts';
import { IMPORT_EXTENSIONS, importPreview, importRun } from './import-calls.ts';
import type { HostPlatform } from './platform.ts';
import type { ProjectIo } from './project-io.ts';
import { fileRef, recentFiles } from './recent-files.ts';
import { NO_BACKUP, READ_ONLY_TARGET, writeFileAtomic as replaceAtomically } from './project-store-atomic.ts';
import { PROJECT_EXTENSION, checkProjectTarget, checkWriteTarget, exportKind } from './write-rules.ts';
import { recoveryStore } from './recovery-store.ts';

/** A failed export write as a HostFailure that says what happened to the file. */
function writeFailure(path: string, e: unknown): unknown {
  const code = e !== null && typeof e === 'object' && 'code' in e ? e.code : undefined;
  if (code === NO_BACKUP) {
    return new HostFailure('no-backup', `Not written: the previous version of ${path} could not be kept as ${path}.bak (is there a folder of that name?). The file is unchanged.`);
  }
  if (code === READ_ONLY_TARGET) return new HostFailure('forbidden', `${path} is read-only, so it is left as it is: choose another name`);
  return e;
}

const withExt = (name: string, ext: string): string => {
  const base = name.trim() || 'Untitled';
  return base.toLowerCase().endsWith(`.${ext}`) ? base : `${base}.${ext}`;
};

/**
 * Every host call, once, for both hosts: Electron and browser mode differ only in `platform`.
 * Arguments arrive already validated by the dispatcher (dispatch.ts).
 */
export function createHostServices(platform: HostPlatform, io: ProjectIo, clock: () => Date = () => new Date()): HostHandlers {
  const recent = recentFiles(platform.dataDir);
  const recovery = recoveryStore(platform.dataDir);

  const cancelled = (): never => {
    throw new HostFailure('cancelled', 'Cancelled');
  };

  /** The path the user named (checked against the policy) or chose in a dialog (then granted). */
  async function resolvePath(path: string | null, access: 'read' | 'write', ask: () => Promise<string | null>): Promise<string> {
    return (await resolveTarget(path, access, ask)).path;
  }

  /** As resolvePath; `dialog`: chosen in a native dialog now (which already asked before replacing a file). */
  async function resolveTarget(path: string | null, access: 'read' | 'write', ask: () => Promise<string | null>) {
    if (path !== null) return { path: await platform.paths.check(path, access), dialog: false };
    const chosen = (await ask()) ?? cancelled();
    platform.paths.grant(chosen);
    return { path: await platform.paths.check(chosen, access), dialog: true };
  }

  /** Write an export: the checks of write-rules.ts, then atomically, keeping a .bak of a replaced file. */
  async function writeExport(target: { path: string; dialog: boolean }, kind: string, replace: boolean, bytes: () => Promise<Uint8Array> | Uint8Array) {
    await checkWriteTarget(target.path, { extensions: [kind], what: `A .${kind} export`, replace: replace || target.dialog });
    await replaceAtomically(target.path, await bytes(), { backup: true, requireBackup: true }).catch((e: unknown) => {
      throw writeFailure(target.path, e);
    });
    return fileRef(target.path);
  }

  async function openProject(path: string): Promise<OpenedProject> {
    const bytes = await io.read(path);
    await recent.add(path);
    return { file: fileRef(path), bytes, recovered: false };
  }

  async function saveProject(path: string, bytes: Uint8Array, opts: { replace: boolean; withoutBackup: boolean }): Promise<FileRef> {
    await checkWriteTarget(path, { extensions: [PROJECT_EXTENSION], what: 'A project', replace: opts.replace });
    await io.write(path, bytes, { withoutBackup: opts.withoutBackup });
    await recent.add(path);
    return fileRef(path);
  }

  /** Recent entries the policy lets the renderer reach (Electron: granted now, as the user put them there). */
  async function reachableRecent(): Promise<FileRef[]> {
    const out: FileRef[] = [];
    for (const f of await recent.list()) {
      if (platform.host === 'electron') platform.paths.grant(f.path);
      const ok = await platform.paths.check(f.path, 'read').then(() => true, () => false);
      if (ok) out.push(f);
    }
    return out;
  }

  /**
   * The recovered project's file when the policy still lets the renderer save to it (browser mode: inside the
   * root; Electron: a path the user chose, e.g. on the recent list), else null: the recovered work opens as
   * untitled and Save asks where.
   */
  async function stillReachable(file: FileRef | null): Promise<FileRef | null> {
    if (!file) return null;
    await reachableRecent();
    return checkProjectTarget(platform.paths, file.path).then(fileRef, () => null);
  }

  return {
    async projectOpenInitial() {
      const [latest] = await reachableRecent();
      if (latest) {
        const opened = await openProject(latest.path).catch(() => null);
        if (opened) return opened;
      }
      // The bundled sample, as an untitled copy: Save asks where.
      const bytes = await io.read(platform.samplePath);
      return { file: null, bytes, recovered: false };
    },
    async projectOpen({ path }) {
      const chosen = await resolvePath(path, 'read', () => platform.chooseOpen({ title: 'Open project', extensions: ['cwb'] }));
      return openProject(chosen);
    },
    async projectSave({ path, bytes, withoutBackup }) {
      // Saving the open project over itself: the user chose that file before.
      return saveProject(await checkProjectTarget(platform.paths, path), bytes, { replace: true, withoutBackup });
    },
    async projectSaveAs({ suggestedName, bytes, path, replace, withoutBackup }) {
      const chosen = await resolveTarget(path, 'write', () =>
        platform.chooseSave({ title: 'Save project as', extensions: ['cwb'], suggestedName: withExt(suggestedName, 'cwb') }),
      );
      return saveProject(chosen.path, bytes, { replace: replace || chosen.dialog, withoutBackup });
    },
    async projectRecent() {
      return reachableRecent();
    },
    async recoveryWrite({ file, bytes }) {
      if (bytes.byteLength === 0) throw new HostFailure('bad-argument', 'recoveryWrite: bytes: empty');
      // The project the recovered work belongs to must be one the renderer may already save to: the page
      // cannot make the host remember (and later offer) a path it was never given.
      const ref = file === null ? null : fileRef(await checkProjectTarget(platform.paths, file.path));
      const savedAt = clock().toISOString();
      await recovery.write(ref, bytes, savedAt);
      return { savedAt };
    },
    async recoveryCheck() {
      const info = await recovery.check();
      return info && { ...info, file: await stillReachable(info.file) };
    },
    async recoveryOpen({ recoveryPath }) {
      // Only the host's own recovery file (fixed location) is read; its metadata never grants anything.
      if (resolve(recoveryPath) !== recovery.bytesPath) throw new HostFailure('forbidden', 'Not the recovery file');
      const info = await recovery.check();
      if (!info) throw new HostFailure('not-found', 'There is no recovered project');
      const bytes = new Uint8Array(await readFile(recovery.bytesPath));
      io.validate(bytes, 'The recovered project');
      return { file: await stillReachable(info.file), bytes, recovered: true };
    },
    async recoveryDiscard() {
      await recovery.discard();
      return null;
    },
    async importPreview({ paths, kinds }) {
      let chosen = paths;
      if (chosen === null) {
        chosen = (await platform.chooseOpenMany({ title: 'Import', extensions: [...IMPORT_EXTENSIONS] })) ?? cancelled();
        // chosen to be read: an import choice never becomes a place the renderer may write
        for (const p of chosen) platform.paths.grant(p, 'read');
      }
      return importPreview(platform, chosen, kinds);
    },
    async importRun(args) {
      return importRun(platform, args, clock);
    },
    async exportWrite({ suggestedName, bytes, path, replace }) {
      const kind = exportKind(suggestedName);
      const chosen = await resolveTarget(path, 'write', () => platform.chooseSave({ title: 'Export', extensions: [kind], suggestedName }));
      return writeExport(chosen, kind, replace, () => bytes);
    },
    async exportPdf({ suggestedName, path }) {
      const print = platform.printToPdf;
      if (!print) return null; // browser mode: the renderer opens the print dialog
      const chosen = await resolveTarget(path, 'write', () =>
        platform.chooseSave({ title: 'Export PDF', extensions: ['pdf'], suggestedName: withExt(suggestedName, 'pdf') }),
      );
      return writeExport(chosen, 'pdf', false, print);
    },
    async appInfo() {
      return {
        name: platform.appName,
        version: platform.appVersion,
        host: platform.host,
        filesRoot: platform.filesRoot,
        platform: platform.platform,
        samplePath: platform.samplePath,
      };
    },
    async filesList({ dir, extensions }) {
      if (platform.filesRoot === null) throw new HostFailure('forbidden', 'This host uses the system file dialogs');
      return listFolder(platform, dir ?? platform.filesRoot, extensions);
    },
    async windowSetState(state) {
      platform.setWindowState(state);
      return null;
    },
    async windowConfirmClose() {
      await recovery.discard();
      platform.confirmClose();
      return null;
    },
  };
}

type Listing = HostReturns['filesList'];

async function listFolder(platform: HostPlatform, dir: string, extensions: string[]): Promise<Listing> {
  const root = resolve(platform.filesRoot ?? '/');
  const abs = await platform.paths.check(dir, 'read');
  const info = await stat(abs);
  if (!info.isDirectory()) throw new HostFailure('bad-argument', `Not a folder: ${dir}`);
  const wanted = new Set(extensions.map((e) => e.replace(/^\./, '').toLowerCase()));
  const entries: Listing['entries'] = [];
  for (const d of await readdir(abs, { withFileTypes: true })) {
    if (d.name.startsWith('.')) continue;
    const path = join(abs, d.name);
    if (d.isSymbolicLink()) {
      // A link leaving the root is shown as such, and nothing about its target (not even its size) is read.
      const inside = await platform.paths.check(path, 'read').then(() => true, () => false);
      if (!inside) {
        entries.push({ name: d.name, path, kind: 'outside', size: 0 });
        continue;
      }
    }
    const s = await stat(path).catch(() => null); // follows links (inside the root); broken ones are skipped
    if (!s) continue;
    if (s.isDirectory()) entries.push({ name: d.name, path, kind: 'dir', size: 0 });
    else if (s.isFile() && (wanted.size === 0 || wanted.has(extname(d.name).slice(1).toLowerCase()))) {
      entries.push({ name: d.name, path, kind: 'file', size: s.size });
    }
  }
  const rank = { dir: 0, file: 1, outside: 2 } as const;
  entries.sort((a, b) => rank[a.kind] - rank[b.kind] || a.name.localeCompare(b.name));
  return { dir: abs, parent: abs === root ? null : resolve(abs, '..'), entries };
}
