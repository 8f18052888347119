/**
 * The placement engine: sizing -> site planning -> WAN links -> host packing per site and compatibility
 * class (first a constructive plan, then improvement within the time budget) -> the Plan. A generator that
 * yields often (progress events, and the first plan as soon as it exists) so a worker can slice it and answer
 * cancel messages in between. Pure: the clock is injected, randomness comes from the scenario's seed.
 * The packer is injected too (core/engine/pack implements it), so hosts and tests choose it.
 */
import type { Project } from '../model/project.ts';
import { relay } from '../util/slices.ts';
import type { PackInput, PackOptions, PackProgress, PackSolution } from './pack/types.ts';
import { assembleIter, classBound } from './assemble.ts';
import { improveClassIter } from './class-improve.ts';
import { packClassIter, packsPoolOnly, type ClassPackOptions, type ClassSolution } from './class-pack.ts';
import { buildContext } from './context.ts';
import { buildPackClassesIter, type PackClass } from './pack-input.ts';
import type { Plan, SearchSettings } from './plan.ts';
import { planSitesIter } from './sites.ts';
import { sizingIter } from './sizing.ts';
import { compareLinksIter } from './topology.ts';

/** Improvement rounds at most, with a time budget (see planIter); each goes on from the best packings. */
export const IMPROVE_ROUNDS = 8;

export type Packer = {
  packIter: (input: PackInput, options: PackOptions) => Generator<PackProgress, PackSolution>;
  lowerBound?: (input: PackInput) => number;
};

export type EnginePhase = 'sizing' | 'sites' | 'links' | 'pack' | 'improve' | 'done';

export type EngineProgress = {
  kind: 'progress';
  phase: EnginePhase;
  /** 0..1 of the whole run. */
  fraction: number;
  /** Best total cost so far (NaN before the first plan). */
  bestCost: number;
  /** Hosts of the best plan so far (0 before the first plan). */
  hosts: number;
};

export type EngineEvent = EngineProgress | { kind: 'plan'; plan: Plan };

export type EngineOptions = {
  packer: Packer;
  /** Monotonic milliseconds. */
  now: () => number;
  /** Total time for the improvement search after the first plan (0 = first plan only). */
  budgetMs: number;
  /**
   * Work units for the improvement search instead of time (> 0): shared by classes in proportion to their
   * items, and the clock never ends the search, so the same seed and iterations give the same plan on any
   * machine. budgetMs is then ignored (a stop request still ends the search).
   */
  iterations?: number;
  /** Checked often; true ends the improvement search early (the best plan so far is returned). */
  shouldStop?: () => boolean;
  /** How often the packer yields (ms). Default 20. */
  yieldEveryMs?: number;
};

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

