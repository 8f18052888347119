// `npm run bench -- estate [--servers 2000,50000] [--effort quick,standard,thorough] [--weeks 1] [--licences off] [--cancel on]`
// Generated estates (core/sample/generate.ts, scenario "Keep 3": DR pairs, zones with residency and dedicated
// hosts, departments that refuse sharing, maintenance windows, affinity and anti-affinity groups, latency
// budgets, per-core licences, N+1) x 168 h, through the whole engine with the real packer, once per effort level.
// Each (size, effort) runs in its own child process so peak memory (resourceUsage().maxRSS) is per run.
// Prints per effort: generation time, time to first plan, time to final plan (wall and CPU), peak RSS, hosts vs
// bound, the work units at which the final plan was found, the three longest gaps between two progress reports
// (what a worker's progress messages can show) with the phase and progress at both ends, unplaced and
// violations, and the cost (hosts plus licences) against its lower bound. With `--cancel on` (the default) it
// also runs the largest size in a worker_threads engine and prints how long a cancel takes to stop it
// (terminate() until the worker has exited) at three points of the run.
// `--licences off` plans the same estate with no licence model in force (every hard rule still on): the
// objective is then hosts alone, which shows how close the packing gets to the host bound; with licences the
// cheapest plan spends hosts to save licences, so the cost gap is the figure that measures it, and hosts are
// also shown against the bound for the plan's own licence pools (how well the packing fills that structure).
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { generateProject, MAIN_SCENARIO_ID } from '../core/sample/generate.ts';
import { planProject } from '../core/engine/engine.ts';
import { defaultPacker } from '../core/engine/default-packer.ts';
import type { Plan } from '../core/engine/plan.ts';
import { EFFORT_LEVELS, effortText, parseEffort, type Effort } from '../core/model/effort.ts';
import { createNodeEngine } from '../electron/engine/engine-host.ts';

/** A time between two progress reports of the engine: the longest gap a worker's progress messages can show. */
type Slice = { ms: number; phase: string };

/** How many of the longest slices are reported. */
const TOP_SLICES = 3;

/** Keeps the `TOP_SLICES` longest slices, longest first. */
function noteSlice(top: Slice[], ms: number, phase: () => string): void {
  if (top.length >= TOP_SLICES && ms <= top[top.length - 1].ms) return;
  top.push({ ms, phase: phase() });
  top.sort((a, b) => b.ms - a.ms);
  if (top.length > TOP_SLICES) top.pop();
}

type Figures = {
  servers: number;
  effort: string;
  foundAt: number;
  generateS: number;
  firstPlanS: number;
  finalS: number;
  /** CPU seconds of this process (user + system): the figure that does not depend on a shared machine's load. */
  firstPlanCpuS: number;
  finalCpuS: number;
  peakRssMB: number;
  hostsFirst: number;
  hosts: number;
  bound: number;
  /** The bound without the licence-pool structure (what any plan obeying the rules needs). */
  hardBound: number;
  ownPoolsBound: number;
  ratio: number;
  cost: number;
  costBound: number;
  stoppedBy: string;
  /** The longest times between two progress reports, longest first, with the phases around them. */
  slices: Slice[];
  unplaced: number;
  violations: number;
  overloadedLinks: number;
};

function arg(args: readonly string[], name: string, fallback: string): string {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
}

function measure(servers: number, effort: Effort, weeks: number, licences: boolean): Figures {
  let t = performance.now();
  const project = generateProject({ servers, weeks, seed: `bench-${servers}` });
  if (!licences) for (const sc of project.estate.scenarios) sc.licenceModelIds = [];
  const generateS = (performance.now() - t) / 1000;
  t = performance.now();
  const c0 = process.cpuUsage();
  const cpuS = () => {
    const c = process.cpuUsage(c0);
    return (c.user + c.system) / 1e6;
  };
  let firstPlanCpuS = Number.NaN;
  let firstPlanS = Number.NaN;
  let hostsFirst = 0;
  const slices: Slice[] = [];
  let last = performance.now();
  // Where the engine was: its phase and progress (percent of the whole run) at the last progress report.
  let where = 'start';
  const note = (at: string) => {
    const now = performance.now();
    noteSlice(slices, now - last, () => `${where} -> ${at}`);
    last = now;
    where = at;
  };
  const plan: Plan = planProject(project, MAIN_SCENARIO_ID, {
    packer: defaultPacker,
    now: () => performance.now(),
    effort,
    onProgress: (p) => note(`${p.phase} ${(p.fraction * 100).toFixed(1)}%`),
    onPlan: (first) => {
      note('first plan');
      firstPlanS = (performance.now() - t) / 1000;
      firstPlanCpuS = cpuS();
      hostsFirst = first.hostsUsed;
    },
  });
  note('done');
  const finalS = (performance.now() - t) / 1000;
  const finalCpuS = cpuS();
  if (Number.isNaN(firstPlanS)) {
    firstPlanS = finalS;
    firstPlanCpuS = finalCpuS;
    hostsFirst = plan.hostsUsed;
  }
  return {
    servers,
    effort: effortText(effort),
    foundAt: plan.search?.foundAt ?? 0,
    generateS,
    firstPlanS,
    finalS,
    firstPlanCpuS,
    finalCpuS,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    hostsFirst,
    hosts: plan.hostsUsed,
    bound: plan.bounds.total,
    hardBound: plan.bounds.hardRules ?? plan.bounds.total,
    ownPoolsBound: plan.bounds.ownPools ?? plan.bounds.total,
    stoppedBy: plan.search?.stoppedBy ?? '',
    ratio: plan.hostsUsed / Math.max(1, plan.bounds.total),
    cost: plan.cost.total,
    costBound: plan.bounds.cost ?? Number.NaN,
    slices,
    unplaced: plan.unplaced.length,
    violations: plan.violations.length,
    overloadedLinks: plan.links.filter((l) => l.overloadAfter !== null).length,
  };
}

