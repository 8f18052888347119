import { realpath } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { HostFailure } from './host-error.ts';

/**
 * Which paths the renderer may name. The renderer is untrusted: in browser mode it may only reach files under
 * the files root; in Electron only paths the user chose (dialogs, recent list, command line, the OS).
 */
export type PathAccess = 'read' | 'write';

export type PathPolicy = {
  /** The absolute path the host will use, or a 'forbidden' HostFailure. */
  check(path: string, access: PathAccess): Promise<string>;
  /**
   * Remember a path the user chose through the host (a native dialog, the OS, the recent list). `access`:
   * 'write' (the default: a project the user opened or saved may be saved again) also allows reading;
   * 'read' (files chosen to import) only reading. A later grant never lowers an earlier one.
   */
  grant(path: string, access?: PathAccess): void;
};

const inside = (root: string, p: string): boolean => {
  const rel = relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel) && !rel.split(sep).includes('..'));
};

/** The real path of `p`, or of its nearest existing ancestor joined with the rest (for files not yet written). */
async function realpathLoose(p: string): Promise<string> {
  try {
    return await realpath(p);
  } catch (e) {
    const parent = dirname(p);
    if (parent === p || !(e instanceof Error && 'code' in e && e.code === 'ENOENT')) throw e;
    return resolve(await realpathLoose(parent), relative(parent, p));
  }
}

/** Browser mode: everything under `root`, with symbolic links resolved so none lead outside. */
export function rootPolicy(root: string): PathPolicy & { root: string; parentOf(dir: string): string | null } {
  const absRoot = resolve(root);
  let realRoot: Promise<string> | null = null;
  const getRealRoot = () => (realRoot ??= realpath(absRoot).catch(() => absRoot));
  return {
    root: absRoot,
    async check(path) {
      if (path.includes('\0')) throw new HostFailure('forbidden', 'Invalid path');
      const abs = resolve(absRoot, path);
      const real = await realpathLoose(abs);
      if (!inside(absRoot, abs) || !inside(await getRealRoot(), real)) {
        throw new HostFailure('forbidden', `Outside the folder this workbench may use (${absRoot}): ${path}`);
      }
      return abs;
    },
    grant() {},
    parentOf(dir) {
      const abs = resolve(dir);
      return abs === absRoot || !inside(absRoot, abs) ? null : dirname(abs);
    },
  };
}

/** Electron: only paths granted by a user action, and only for the access granted. */
export function grantPolicy(): PathPolicy {
  const granted = new Map<string, PathAccess>();
  return {
    async check(path, access) {
      if (!isAbsolute(path) || path.includes('\0')) throw new HostFailure('forbidden', `Not an absolute path: ${path}`);
      const abs = resolve(path);
      const level = granted.get(abs);
      if (level === undefined) throw new HostFailure('forbidden', `Choose the file first (File > Open or Save As): ${path}`);
      if (access === 'write' && level !== 'write') throw new HostFailure('forbidden', `This file was chosen to be read, not written: choose it in a Save dialog first: ${path}`);
      return abs;
    },
    grant(path, access = 'write') {
      const abs = resolve(path);
      if (granted.get(abs) !== 'write') granted.set(abs, access);
    },
  };
}
