import { realpath } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { HostFailure } from './host-error.ts';

/**
 * Which paths the renderer may name. The renderer is untrusted: in browser mode it may only reach files under
 * the files root; in Electron only paths the user chose (dialogs, recent list, command line, the OS).
 */
export type PathPolicy = {
  /** The absolute path the host will use, or a 'forbidden' HostFailure. */
  check(path: string, access: 'read' | 'write'): Promise<string>;
  /** Remember a path the user chose through the host (a native dialog, the OS, the recent list). */
  grant(path: string): void;
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

/** Electron: only paths granted by a user action. */
export function grantPolicy(): PathPolicy {
  const granted = new Set<string>();
  return {
    async check(path) {
      if (!isAbsolute(path) || path.includes('\0')) throw new HostFailure('forbidden', `Not an absolute path: ${path}`);
      const abs = resolve(path);
      if (!granted.has(abs)) throw new HostFailure('forbidden', `Choose the file first (File > Open or Save As): ${path}`);
      return abs;
    },
    grant(path) {
      granted.add(resolve(path));
    },
  };
}
