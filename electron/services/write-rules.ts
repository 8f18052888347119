import { lstat, realpath, stat } from 'node:fs/promises';
import { basename, dirname, extname } from 'node:path';
import { HostFailure } from './host-error.ts';
import type { PathPolicy } from './path-policy.ts';

/**
 * What the renderer may write, on top of the path policy (which says where): a file of the kind it is
 * (projects only .cwb, exports only their own extension), never a dotfile, never a folder created on the way,
 * never a link to a file of another kind, never a read-only or special file, and an existing file only when the
 * user confirmed replacing it (Electron's native save dialog asks; browser mode's file browser asks and says so
 * with `replace`).
 */
export const EXPORT_EXTENSIONS = ['csv', 'xlsx', 'svg', 'png', 'pdf'] as const;
export const PROJECT_EXTENSION = 'cwb';

const extOf = (p: string): string => extname(p).slice(1).toLowerCase();

function checkName(abs: string, extensions: readonly string[], what: string): void {
  const name = basename(abs);
  if (name.startsWith('.')) throw new HostFailure('forbidden', `${what} is not written under a name starting with a dot: ${name}`);
  if (!extensions.includes(extOf(name))) {
    throw new HostFailure('forbidden', `${what} is written only as ${extensions.map((e) => `.${e}`).join(' or ')}, not as ${name}`);
  }
}

/** The export kind of a suggested name ("plan.csv" -> "csv"), refusing anything that is not an export. */
export function exportKind(suggestedName: string): string {
  const ext = extOf(suggestedName);
  if (!(EXPORT_EXTENSIONS as readonly string[]).includes(ext)) {
    throw new HostFailure('bad-argument', `exportWrite: suggestedName: exports are ${EXPORT_EXTENSIONS.map((e) => `.${e}`).join(', ')}, not ${JSON.stringify(suggestedName)}`);
  }
  return ext;
}

/** A path the renderer may save a project to: writable under the policy and named `*.cwb`. */
export async function checkProjectTarget(paths: PathPolicy, path: string): Promise<string> {
  const abs = await paths.check(path, 'write');
  checkName(abs, [PROJECT_EXTENSION], 'A project');
  return abs;
}

/**
 * Check an (already policy-checked) absolute target before writing: name rules, the folder exists, and an
 * existing target is a writable regular file of the same kind that the user chose to replace.
 * Resolves to whether the target exists (then the write keeps a .bak).
 */
export async function checkWriteTarget(abs: string, opts: { extensions: readonly string[]; what: string; replace: boolean }): Promise<{ exists: boolean }> {
  checkName(abs, opts.extensions, opts.what);
  const dir = dirname(abs);
  const folder = await stat(dir).catch(() => null);
  if (!folder?.isDirectory()) {
    throw new HostFailure('not-found', `The folder ${dir} does not exist: choose an existing folder (the workbench does not create folders).`);
  }
  const link = await lstat(abs).catch(() => null);
  if (!link) return { exists: false };
  if (link.isSymbolicLink()) {
    const real = await realpath(abs).catch(() => null);
    // The write replaces the file the link points to: it must obey the same rules.
    if (real) checkName(real, opts.extensions, `${opts.what} (through the link ${basename(abs)})`);
  }
  const info = await stat(abs).catch(() => null);
  if (!info) return { exists: false };
  if (info.isDirectory()) throw new HostFailure('bad-argument', `${abs} is a folder, not a file`);
  if (!info.isFile()) throw new HostFailure('forbidden', `${abs} is not a regular file`);
  if ((info.mode & 0o222) === 0) throw new HostFailure('forbidden', `${abs} is read-only, so it is left as it is: choose another name`);
  if (!opts.replace) {
    throw new HostFailure('exists', `${basename(abs)} already exists in ${dir}: confirm that it should be replaced (its current version is kept as ${basename(abs)}.bak)`);
  }
  return { exists: true };
}