/** Cancel latency at `servers`: a worker_threads engine is cancelled at three points of a run (validation or
 * sizing, packing, search); the time from cancel() until the worker has exited. */
async function cancelLatency(servers: number, weeks: number): Promise<string> {
  const project = generateProject({ servers, weeks, seed: `bench-${servers}` });
  const engine = await createNodeEngine();
  const out: string[] = [];
  for (const phase of ['sizing', 'pack', 'improve'] as const) {
    let stopped: Promise<void> = Promise.resolve();
    let t0 = 0;
    let seen = false;
    const run = engine.run(project, {
      scenarioId: MAIN_SCENARIO_ID,
      effort: 'thorough',
      transfer: false,
      onProgress: (p) => {
        if (seen || p.phase !== phase) return;
        seen = true;
        t0 = performance.now();
        stopped = run.cancel();
      },
    });
    await run.result.catch(() => undefined);
    // cancel() resolves when terminate() has stopped the thread.
    await stopped;
    out.push(`${phase} ${(performance.now() - t0).toFixed(0)} ms`);
  }
  engine.terminate();
  return out.join(', ');
}

export async function run(args: string[]): Promise<void> {
  const sizes = arg(args, '--servers', '2000,50000').split(',').map(Number);
  const efforts = arg(args, '--effort', EFFORT_LEVELS.join(',')).split(',').map((e) => {
    const v = parseEffort(e);
    if (v === null) throw new Error(`--effort: "${e}" is not a level or a number of work units`);
    return v;
  });
  const weeks = Number(arg(args, '--weeks', '1'));
  const licences = arg(args, '--licences', 'on') !== 'off';
  const cancel = arg(args, '--cancel', 'on') !== 'off';
  const self = fileURLToPath(import.meta.url);
  console.log(`estate bench: ${sizes.join(', ')} servers x ${weeks * 168} h, scenario ${MAIN_SCENARIO_ID}, efforts ${efforts.map(effortText).join(', ')}, licences ${licences ? 'on' : 'off'}`);
  console.log('targets: 2k first plan <= 1 s, standard <= 10 s; 50k first plan <= 10 s, standard <= 60 s, <= 2 GB; progress gaps and cancel <= 250 ms');
  console.log("(wall time depends on the machine's load; CPU time is this process alone; plans depend only on the effort)");
  for (const n of sizes) {
    for (const effort of efforts) {
      const out = execFileSync(process.execPath, ['--import', 'tsx', '--max-old-space-size=4096', self, '--child', String(n), String(effort), String(weeks), licences ? 'on' : 'off'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
        maxBuffer: 1 << 24,
      });
      const f = JSON.parse(out.trim().split('\n').pop() ?? '{}') as Figures;
      console.log(
        `${String(f.servers).padStart(7)} servers, ${f.effort}: generate ${f.generateS.toFixed(1)} s | first plan ${f.firstPlanS.toFixed(1)} s wall / ${f.firstPlanCpuS.toFixed(1)} s CPU (${f.hostsFirst} hosts) | final ${f.finalS.toFixed(1)} s wall / ${f.finalCpuS.toFixed(1)} s CPU, found at ${f.foundAt} units | peak RSS ${f.peakRssMB.toFixed(0)} MB | hosts ${f.hosts} vs bound ${f.bound} = ${f.ratio.toFixed(3)} (bound without pools ${f.hardBound}; bound for this plan's licence pools ${f.ownPoolsBound} = ${(f.hosts / Math.max(1, f.ownPoolsBound)).toFixed(3)}; search stopped by ${f.stoppedBy}) | cost ${(f.cost / 1e6).toFixed(1)} M vs bound ${(f.costBound / 1e6).toFixed(1)} M = ${(f.cost / f.costBound).toFixed(4)} | longest progress gaps ${f.slices.map((x) => `${x.ms.toFixed(0)} ms (${x.phase})`).join(', ')} | unplaced ${f.unplaced} | violations ${f.violations} | overloaded links ${f.overloadedLinks}`,
      );
    }
  }
  if (cancel) {
    const n = Math.max(...sizes);
    console.log(`${String(n).padStart(7)} servers: cancel latency (worker_threads, cancel until exit): ${await cancelLatency(n, weeks)}`);
  }
}

if (process.argv[2] === '--child') {
  const [n, , weeks] = process.argv.slice(3, 6).map(Number);
  const effort = parseEffort(process.argv[4]) ?? 'standard';
  console.log(JSON.stringify(measure(n, effort, weeks, process.argv[6] !== 'off')));
}
