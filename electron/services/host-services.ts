import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import type { FileRef, HostReturns, OpenedProject } from '../contract.ts';
import type { HostHandlers } from './dispatch.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { HostFailure } from './host-error.ts';
import { IMPORT_EXTENSIONS, importPreview, importRun } from './import-calls.ts';
import { createImportRunner, type ImportRunner } from './import/import-runner.ts';
import type { HostPlatform } from './platform.ts';
import type { ProjectIo } from './project-io.ts';
import { fileRef, recentFiles } from './recent-files.ts';
import { recoveryStore } from './recovery-store.ts';

const withExt = (name: string, ext: string): string => {
  const base = name.trim() || 'Untitled';
  return base.toLowerCase().endsWith(`.${ext}`) ? base : `${base}.${ext}`;
};

/**
 * Every host call, once, for both hosts: Electron and browser mode differ only in `platform`.
 * Arguments arrive already validated by the dispatcher (dispatch.ts).
 */
export function createHostServices(
  platform: HostPlatform,
  io: ProjectIo,
  clock: () => Date = () => new Date(),
  /** Imports run in worker threads (import-runner.ts); the host passes its prebuilt worker and progress sink. */
  imports: ImportRunner = createImportRunner(),
): HostHandlers {
  const recent = recentFiles(platform.dataDir);
  const recovery = recoveryStore(platform.dataDir);

  const cancelled = (): never => {
    throw new HostFailure('cancelled', 'Cancelled');
  };

  /** The path the user named (checked against the policy) or chose in a dialog (then granted). */
  async function resolvePath(path: string | null, access: 'read' | 'write', ask: () => Promise<string | null>): Promise<string> {
    if (path !== null) return platform.paths.check(path, access);
    const chosen = (await ask()) ?? cancelled();
    platform.paths.grant(chosen);
    return platform.paths.check(chosen, access);
  }

  async function openProject(path: string): Promise<OpenedProject> {
    const bytes = await io.read(path);
    await recent.add(path);
    return { file: fileRef(path), bytes, recovered: false };
  }

  async function saveProject(path: string, bytes: Uint8Array): Promise<FileRef> {
    await io.write(path, bytes);
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
    async projectSave({ path, bytes }) {
      return saveProject(await platform.paths.check(path, 'write'), bytes);
    },
    async projectSaveAs({ suggestedName, bytes, path }) {
      const chosen = await resolvePath(path, 'write', () =>
        platform.chooseSave({ title: 'Save project as', extensions: ['cwb'], suggestedName: withExt(suggestedName, 'cwb') }),
      );
      return saveProject(chosen, bytes);
    },
    async projectRecent() {
      return reachableRecent();
    },
    async recoveryWrite({ file, bytes }) {
      if (bytes.byteLength === 0) throw new HostFailure('bad-argument', 'recoveryWrite: bytes: empty');
      const savedAt = clock().toISOString();
      await recovery.write(file, bytes, savedAt);
      return { savedAt };
    },
    async recoveryCheck() {
      return recovery.check();
    },
    async recoveryOpen({ recoveryPath }) {
      if (resolve(recoveryPath) !== recovery.bytesPath) throw new HostFailure('forbidden', 'Not the recovery file');
      const info = await recovery.check();
      if (!info) throw new HostFailure('not-found', 'There is no recovered project');
      const bytes = new Uint8Array(await readFile(recovery.bytesPath));
      io.validate(bytes, 'The recovered project');
      if (info.file) platform.paths.grant(info.file.path);
      return { file: info.file, bytes, recovered: true };
    },
    async recoveryDiscard() {
      await recovery.discard();
      return null;
    },
    async importPreview({ paths, kinds, jobId }) {
      let chosen = paths;
      if (chosen === null) {
        chosen = (await platform.chooseOpenMany({ title: 'Import', extensions: [...IMPORT_EXTENSIONS] })) ?? cancelled();
        // chosen to be read: an import choice never becomes a place the renderer may write
        for (const p of chosen) platform.paths.grant(p, 'read');
      }
      return importPreview(platform, imports, chosen, kinds, jobId);
    },
    async importRun(args) {
      return importRun(platform, imports, args, clock);
    },
    async importCancel({ jobId }) {
      return imports.cancel(jobId);
    },
    async importStatus({ jobId }) {
      return imports.status(jobId);
    },
    async exportWrite({ suggestedName, bytes, path }) {
      const ext = extname(suggestedName).slice(1).toLowerCase();
      const chosen = await resolvePath(path, 'write', () =>
        platform.chooseSave({ title: 'Export', extensions: ext ? [ext] : [], suggestedName }),
      );
      await writeFileAtomic(chosen, bytes);
      return fileRef(chosen);
    },
    async exportPdf({ suggestedName, path }) {
      const print = platform.printToPdf;
      if (!print) return null; // browser mode: the renderer opens the print dialog
      const chosen = await resolvePath(path, 'write', () =>
        platform.chooseSave({ title: 'Export PDF', extensions: ['pdf'], suggestedName: withExt(suggestedName, 'pdf') }),
      );
      await writeFileAtomic(chosen, await print());
      return fileRef(chosen);
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
    const s = await stat(path).catch(() => null); // follows links; broken ones are skipped
    if (!s) continue;
    if (s.isDirectory()) entries.push({ name: d.name, path, kind: 'dir', size: 0 });
    else if (s.isFile() && (wanted.size === 0 || wanted.has(extname(d.name).slice(1).toLowerCase()))) {
      entries.push({ name: d.name, path, kind: 'file', size: s.size });
    }
  }
  entries.sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'dir' ? -1 : 1));
  return { dir: abs, parent: abs === root ? null : resolve(abs, '..'), entries };
}
