/**
 * `cwb`, the headless CLI. `cwb plan PROJECT.cwb [--scenario NAME] [--effort quick|standard|thorough|N] --out PLAN.csv|PLAN.xlsx [--csv-separator ;]`
 * (and `cwb import ...`, see import-command.ts)
 * reads a project, runs the placement engine (in process, progress on stderr), prints a summary and writes
 * the plan: CSV (one row per server) or, for a .xlsx name, a workbook of servers, hosts, sites and WAN links.
 * Exit codes: 0 done, 2 usage error, 3 the project cannot be read or is invalid, 1 other.
 */
import { writeFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { readProjectFile } from '../../electron/services/project-store.ts';
import { planProject } from '../../core/engine/engine.ts';
import { defaultPacker } from '../../core/engine/default-packer.ts';
import type { Plan } from '../../core/engine/plan.ts';
import { planFile } from './csv.ts';
import { CSV_SEPARATORS, type CsvSeparator } from '../../core/export/csv.ts';
import { IMPORT_USAGE, appVersion, importCommand } from './import-command.ts';
import { hashOfPlan, savePlanInProject } from './save-plan.ts';
import { planSummary } from './summary.ts';
import { sizingLines } from './sizing-lines.ts';
import type { SizingMode } from '../../core/model/schema.ts';
import { DEFAULT_EFFORT, parseEffort, type Effort } from '../../core/model/effort.ts';

export const USAGE = `usage: cwb plan PROJECT.cwb [--scenario NAME] [--effort quick|standard|thorough|N] [--sizing performance|allocated] [--save] [--out PLAN.csv|PLAN.xlsx] [--csv-separator ;]

  --scenario NAME   scenario id or name (default: the project's first scenario)
  --effort E        how hard to search after the first plan: quick, standard or thorough, or N work
                    units (0 = first plan only); default: the scenario's effort (standard if unset).
                    The same project, scenario, seed and effort give the same plan on any machine;
                    a plan found at N work units ("found at" in the summary) is replayed by --effort N
  --iterations N    the same as --effort N
  --out PLAN.csv    where to write the plan (one row per server);
  --out PLAN.xlsx   or a workbook: sheets Servers, Hosts, Sites and WAN links
  --save            keep the plan in PROJECT.cwb as the scenario's latest plan (the app shows it on open);
                    --out is then optional
  --csv-separator ; CSV list separator: , (default) or ; for Excel in de/fr/nl locales (writes a
                    byte-order mark and decimal commas)
  --sizing MODE     performance (size from measured series, summaries, snapshots; default) or allocated
                    (like-for-like: memory as allocated, vCPUs at the scenario's vCPU : core ratio)`;

export class UsageError extends Error {
  override name = 'UsageError';
}

/** effort null: the scenario's own. */
export type PlanArgs = { project: string; scenario: string | null; effort: Effort | null; out: string | null; csvSeparator: CsvSeparator; sizing: SizingMode | null; save?: boolean };

export function parseArgs(argv: readonly string[]): PlanArgs {
  const [command, ...rest] = argv;
  if (command !== 'plan') throw new UsageError(command ? `unknown command "${command}"` : 'missing command');
  let project: string | null = null;
  let scenario: string | null = null;
  let effort: Effort | null = null;
  let out: string | null = null;
  let csvSeparator: CsvSeparator = ',';
  let sizing: SizingMode | null = null;
  let save = false;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const value = () => {
      const v = rest[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '--save') save = true;
    else if (a === '--scenario') scenario = value();
    else if (a === '--sizing') {
      const v = value();
      if (v !== 'performance' && v !== 'allocated') throw new UsageError(`--sizing must be "performance" or "allocated", got "${v}"`);
      sizing = v;
    }
    else if (a === '--out') out = value();
    else if (a === '--csv-separator') {
      const v = value();
      const sep = CSV_SEPARATORS.find((x) => x === v);
      if (sep === undefined) throw new UsageError(`--csv-separator must be "," or ";", got "${v}"`);
      csvSeparator = sep;
    }
    else if (a === '--effort' || a === '--iterations') {
      const v = value();
      effort = parseEffort(v);
      if (effort === null) throw new UsageError(`${a} must be quick, standard, thorough or a whole number of work units, got "${v}"`);
    } else if (a === '--budget-ms') throw new UsageError('--budget-ms is gone: the search is bounded by work, not time; use --effort quick|standard|thorough|N');
    else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else if (project === null) project = a;
    else throw new UsageError(`unexpected argument "${a}"`);
  }
  if (project === null) throw new UsageError('missing PROJECT.cwb');
  if (out === null && !save) throw new UsageError('missing --out PLAN.csv (or --save)');
  return { project, scenario, effort, out, csvSeparator, sizing, save };
}

type Io = { stdout: (s: string) => void; stderr: (s: string) => void };
const processIo: Io = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) };

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  if (argv[0] === 'import') return importCommand([...argv], io);
  if (argv[0] === undefined || argv[0] === '--help' || argv[0] === 'help') {
    io.stdout(`${USAGE}\n\n${IMPORT_USAGE}\n`);
    return argv[0] === undefined ? 2 : 0;
  }
  let args: PlanArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    io.stderr(`cwb: ${e instanceof Error ? e.message : String(e)}\n${USAGE}\n`);
    return 2;
  }
  const read = await readProjectFile(args.project);
  if (!read.ok) {
    io.stderr(`cwb: cannot open ${args.project}: ${read.error.message}\n`);
    return 3;
  }
  const { estate } = read.project;
  const wanted = args.scenario;
  const scenario = wanted === null ? estate.scenarios[0] : estate.scenarios.find((s) => s.id === wanted || s.name.toLowerCase() === wanted.toLowerCase());
  if (!scenario) {
    const have = estate.scenarios.map((s) => `${s.id} ("${s.name}")`).join(', ') || 'none';
    io.stderr(`cwb: no scenario "${wanted ?? ''}" in ${args.project}; scenarios: ${have}\n`);
    return 3;
  }
  if (args.sizing !== null) scenario.rules = { ...scenario.rules, sizing: args.sizing };
  const t0 = performance.now();
  let plan: Plan;
  try {
    let lastShown = 0;
    plan = planProject(read.project, scenario.id, {
      packer: defaultPacker,
      now: () => performance.now(),
      effort: args.effort ?? scenario.effort ?? DEFAULT_EFFORT,
      onPlan: (first) => io.stderr(`first plan after ${((performance.now() - t0) / 1000).toFixed(1)} s: ${first.hostsUsed} hosts (bound ${first.bounds.total})\n`),
      onProgress: (p) => {
        const t = performance.now() - t0;
        if (t - lastShown < 1000) return;
        lastShown = t;
        io.stderr(`${p.phase} ${(p.fraction * 100).toFixed(0)} %${p.hosts > 0 ? `, ${p.hosts} hosts` : ''}\n`);
      },
    });
  } catch (e) {
    io.stderr(`cwb: planning failed: ${e instanceof Error ? e.message : String(e)}\n`);
    return e instanceof Error && e.name === 'EngineInputError' ? 3 : 1;
  }
  io.stdout(`${planSummary(plan, scenario.name, estate)}\nPlan hash: ${hashOfPlan(plan)}\nTime: ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  io.stdout(`${sizingLines(read.project, scenario.id, plan).join('\n')}\n`);
  if (args.save) {
    const saved = await savePlanInProject(args.project, read, plan, { appVersion: await appVersion(), nowUtc: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') });
    if (!saved.ok) {
      io.stderr(`cwb: cannot save the plan in ${args.project}: ${saved.message}\n`);
      return 1;
    }
    io.stdout(`Plan kept in ${args.project} as the latest plan of ${scenario.name}\n`);
  }
  if (args.out === null) return 0;
  let description: string;
  try {
    const file = planFile(args.out, estate, scenario, plan, args.csvSeparator);
    description = file.description;
    await writeFile(args.out, file.bytes);
  } catch (e) {
    io.stderr(`cwb: cannot write ${args.out}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  io.stdout(`Plan written to ${args.out} (${description})\n`);
  return 0;
}
