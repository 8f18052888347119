/**
 * The placement engine: sizing -> site planning -> WAN links -> host packing per site and compatibility
 * class (first a constructive plan, then improvement within the budget) -> the Plan. A plain function that
 * reports progress and the first plan through callbacks; a worker posts them as they come, and a cancel
 * terminates the worker. Pure: the clock is injected, randomness comes from the scenario's seed.
 * The packer is injected too (core/engine/pack implements it), so hosts and tests choose it.
 */
import type { Project } from '../model/project.ts';
import type { PackSolution } from './pack/types.ts';
import { assemble, classBound } from './plan/assemble.ts';
import { improveClass } from './classes/class-improve.ts';
import { packClass, packsPoolOnly, type ClassPackOptions, type ClassSolution } from './classes/class-pack.ts';
import { buildContext } from './context.ts';
import { buildPackClasses, type PackClass } from './classes/pack-input.ts';
import type { Plan, SearchSettings } from './plan.ts';
import { planSites } from './sites/sites.ts';
import { sizeServers } from './sizing/sizing.ts';
import { compareLinks } from './sites/topology.ts';
import { effortUnits } from '../model/effort.ts';
import type { EngineOptions, EnginePhase } from './types.ts';

/** Work units of one search round (see planProject): the efforts' levels are whole rounds. */
export const ROUND_UNITS = 50_000;

const SPAN: Record<EnginePhase, [number, number]> = {
  sizing: [0, 0.1],
  sites: [0.1, 0.25],
  links: [0.25, 0.3],
  pack: [0.3, 0.5],
  improve: [0.5, 0.99],
  done: [1, 1],
};

function solutionCost(sol: PackSolution): number {
  return sol.cost;
}

