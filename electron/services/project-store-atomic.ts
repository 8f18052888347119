/**
 * Crash-safe file replacement. A process killed at any moment leaves the target path holding either the
 * old or the new complete file, never a broken one and never none (when one existed):
 *
 * 1. write the new bytes to a temp file in the same folder (same file system, so rename is atomic), fsync it;
 * 2. optionally keep the previous version as `<name>.bak`: hard-link the target to a temp name (or copy and
 *    fsync where links are unsupported) and rename that over the old .bak. The target is never moved away,
 *    so it exists throughout;
 * 3. rename the temp file over the target (atomic replace on POSIX and on NTFS via MoveFileEx);
 * 4. fsync the folder so the renames survive a power cut.
 * Temp files left by a killed process are removed by the next write to the same target.
 *
 * A read-only target is never replaced (ETARGETREADONLY). With `requireBackup`, a target whose .bak cannot be
 * kept (a folder named `<name>.bak`, a .bak held open) is left as it is (ENOBACKUP) instead of replaced
 * without one.
 */
import { randomBytes } from 'node:crypto';
import { copyFile, link, open, readdir, realpath, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';

const RETRYABLE = new Set(['EPERM', 'EACCES', 'EBUSY']);

export const backupPathOf = (filePath: string): string => `${filePath}.bak`;

const errorCode = (e: unknown): string | undefined =>
  e !== null && typeof e === 'object' && 'code' in e && typeof e.code === 'string' ? e.code : undefined;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function tempName(base: string, kind: 'new' | 'bak'): string {
  return `.${base}.${process.pid}.${randomBytes(6).toString('hex')}.${kind}.tmp`;
}

/** Our temp files for `base`: `.<base>.<pid>.<random>.<new|bak>.tmp`. */
export function parseTempName(name: string, base: string): { pid: number } | null {
  if (!name.startsWith(`.${base}.`) || !name.endsWith('.tmp')) return null;
  const m = /^(\d+)\.[0-9a-f]{12}\.(new|bak)\.tmp$/.exec(name.slice(base.length + 2));
  return m ? { pid: Number(m[1]) } : null;
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errorCode(e) === 'EPERM';
  }
}

/** Remove temp files a killed writer left next to the target (only those of processes no longer running). */
export async function removeStaleTemps(dir: string, base: string): Promise<string[]> {
  const removed: string[] = [];
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    const t = parseTempName(name, base);
    if (t && !isAlive(t.pid)) {
      await unlink(path.join(dir, name)).then(
        () => removed.push(name),
        () => undefined,
      );
    }
  }
  return removed;
}

async function fsyncPath(p: string, flags: 'r' | 'r+'): Promise<void> {
  const fh = await open(p, flags);
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

async function fsyncDir(dir: string): Promise<void> {
  try {
    await fsyncPath(dir, 'r');
  } catch (e) {
    // Windows cannot open a folder for fsync; NTFS journals the rename itself.
    if (process.platform !== 'win32') throw e;
  }
}

/** rename, retried briefly on Windows where a virus scanner or indexer may hold the target open. */
async function renameOver(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (e) {
      const code = errorCode(e);
      if (process.platform !== 'win32' || attempt >= 8 || code === undefined || !RETRYABLE.has(code)) throw e;
      await sleep(25 * (attempt + 1));
    }
  }
}

/**
 * Make `<target>.bak` the current version of the target; null when that fails (e.g. another program holds
 * the .bak open on Windows): the save goes on, a missing backup must not lose the user's work.
 */
async function keepBackup(target: string, dir: string, base: string): Promise<string | null> {
  const bak = backupPathOf(target);
  const bakTemp = path.join(dir, tempName(base, 'bak'));
  try {
    try {
      await link(target, bakTemp);
    } catch {
      await copyFile(target, bakTemp);
      await fsyncPath(bakTemp, 'r+');
    }
    await renameOver(bakTemp, bak);
    return bak;
  } catch {
    return null;
  } finally {
    // Also when .bak already was a link to the target: rename() then succeeds without removing bakTemp.
    await unlink(bakTemp).catch(() => undefined);
  }
}

const queues = new Map<string, Promise<unknown>>();

/** Run writes to the same path one after another within this process, in the order they were asked for. */
function serialised<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  const run = previous.then(task, task);
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  queues.set(key, settled);
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return run;
}

export type AtomicWriteResult = { path: string; backupPath: string | null };

/** Errors of this writer that are not the OS's: the target is read-only; its backup could not be kept. */
export const READ_ONLY_TARGET = 'ETARGETREADONLY';
export const NO_BACKUP = 'ENOBACKUP';

const writerError = (code: string, message: string, target: string) => Object.assign(new Error(message), { code, path: target });

/** Replace `filePath` with `bytes` atomically (see the top of this file). Throws Node errors on failure. */
export async function writeFileAtomic(
  filePath: string,
  bytes: Uint8Array,
  options: { backup: boolean; requireBackup?: boolean },
): Promise<AtomicWriteResult> {
  // Queue on the path as given (synchronously, so saves run in call order), then resolve symlinks so the
  // rename replaces the file the link points to, not the link.
  return serialised(path.resolve(filePath), async () => {
    const target = await realpath(filePath).catch(() => path.resolve(filePath));
    const dir = path.dirname(target);
    const base = path.basename(target);
    await removeStaleTemps(dir, base);
    const previous = await stat(target).catch(() => null);
    if (previous?.isFile() && (previous.mode & 0o222) === 0) throw writerError(READ_ONLY_TARGET, `${target} is read-only`, target);
    const temp = path.join(dir, tempName(base, 'new'));
    try {
      const fh = await open(temp, 'wx', previous ? previous.mode & 0o777 : 0o644);
      try {
        await fh.writeFile(bytes);
        await fh.sync();
      } finally {
        await fh.close();
      }
      const backupPath = options.backup && previous?.isFile() ? await keepBackup(target, dir, base) : null;
      if (options.backup && options.requireBackup && previous?.isFile() && backupPath === null) {
        throw writerError(NO_BACKUP, `the backup ${backupPathOf(target)} could not be kept`, target);
      }
      await renameOver(temp, target);
      await fsyncDir(dir);
      return { path: target, backupPath };
    } catch (e) {
      await unlink(temp).catch(() => undefined);
      throw e;
    }
  });
}