export function* planIter(project: Project, scenarioId: string, options: EngineOptions): Generator<EngineEvent, Plan> {
  const { now, packer } = options;
  const ctx = buildContext(project.estate, scenarioId);
  let bestCost = Number.NaN;
  let hosts = 0;
  const progress = (phase: EnginePhase, f: number): EngineProgress => ({
    kind: 'progress',
    phase,
    fraction: SPAN[phase][0] + (SPAN[phase][1] - SPAN[phase][0]) * Math.min(1, Math.max(0, f)),
    bestCost,
    hosts,
  });

  yield progress('sizing', 0);
  const sizingGen = sizingIter(ctx.servers, project.series, ctx.rules);
  let step = sizingGen.next();
  while (!step.done) {
    yield progress('sizing', step.value);
    step = sizingGen.next();
  }
  const sizing = step.value;

  const sitesGen = planSitesIter(ctx, sizing);
  let sstep = sitesGen.next();
  while (!sstep.done) {
    yield progress('sites', sstep.value);
    sstep = sitesGen.next();
  }
  const sites = sstep.value;
  yield progress('links', 0);
  const serverById = ctx.serverIndex;
  const links = yield* relay(
    compareLinksIter(
      ctx.topology,
      ctx.estate.flows,
      (ep) => (ep.kind === 'userSite' ? ep.id : (ctx.servers[serverById.get(ep.id) ?? -1]?.dataCentreId ?? null)),
      (ep) => (ep.kind === 'userSite' ? ep.id : (sites.site[serverById.get(ep.id) ?? -1] ?? null)),
    ),
    () => progress('links', 0.5),
  );
  yield progress('links', 1);

  const violations = [...sites.violations];
  const classes: PackClass[] = yield* relay(buildPackClassesIter(ctx, sizing, sites.site, violations), (f) => progress('pack', 0.1 * f));
  const sitePlan = { ...sites, violations };
  const totalItems = classes.reduce((a, c) => a + c.input.itemCount, 0) || 1;
  const yieldEveryMs = options.yieldEveryMs ?? 20;

  // First plan: constructive packing of every class.
  const solutions: ClassSolution[] = [];
  let done = 0;
  for (const c of classes) {
    const gen = packClassIter(packer, c, { seed: `${ctx.scenario.seed}:${c.dataCentreId}:${c.classKey}`, now, budgetMs: 0, yieldEveryMs });
    let p = gen.next();
    while (!p.done) {
      yield progress('pack', 0.1 + (0.9 * (done + p.value.fraction * c.input.itemCount)) / totalItems);
      p = gen.next();
    }
    solutions.push(p.value);
    done += c.input.itemCount;
    yield progress('pack', 0.1 + (0.9 * done) / totalItems);
  }
  const classBounds: number[] = [];
  for (const c of classes) {
    classBounds.push(classBound(c, packer.lowerBound));
    yield progress('pack', 1);
  }
  const iterations = options.iterations !== undefined && options.iterations > 0 ? Math.floor(options.iterations) : 0;
  const searching = options.budgetMs > 0 || iterations > 0;
  const search = (stoppedBy: SearchSettings['stoppedBy']): SearchSettings => ({ budgetMs: options.budgetMs, iterations: iterations > 0 ? iterations : null, stoppedBy });
  const firstPlan = yield* relay(assembleIter(ctx, sizing, sitePlan, classes, solutions, { final: !searching, classBounds, links }), () => progress('pack', 1));
  bestCost = firstPlan.cost.total;
  hosts = firstPlan.hostsUsed;
  const first: Plan = { ...firstPlan, search: search(searching ? 'cancelled' : 'first-plan') };
  if (!searching || options.shouldStop?.()) {
    yield progress('done', 1);
    return first;
  }
  yield { kind: 'plan', plan: { ...first, search: search('first-plan') } };

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
        yieldEveryMs,
        shouldStop: options.shouldStop,
      };
      const gen = round === 0 ? packClassIter(packer, c, classOpts) : improveClassIter(packer, c, solutions[ci], classOpts);
      let p = gen.next();
      while (!p.done) {
        yield progress('improve', iterations > 0 ? (workDone + p.value.fraction * w) / allWeight : (now() - improveStart) / options.budgetMs);
        p = gen.next();
      }
      workDone += w;
      if (p.value.unplaced.length <= solutions[ci].unplaced.length && solutionCost(p.value) < solutionCost(solutions[ci]) - 1e-9) {
        bestCost += p.value.cost - solutions[ci].cost;
        hosts += p.value.binType.length - solutions[ci].binType.length;
        solutions[ci] = p.value;
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
    ? { ...(yield* relay(assembleIter(ctx, sizing, sitePlan, classes, solutions, { final: true, classBounds, links: copyLinks(links) }), () => progress('improve', 1))), search: search(stoppedBy) }
    : { ...first, links: copyLinks(first.links), hosts: first.hosts.map((h) => ({ ...h, load: h.load.slice() })), final: true, search: search(stoppedBy) };
  bestCost = final.cost.total;
  hosts = final.hostsUsed;
  yield progress('done', 1);
  return final;
}


function copyLinks(links: Plan['links']): Plan['links'] {
  return links.map((l) => ({ ...l, before: l.before.slice(), after: l.after.slice() }));
}

/** Run the engine to the end in one go (tests, CLI without progress). */
export function planProject(project: Project, scenarioId: string, options: EngineOptions): Plan {
  const gen = planIter(project, scenarioId, options);
  for (;;) {
    const r = gen.next();
    if (r.done) return r.value;
  }
}
