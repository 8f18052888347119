/**
 * Project files on disk: size-checked reads that decode with the .cwb codec, and crash-safe writes that keep
 * the previous version as `<name>.bak`. Every function resolves to a result and never throws.
 */
import { open } from 'node:fs/promises';
import path from 'node:path';
import type { HostError } from '../contract.ts';
import { decodeProject, type DecodeResult } from '../../core/project-file/codec.ts';
import { fail, formatBytes, type Failure, type ProjectFileError } from '../../core/project-file/errors.ts';
import { DEFAULT_LIMITS, type Limits } from '../../core/project-file/limits.ts';
import { NO_BACKUP, READ_ONLY_TARGET, backupPathOf, writeFileAtomic } from './project-store-atomic.ts';

export { backupPathOf };

export type ReadOptions = {
  /** Refuse files larger than this before reading them (default: 1 GiB, the codec's maxFileBytes). */
  maxBytes?: number;
  limits?: Partial<Limits>;
};
export type ReadBytesResult = { ok: true; bytes: Uint8Array } | Failure;
/** A decoded project and the bytes it came from (they cross the host boundary as they are). */
export type ReadResult = (Extract<DecodeResult, { ok: true }> & { bytes: Uint8Array }) | Failure;

export type WriteOptions = {
  /** Keep the replaced version as `<name>.bak` (default true). */
  backup?: boolean;
  /** With backup: refuse ('no-backup') rather than replace the file when its .bak cannot be kept (default true). */
  requireBackup?: boolean;
  /** Decode the bytes first and refuse to overwrite the file with ones that do not open (default false). */
  verify?: boolean;
};
export type WriteResult = { ok: true; path: string; backupPath: string | null } | Failure;

const errorCode = (e: unknown): string | undefined =>
  e !== null && typeof e === 'object' && 'code' in e && typeof e.code === 'string' ? e.code : undefined;

function ioFailure(action: 'open' | 'save', filePath: string, e: unknown): Failure {
  const name = path.basename(filePath);
  switch (errorCode(e)) {
    case 'ENOENT':
      return action === 'open'
        ? fail('not-found', `The project file ${filePath} does not exist. It may have been moved, renamed or deleted.`)
        : fail('not-found', `Cannot save ${name}: the folder ${path.dirname(filePath)} does not exist.`);
    case 'EACCES':
    case 'EPERM':
      return fail('io', `Cannot ${action} ${name}: permission denied for ${filePath}.`);
    case 'EISDIR':
      return fail('io', `Cannot ${action} ${filePath}: it is a folder, not a project file.`);
    case 'ENOSPC':
      return fail('io', `Cannot save ${name}: the disk is full. The previous version of the file is unchanged.`);
    case 'EROFS':
      return fail('io', `Cannot save ${name}: the disk or share is read-only.`);
    case READ_ONLY_TARGET:
      return fail('io', `Not saved: ${filePath} is read-only, so it is left as it is. Save under another name (Save As), or make the file writable first.`);
    case NO_BACKUP:
      return fail(
        'no-backup',
        `Not saved: the previous version of ${name} could not be kept as ${path.basename(backupPathOf(filePath))} (is there a folder or a locked file of that name?). The file on disk is unchanged. Rename what is in the way, or save without a backup.`,
      );
    default: {
      const text = e instanceof Error ? e.message : String(e);
      return fail('io', `Cannot ${action} ${filePath}: ${text}`);
    }
  }
}

/** The raw bytes of a file, refusing it before reading when it is larger than maxBytes. */
export async function readProjectBytes(filePath: string, opts: ReadOptions = {}): Promise<ReadBytesResult> {
  const maxBytes = opts.maxBytes ?? opts.limits?.maxFileBytes ?? DEFAULT_LIMITS.maxFileBytes;
  let fh;
  try {
    fh = await open(filePath, 'r');
  } catch (e) {
    return ioFailure('open', filePath, e);
  }
  try {
    const info = await fh.stat();
    if (info.isDirectory()) return ioFailure('open', filePath, Object.assign(new Error('is a folder'), { code: 'EISDIR' }));
    if (info.size > maxBytes) {
      return fail(
        'too-large',
        `${path.basename(filePath)} is ${formatBytes(info.size)}; the app opens project files up to ${formatBytes(maxBytes)}. Check that this is a Consolidation Workbench project.`,
      );
    }
    const bytes = new Uint8Array(info.size);
    let at = 0;
    while (at < bytes.length) {
      const { bytesRead } = await fh.read(bytes, at, bytes.length - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    return { ok: true, bytes: at === bytes.length ? bytes : bytes.subarray(0, at) };
  } catch (e) {
    return ioFailure('open', filePath, e);
  } finally {
    await fh.close().catch(() => undefined);
  }
}

/** Read and decode a project file: not-found, too-large and io errors, or any of the codec's errors. */
export async function readProjectFile(filePath: string, opts: ReadOptions = {}): Promise<ReadResult> {
  const read = await readProjectBytes(filePath, opts);
  if (!read.ok) return read;
  const decoded = decodeProject(read.bytes, opts.limits);
  return decoded.ok ? { ...decoded, bytes: read.bytes } : decoded;
}

/** Save .cwb bytes atomically: the file holds the old or the new project at every moment, never a broken one. */
export async function writeProjectFile(filePath: string, bytes: Uint8Array, opts: WriteOptions = {}): Promise<WriteResult> {
  if (opts.verify) {
    const check = decodeProject(bytes);
    if (!check.ok) {
      return fail(check.error.code, `Not saved, the file on disk is unchanged: the project to save does not open (${check.error.message})`, check.error.problems);
    }
  }
  try {
    const written = await writeFileAtomic(filePath, bytes, { backup: opts.backup ?? true, requireBackup: opts.requireBackup ?? true });
    return { ok: true, ...written };
  } catch (e) {
    return ioFailure('save', filePath, e);
  }
}

/** The host contract's error for a project-file error: the UI acts on the code, shows the message. */
export function toHostError(error: ProjectFileError): HostError {
  const code = error.code === 'not-found' || error.code === 'io' || error.code === 'too-large' || error.code === 'no-backup' ? error.code : 'bad-file';
  return { code, message: error.message };
}
