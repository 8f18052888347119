// `npm run bench -- vectorpack [--assign-dir DIR] [--set Panigrahy|New] [--limit N] [--budget-ms M] [--class NAME] [--every K] [--wall]`
// --assign-dir writes DIR/<instance>.assign (DIR/<set>/<instance>.assign when both sets run: their
// instance names coincide): one 0-based bin index per item, in file order, q lines for quantity q.
// Packs every instance of the vector bin packing benchmarks (Mommessin, Erlebach & Shakhlevich, 2025) read
// straight from ../shared/data/vectorpack/*_instances.tar.gz, checks each packing, and prints bins / OPT
// (instances with known OPT), bins / LB, per-class figures and the time per instance.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { binLowerBound } from '../core/engine/pack/bounds.ts';
import { checkSolution } from '../core/engine/pack/check.ts';
import { pack } from '../core/engine/pack/pack.ts';
import { createRng } from '../core/util/random.ts';
import { parseVbp, readOptTable, readTarGz, vbpToInput, verifyAssignment } from './lib/pack-vbp.ts';
import { argValue, cpuClock, quantile, sharedDataDir } from './lib/pack-args.ts';

type Row = { name: string; cls: string; bins: number; lb: number; myLb: number; opt: number; best: number; ms: number; wallMs: number };

function summarise(set: string, rows: Row[]): void {
  const known = rows.filter((r) => r.opt > 0);
  const sum = (rs: Row[], f: (r: Row) => number) => rs.reduce((s, r) => s + f(r), 0);
  const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(4) : 'n/a');
  const times = rows.map((r) => r.ms).sort((a, b) => a - b);
  console.log(`\n${set}: ${rows.length} instances, ${known.length} with known OPT`);
  console.log(`  bins/OPT ${ratio(sum(known, (r) => r.bins), sum(known, (r) => r.opt))}` +
    `  (best of 302 heuristics on the same instances: ${ratio(sum(known, (r) => r.best), sum(known, (r) => r.opt))})`);
  console.log(`  bins/LB  ${ratio(sum(rows, (r) => r.bins), sum(rows, (r) => r.lb))} (all instances, published LB)` +
    `; own LB below published on ${rows.filter((r) => r.myLb < r.lb).length}, above on ${rows.filter((r) => r.myLb > r.lb).length}`);
  console.log(`  at OPT ${known.filter((r) => r.bins === r.opt).length}/${known.length}; at LB ${rows.filter((r) => r.bins <= Math.max(r.lb, r.myLb)).length}/${rows.length}`);
  const walls = rows.map((r) => r.wallMs).sort((a, b) => a - b);
  console.log(`  CPU time per instance: median ${quantile(times, 0.5).toFixed(1)} ms, p90 ${quantile(times, 0.9).toFixed(1)} ms, max ${times[times.length - 1].toFixed(1)} ms, total ${(sum(rows, (r) => r.ms) / 1000).toFixed(1)} s`);
  console.log(`  wall time per instance: median ${quantile(walls, 0.5).toFixed(1)} ms, p90 ${quantile(walls, 0.9).toFixed(1)} ms (shared machine)`);
  const classes = [...new Set(rows.map((r) => r.cls))].sort((a, b) => Number(a.slice(5)) - Number(b.slice(5)));
  console.log('  class    n  known  bins/OPT  best302/OPT  bins/LB  median CPU ms');
  for (const cls of classes) {
    const rs = rows.filter((r) => r.cls === cls);
    const k = rs.filter((r) => r.opt > 0);
    const t = rs.map((r) => r.ms).sort((a, b) => a - b);
    console.log(`  ${cls.padEnd(7)} ${String(rs.length).padStart(3)} ${String(k.length).padStart(5)}  ${ratio(sum(k, (r) => r.bins), sum(k, (r) => r.opt)).padStart(8)}  ${ratio(sum(k, (r) => r.best), sum(k, (r) => r.opt)).padStart(11)}  ${ratio(sum(rs, (r) => r.bins), sum(rs, (r) => r.lb)).padStart(7)}  ${quantile(t, 0.5).toFixed(1).padStart(9)}`);
  }
}