export function planProject(project: Project, scenarioId: string, options: EngineOptions): Plan {
  const { now, packer } = options;
  const ctx = buildContext(project.estate, scenarioId);
  let bestCost = Number.NaN;
  let hosts = 0;
  const report = options.onProgress;
  const progress = (phase: EnginePhase, f: number): void =>
    report?.({
      phase,
      fraction: SPAN[phase][0] + (SPAN[phase][1] - SPAN[phase][0]) * Math.min(1, Math.max(0, f)),
      bestCost,
      hosts,
    });

  progress('sizing', 0);
  const sizing = sizeServers(ctx.servers, project.series, ctx.rules, (f) => progress('sizing', f));
  const sites = planSites(ctx, sizing, (f) => progress('sites', f));
  progress('links', 0);
  const serverById = ctx.serverIndex;
  const links = compareLinks(
    ctx.topology,
    ctx.estate.flows,
    (ep) => (ep.kind === 'userSite' ? ep.id : (ctx.servers[serverById.get(ep.id) ?? -1]?.dataCentreId ?? null)),
    (ep) => (ep.kind === 'userSite' ? ep.id : (sites.site[serverById.get(ep.id) ?? -1] ?? null)),
    (f) => progress('links', f),
  );
  progress('links', 1);

  const violations = [...sites.violations];
  const classes: PackClass[] = buildPackClasses(ctx, sizing, sites.site, violations, (f) => progress('pack', 0.1 * f));
  const sitePlan = { ...sites, violations };
  const totalItems = classes.reduce((a, c) => a + c.input.itemCount, 0) || 1;
  const progressEveryMs = options.progressEveryMs ?? 20;

  // First plan: constructive packing of every class.
  const solutions: ClassSolution[] = [];
  let done = 0;
  for (const c of classes) {
    const sol = packClass(packer, c, {
      seed: `${ctx.scenario.seed}:${c.dataCentreId}:${c.classKey}`,
      now,
      budgetMs: 0,
      progressEveryMs,
      onProgress: (p) => progress('pack', 0.1 + (0.9 * (done + p.fraction * c.input.itemCount)) / totalItems),
    });
    solutions.push(sol);
    done += c.input.itemCount;
    progress('pack', 0.1 + (0.9 * done) / totalItems);
  }
  const classBounds: number[] = [];
  for (const c of classes) {
    classBounds.push(classBound(c, packer.lowerBound));
    progress('pack', 1);
  }
  const units = effortUnits(options.effort);
  const searching = units > 0;
  const level = typeof options.effort === 'number' ? 'custom' : options.effort;
  const search = (stoppedBy: SearchSettings['stoppedBy'], foundAt: number): SearchSettings => ({
    effort: level,
    iterations: searching && Number.isFinite(units) ? units : null,
    foundAt,
    budgetMs: 0,
    stoppedBy,
  });
  const firstPlan = assemble(ctx, sizing, sitePlan, classes, solutions, { final: !searching, classBounds, links }, () => progress('pack', 1));
  bestCost = firstPlan.cost.total;
  hosts = firstPlan.hostsUsed;
  const first: Plan = { ...firstPlan, search: search('first-plan', 0) };
  if (!searching) {
    progress('done', 1);
    return first;
  }
  options.onPlan?.(first);

  // Improvement in rounds of ROUND_UNITS work units, in a fixed order, so the search's path never depends on
  // the effort asked for: an effort of N units is the first N units of any larger one. Within a round the units
  // are shared by weight: the class's gap to its bound (hosts; a class packed in pools only, to its pools'
  // bound) x sqrt(items), half a host for a class at its bound with licences to save; classes at their bound
  // without licences are skipped. Round 0 packs each class again with the search (stage by stage, other
  // constructive rules: at 50k servers this gains more than improving the first plan's packing); later rounds
  // improve the best packing where it stands (class-improve.ts) while a class still gains.
  const hostsOf = (ci: number) => new Set(solutions[ci].binOf).size - (solutions[ci].binOf.includes(-1) ? 1 : 0);
  const weightOf = (ci: number): number => {
    const c = classes[ci];
    if (c.input.itemCount <= 1) return 0;
    // A class packed in pools only is held to its pools' bound; the others may still switch structure.
    const pooledOnly = solutions[ci].binPool !== undefined && packsPoolOnly(c.input);
    const gap = hostsOf(ci) - (pooledOnly ? classBound(c, undefined, solutions[ci]) : classBounds[ci]);
    const hasLicences = (c.input.productCost?.[0] ?? []).some((x) => x > 0);
    return (gap > 0 ? gap : hasLicences ? 0.5 : 0) * Math.sqrt(c.input.itemCount);
  };
  let todo = classes.map((_c, ci) => ci).filter((ci) => weightOf(ci) > 0);
  const stalls = new Int32Array(classes.length);
  let improved = false;
  let spent = 0;
  let foundAt = 0;
  const roundUnits = options.roundUnits ?? ROUND_UNITS;
  const budgetFraction = (done: number) => (Number.isFinite(units) ? done / units : 1 - 1 / (1 + done / roundUnits));
  for (let round = 0; todo.length > 0 && spent < units; round++) {
    const weights = new Map(todo.map((ci) => [ci, weightOf(ci)]));
    todo.sort((a, b) => (weights.get(b) ?? 0) - (weights.get(a) ?? 0) || a - b);
    const roundWeight = Math.max(1e-9, todo.reduce((a, ci) => a + (weights.get(ci) ?? 0), 0));
    const roundStart = foundAt;
    for (const ci of todo) {
      if (spent >= units) break;
      const c = classes[ci];
      const share = Math.max(1, Math.round((roundUnits * (weights.get(ci) ?? 0)) / roundWeight));
      // The last class of an effort gets what is left of it (a cut, not a different path before it).
      const given = Math.min(share, units - spent);
      const before = spent;
      const classOpts: ClassPackOptions = {
        seed: `${ctx.scenario.seed}:${c.dataCentreId}:${c.classKey}:improve${round > 0 ? `:${round}` : ''}`,
        now,
        budgetMs: 0,
        iterations: given,
        progressEveryMs,
        onProgress: (p) => progress('improve', budgetFraction(before + p.fraction * given)),
      };
      const sol = round === 0 ? packClass(packer, c, classOpts) : improveClass(packer, c, solutions[ci], classOpts);
      spent += given;
      if (sol.unplaced.length <= solutions[ci].unplaced.length && solutionCost(sol) < solutionCost(solutions[ci]) - 1e-9) {
        bestCost += sol.cost - solutions[ci].cost;
        hosts += sol.binType.length - solutions[ci].binType.length;
        solutions[ci] = sol;
        improved = true;
        foundAt = spent;
        stalls[ci] = 0;
      } else stalls[ci]++;
    }
    // Next round: classes still above their bound (or with licences) that gained in one of their last two.
    todo = todo.filter((ci) => stalls[ci] < 2 && weightOf(ci) > 0);
    if (options.onBest && foundAt > roundStart && todo.length > 0 && spent < units) {
      options.onBest({ ...assemble(ctx, sizing, sitePlan, classes, solutions, { final: false, classBounds, links: copyLinks(links) }), search: search('first-plan', foundAt) });
    }
  }
  const stoppedBy: SearchSettings['stoppedBy'] = spent >= units ? 'iterations' : 'done';
  const final: Plan = improved
    ? { ...assemble(ctx, sizing, sitePlan, classes, solutions, { final: true, classBounds, links: copyLinks(links) }, () => progress('improve', 1)), search: search(stoppedBy, foundAt) }
    : { ...first, links: copyLinks(first.links), hosts: first.hosts.map((h) => ({ ...h, load: h.load.slice() })), final: true, search: search(stoppedBy, 0) };
  bestCost = final.cost.total;
  hosts = final.hostsUsed;
  progress('done', 1);
  return final;
}

function copyLinks(links: Plan['links']): Plan['links'] {
  return links.map((l) => ({ ...l, before: l.before.slice(), after: l.after.slice() }));
}
