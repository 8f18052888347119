/**
 * The placement engine: sizing -> site planning -> WAN links -> host packing per site and compatibility
 * class (first a constructive plan, then improvement within the budget) -> the Plan. A plain function that
 * reports progress and the first plan through callbacks; a worker posts them as they come, and a cancel
 * terminates the worker. Pure: the clock is injected, randomness comes from the scenario's seed.
 * The packer is injected too (core/engine/pack implements it), so hosts and tests choose it.
 */
import type { Project } from '../model/project.ts';
import type { PackSolution } from './pack/types.ts';
import { assemble, classBound } from './assemble.ts';
import { improveClass } from './class-improve.ts';
import { packClass, packsPoolOnly, type ClassPackOptions, type ClassSolution } from './class-pack.ts';
import { buildContext } from './context.ts';
import { buildPackClasses, type PackClass } from './pack-input.ts';
import type { Plan, SearchSettings } from './plan.ts';
import { planSites } from './sites.ts';
import { sizeServers } from './sizing.ts';
import { compareLinks } from './topology.ts';
import type { EngineOptions, EnginePhase } from './types.ts';

export type { EngineOptions, EnginePhase, EngineProgress, Packer } from './types.ts';

/** Improvement rounds at most, with a time budget (see planProject); each goes on from the best packings. */
export const IMPROVE_ROUNDS = 8;

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
  const iterations = options.iterations !== undefined && options.iterations > 0 ? Math.floor(options.iterations) : 0;
  const searching = options.budgetMs > 0 || iterations > 0;
  const search = (stoppedBy: SearchSettings['stoppedBy']): SearchSettings => ({ budgetMs: options.budgetMs, iterations: iterations > 0 ? iterations : null, stoppedBy });
  const firstPlan = assemble(ctx, sizing, sitePlan, classes, solutions, { final: !searching, classBounds, links }, () => progress('pack', 1));
  bestCost = firstPlan.cost.total;
  hosts = firstPlan.hostsUsed;
  const first: Plan = { ...firstPlan, search: search(searching ? 'cancelled' : 'first-plan') };
  if (!searching || options.shouldStop?.()) {
    progress('done', 1);
    return first;
  }
  options.onPlan?.({ ...first, search: search('first-plan') });

  // Improvement, the budget shared by weight: the class's gap to its bound (hosts; a class packed in pools
  // only, to its pools' bound) x sqrt(items), half a host for a class at its bound with licences to save;
  // classes at their bound without licences are skipped. The first round packs each class again with the
  // search (stage by stage, other constructive rules: at 50k servers this gains more than improving the
  // first plan's packing); time left over goes to further rounds that improve the best packing where it
  // stands (class-improve.ts) while a class still gains.
  const improveStart = now();
  const deadline = iterations > 0 ? Number.POSITIVE_INFINITY : improveStart + options.budgetMs;
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
  const allWeight = Math.max(1e-9, todo.reduce((a, ci) => a + weightOf(ci), 0));
  const stalls = new Int32Array(classes.length);
  let improved = false;
  let stoppedBy: SearchSettings['stoppedBy'] = iterations > 0 ? 'iterations' : 'budget';
  let workDone = 0;
  const rounds = iterations > 0 ? 1 : IMPROVE_ROUNDS;
  for (let round = 0; round < rounds && todo.length > 0; round++) {
    if (round > 0 && deadline - now() < options.budgetMs * 0.02) break;
    const weights = new Map(todo.map((ci) => [ci, weightOf(ci)]));
    todo.sort((a, b) => (weights.get(b) ?? 0) - (weights.get(a) ?? 0) || a - b);
    let todoWeight = todo.reduce((a, ci) => a + (weights.get(ci) ?? 0), 0);
    for (const ci of todo) {
      const c = classes[ci];
      const w = weights.get(ci) ?? 0;
      const left = deadline - now();
      if (options.shouldStop?.()) {
        stoppedBy = 'cancelled';
        break;
      }
      if (left <= 0) break;
      const share = iterations > 0 ? 0 : (left * w) / Math.max(1e-9, todoWeight);
      const units = iterations > 0 ? Math.max(1, Math.round((iterations * w) / allWeight)) : 0;
      todoWeight -= w;
      const classOpts: ClassPackOptions = {
        seed: `${ctx.scenario.seed}:${c.dataCentreId}:${c.classKey}:improve${round > 0 ? `:${round}` : ''}`,
        now,
        budgetMs: share,
        ...(units > 0 ? { iterations: units } : {}),
        progressEveryMs,
        ...(options.shouldStop ? { shouldStop: options.shouldStop } : {}),
        onProgress: (p) => progress('improve', iterations > 0 ? (workDone + p.fraction * w) / allWeight : (now() - improveStart) / options.budgetMs),
      };
      const sol = round === 0 ? packClass(packer, c, classOpts) : improveClass(packer, c, solutions[ci], classOpts);
      workDone += w;
      if (sol.unplaced.length <= solutions[ci].unplaced.length && solutionCost(sol) < solutionCost(solutions[ci]) - 1e-9) {
        bestCost += sol.cost - solutions[ci].cost;
        hosts += sol.binType.length - solutions[ci].binType.length;
        solutions[ci] = sol;
        improved = true;
        stalls[ci] = 0;
      } else stalls[ci]++;
    }
    if (stoppedBy === 'cancelled') break;
    // Next round: classes still above their bound (or with licences) that gained in one of their last two.
    todo = todo.filter((ci) => stalls[ci] < 2 && weightOf(ci) > 0);
  }
  if (options.shouldStop?.()) stoppedBy = 'cancelled';
  else if (iterations === 0 && now() < deadline) stoppedBy = 'done';
  const final: Plan = improved
    ? { ...assemble(ctx, sizing, sitePlan, classes, solutions, { final: true, classBounds, links: copyLinks(links) }, () => progress('improve', 1)), search: search(stoppedBy) }
    : { ...first, links: copyLinks(first.links), hosts: first.hosts.map((h) => ({ ...h, load: h.load.slice() })), final: true, search: search(stoppedBy) };
  bestCost = final.cost.total;
  hosts = final.hostsUsed;
  progress('done', 1);
  return final;
}


function copyLinks(links: Plan['links']): Plan['links'] {
  return links.map((l) => ({ ...l, before: l.before.slice(), after: l.after.slice() }));
}