export async function run(args: string[]): Promise<void> {
  const dir = path.join(sharedDataDir(), 'vectorpack');
  if (!existsSync(dir)) {
    console.log(`vectorpack: skipped, benchmark data not found at ${dir}`);
    return;
  }
  const assignDir = argValue(args, '--assign-dir');
  const onlySet = argValue(args, '--set');
  const onlyClass = argValue(args, '--class');
  const limit = Number(argValue(args, '--limit') ?? Infinity);
  const every = Number(argValue(args, '--every') ?? 1);
  const budgetMs = Number(argValue(args, '--budget-ms') ?? 100);
  // The machine is shared: by default the budget runs on this process's CPU time (wall time with --wall).
  const wall = args.includes('--wall');
  const clock = wall ? () => performance.now() : cpuClock;
  console.log(`budget ${budgetMs} ms of ${wall ? 'wall' : 'CPU'} time per instance after the first solution (stops earlier at the lower bound)`);
  let infeasible = 0;
  for (const set of ['Panigrahy', 'New']) {
    if (onlySet && onlySet !== set) continue;
    const table = readOptTable(path.join(dir, `${set}_base_OPT.csv`));
    const best302 = readSummaryBest(path.join(dir, `${set}_summary_known.csv`));
    const entries = readTarGz(path.join(dir, `${set}_instances.tar.gz`)).filter((e) => e.name.endsWith('.vbp'));
    entries.sort((a, b) => a.name.localeCompare(b.name));
    // Both sets use the same instance names: with --set the files go to DIR itself, else to DIR/<set>.
    const setAssignDir = assignDir && (onlySet ? assignDir : path.join(assignDir, set));
    if (setAssignDir) mkdirSync(setAssignDir, { recursive: true });
    const rows: Row[] = [];
    for (const [k, entry] of entries.entries()) {
      if (k % every !== 0) continue;
      const name = path.basename(entry.name, '.vbp');
      const cls = name.split('_')[0];
      if (onlyClass && cls !== onlyClass) continue;
      if (rows.length >= limit) break;
      const inst = parseVbp(name, entry.data.toString('utf8'));
      const input = vbpToInput(inst);
      const w0 = performance.now();
      const c0 = cpuClock();
      const sol = pack(input, { rng: createRng(name), now: clock, budgetMs });
      const ms = cpuClock() - c0;
      const wallMs = performance.now() - w0;
      const problems = [...checkSolution(input, sol), ...verifyAssignment(inst, sol.binOf)];
      if (problems.length > 0 || sol.unplaced.length > 0) {
        infeasible++;
        console.log(`  ${name}: INVALID ${problems.slice(0, 3).join('; ')} unplaced ${sol.unplaced.length}`);
      }
      const ref = table.get(name) ?? { lb: 0, opt: -1 };
      rows.push({ name, cls, bins: sol.binType.length, lb: ref.lb, myLb: binLowerBound(input), opt: ref.opt, best: best302.get(name) ?? 0, ms, wallMs });
      if (setAssignDir) writeFileSync(path.join(setAssignDir, `${name}.assign`), `${Array.from(sol.binOf).join('\n')}\n`);
    }
    if (rows.length > 0) summarise(set, rows);
  }
  console.log(`\ninvalid packings: ${infeasible}`);
}

/** best_overall per instance from `*_summary_known.csv` (column 4). */
function readSummaryBest(file: string): Map<string, number> {
  const map = new Map<string, number>();
  if (!existsSync(file)) return map;
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/).slice(1)) {
    const cols = line.split('\t');
    if (cols.length > 3) map.set(cols[0].trim(), Number(cols[3]));
  }
  return map;
}
