/**
 * The import calls of the contract (importPreview, importRun) on top of electron/services/import/: the path
 * policy (paths the user chose in a native dialog are granted by the caller; every path is checked here, so
 * browser mode stays inside its files root), per-path options re-keyed to the checked paths, and the result
 * in the contract's shape.
 */
import { basename } from 'node:path';
import type { ImportFileKind, ImportPreview, ImportRunResult } from '../contract.ts';
import type { ParsedArgs } from './dispatch.ts';
import { HostFailure } from './host-error.ts';
import type { ImportRunner } from './import/import-runner.ts';
import type { HostPlatform } from './platform.ts';

/** What the import dialog offers (RVTools workbooks and CSV sets, inventories and the other CSV kinds). */
export const IMPORT_EXTENSIONS = ['xlsx', 'csv'] as const;

type PerPath<T> = Readonly<Record<string, T>>;

/** Check every path against the policy; the result maps each given path to the path the host uses. */
async function checkPaths(platform: HostPlatform, paths: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const p of paths) out.set(p, await platform.paths.check(p, 'read'));
  const distinct = new Set(out.values());
  if (distinct.size !== paths.length) throw new HostFailure('bad-argument', 'import: the same file is named twice');
  return out;
}

/** A per-path record with its keys changed to the checked paths; a key that is not one of the files is refused. */
function rekey<T>(what: string, record: PerPath<T> | undefined, checked: Map<string, string>): Record<string, T> | undefined {
  if (record === undefined) return undefined;
  const out: Record<string, T> = {};
  for (const [p, v] of Object.entries(record)) {
    const abs = checked.get(p);
    if (abs === undefined) throw new HostFailure('bad-argument', `import: ${what} names a file that is not imported: ${p}`);
    out[abs] = v;
  }
  return out;
}

export async function importPreview(
  platform: HostPlatform,
  runner: ImportRunner,
  paths: readonly string[],
  kinds: PerPath<ImportFileKind> | undefined,
  jobId?: string,
): Promise<ImportPreview[]> {
  const checked = await checkPaths(platform, paths);
  const previews = await runner.preview({ paths: [...checked.values()], kinds: rekey('kinds', kinds, checked) }, jobId);
  return previews.map((p) => ({ path: p.path, name: basename(p.path), kind: p.kind, headers: p.headers, guess: p.guess, error: p.error }));
}

export async function importRun(platform: HostPlatform, runner: ImportRunner, args: ParsedArgs<'importRun'>, clock: () => Date): Promise<ImportRunResult> {
  const checked = await checkPaths(platform, args.paths);
  const kinds = rekey('kinds', args.kinds, checked);
  const mappings = rekey('mappings', args.mappings, checked);
  for (const [p, m] of Object.entries(mappings ?? {})) {
    const kind = kinds?.[p];
    if (kind !== undefined && kind !== m.kind) {
      throw new HostFailure('bad-argument', `import: ${basename(p)} is imported as ${kind} but its mapping is for ${m.kind}`);
    }
  }
  return runner.run(
    { paths: [...checked.values()], kinds, mappings, timeZone: args.timeZone, base: args.base },
    { appVersion: platform.appVersion, nowUtc: clock().toISOString() },
    args.jobId,
  );
}
