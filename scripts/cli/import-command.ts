/**
 * `cwb import FILE... --out PROJECT.cwb`: build a project from RVTools exports and CSVs (or add them to an
 * existing one with --into), print the data-quality report, write the .cwb.
 * Exit codes: 0 done, 2 usage error, 3 the import failed (the message names file, sheet, row and column where
 * there are ones).
 */
import { access, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ImportError } from '../../core/import/errors.ts';
import { IMPORT_KINDS } from '../../core/import/mapping.ts';
import { RVTOOLS_EXCLUSIONS, type RvtoolsExclusion } from '../../core/import/rvtools.ts';
import { formatReport } from '../../core/import/report.ts';
import { isKnownTimeZone } from '../../core/import/time.ts';
import { encodeProject } from '../../core/project-file/codec.ts';
import { writeFileAtomic } from '../../electron/services/atomic-write.ts';
import { importFiles, type FileKind } from '../../electron/services/import/import-files.ts';
import { readProjectFile } from '../../electron/services/project-store.ts';

export const IMPORT_USAGE = `usage: cwb import FILE... --out PROJECT.cwb [options]

  FILE              RVTools .xlsx, RVTools_tab<sheet>.csv files, or CSVs (inventory, series, flows, sites, links;
                    performance exports: getstat (vCenter Get-Stat), perfmon, sar (sadf -d), wide)
  --out PROJECT.cwb where to write the project
  --into BASE.cwb   add the files to this project instead of starting a fresh one
  --kind KIND       what the FILEs after it are: rvtools, ${IMPORT_KINDS.join(', ')} (default: guessed)
  --tz ZONE         IANA time zone of time stamps without an offset (default UTC; perfmon files use their header's)
  --name NAME       estate name of a fresh project
  --storage BASIS   size VM storage from "provisioned" (default) or "in-use" space
  --exclude WHAT    leave RVTools VMs out: powered-off, retired (names like -old, -RIP, _decom, "do not use");
                    comma-separated, e.g. --exclude powered-off,retired (they are listed in the report either way)
  --report FILE     also write the data-quality report to FILE
  --force           overwrite --out if it exists`;

type Io = { stdout: (s: string) => void; stderr: (s: string) => void };
const processIo: Io = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) };

export type ImportArgs = {
  files: string[];
  kinds: Record<string, FileKind>;
  out: string;
  into: string | null;
  timeZone: string;
  name: string | null;
  storage: 'provisioned' | 'in-use';
  exclude: RvtoolsExclusion[];
  report: string | null;
  force: boolean;
};

class UsageError extends Error {
  override name = 'UsageError';
}

const KINDS: readonly string[] = ['rvtools', ...IMPORT_KINDS];
const isKind = (k: string): k is FileKind => KINDS.includes(k);

export function parseImportArgs(argv: readonly string[]): ImportArgs {
  const rest = argv[0] === 'import' ? argv.slice(1) : [...argv];
  const args: ImportArgs = { files: [], kinds: {}, out: '', into: null, timeZone: 'UTC', name: null, storage: 'provisioned', exclude: [], report: null, force: false };
  let kind: FileKind | null = null;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const value = () => {
      const v = rest[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '--out') args.out = value();
    else if (a === '--into') args.into = value();
    else if (a === '--name') args.name = value();
    else if (a === '--report') args.report = value();
    else if (a === '--force') args.force = true;
    else if (a === '--tz') {
      args.timeZone = value();
      if (!isKnownTimeZone(args.timeZone)) throw new UsageError(`--tz: "${args.timeZone}" is not an IANA time zone (e.g. Europe/London)`);
    } else if (a === '--storage') {
      const v = value();
      if (v !== 'provisioned' && v !== 'in-use') throw new UsageError(`--storage must be "provisioned" or "in-use", got "${v}"`);
      args.storage = v;
    } else if (a === '--exclude') {
      for (const w of value().split(',').map((x) => x.trim())) {
        if (!(RVTOOLS_EXCLUSIONS as readonly string[]).includes(w)) throw new UsageError(`--exclude takes ${RVTOOLS_EXCLUSIONS.join(', ')} (comma-separated), got "${w}"`);
        if (!args.exclude.includes(w as RvtoolsExclusion)) args.exclude.push(w as RvtoolsExclusion);
      }
    } else if (a === '--kind') {
      const v = value();
      if (!isKind(v)) throw new UsageError(`--kind must be one of ${KINDS.join(', ')}, got "${v}"`);
      kind = v;
    } else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else {
      args.files.push(a);
      if (kind !== null) args.kinds[a] = kind;
    }
  }
  if (args.files.length === 0) throw new UsageError('no FILE to import');
  if (args.out === '') throw new UsageError('missing --out PROJECT.cwb');
  return args;
}

export async function appVersion(): Promise<string> {
  try {
    const pkg: unknown = JSON.parse(await readFile(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8'));
    if (pkg !== null && typeof pkg === 'object' && 'version' in pkg && typeof pkg.version === 'string') return pkg.version;
  } catch {
    // fall through
  }
  return '0.0.0';
}

const exists = (p: string) => access(p).then(() => true, () => false);

export async function importCommand(argv: string[], io: Io = processIo, now: () => Date = () => new Date()): Promise<number> {
  let args: ImportArgs;
  try {
    args = parseImportArgs(argv);
  } catch (e) {
    io.stderr(`cwb import: ${e instanceof Error ? e.message : String(e)}\n${IMPORT_USAGE}\n`);
    return 2;
  }
  try {
    if (!args.force && (await exists(args.out))) {
      io.stderr(`cwb import: ${args.out} exists; use --force to overwrite it\n`);
      return 2;
    }
    let base = null;
    if (args.into !== null) {
      const read = await readProjectFile(args.into);
      if (!read.ok) {
        io.stderr(`cwb import: cannot open ${args.into}: ${read.error.message}\n`);
        return 3;
      }
      base = read.project;
    }
    const t = now();
    t.setUTCMinutes(0, 0, 0);
    const weekStart = new Date(t.getTime() - t.getUTCDay() * 86_400_000 - t.getUTCHours() * 3_600_000);
    const { project, report } = await importFiles(args.files, {
      base,
      kinds: args.kinds,
      timeZone: args.timeZone,
      name: args.name ?? `Imported from ${path.basename(args.files[0])}`,
      storageBasis: args.storage,
      exclude: args.exclude,
      seriesStartUtc: weekStart.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    });
    const text = formatReport(report);
    io.stdout(`${text}\n`);
    if (args.report !== null) await writeFile(args.report, `${text}\n`, 'utf8');
    const bytes = encodeProject(project, { appVersion: await appVersion(), nowUtc: now().toISOString().replace(/\.\d{3}Z$/, 'Z') });
    await writeFileAtomic(args.out, bytes);
    io.stdout(`wrote ${args.out} (${project.estate.servers.length} servers, ${project.estate.dataCentres.length} data centres)\n`);
    return 0;
  } catch (e) {
    if (e instanceof ImportError) {
      io.stderr(`cwb import: ${e.message}\n`);
      return 3;
    }
    // importFiles names the file of any failure while reading; what is left is building or writing the project.
    io.stderr(`cwb import: cannot build or write ${args.out}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 3;
  }
}
