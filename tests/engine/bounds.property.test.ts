/**
 * The plan's lower bound is a true lower bound: on small random estates (windows, anti-affinity, DR pairs,
 * per-host licences, zones, segregated departments, host-label pins, N+1) it never exceeds the hosts of a
 * plan the engine produces (first-fit and the real packer with a search budget), and each class bound never
 * exceeds the exact optimum of that class, found by brute force over all packings.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildContext } from '../../core/engine/context.ts';
import { buildPackClasses } from '../../core/engine/classes/pack-input.ts';
import { classBound } from '../../core/engine/plan/assemble.ts';
import { sizeServers } from '../../core/engine/sizing/sizing.ts';
import { planSites } from '../../core/engine/sites/sites.ts';
import { defaultPacker } from '../../core/engine/default-packer.ts';
import type { PackClass } from '../../core/engine/classes/pack-input.ts';
import { estate, project, run, series, server } from './fixtures.ts';
import { firstFit } from './first-fit.ts';

const serverSpec = fc.record({
  dc: fc.constantFrom('dc-a', 'dc-b'),
  dept: fc.constantFrom('d1', 'd2'),
  cores: fc.integer({ min: 1, max: 16 }),
  window: fc.constantFrom(null, null, 1, 2),
  anti: fc.constantFrom(null, null, 'g1'),
  licensed: fc.constantFrom(false, false, true),
  load: fc.integer({ min: 5, max: 100 }),
  hostPin: fc.constantFrom(false, false, false, false, false, true),
});
const spec = fc.record({
  servers: fc.array(serverSpec, { minLength: 1, maxLength: 7 }),
  dr: fc.option(fc.tuple(fc.nat(6), fc.nat(6))),
  segregateDepartments: fc.boolean(),
  nPlusOne: fc.boolean(),
  realPacker: fc.boolean(),
});
type Spec = typeof spec extends fc.Arbitrary<infer T> ? T : never;

function build(s: Spec) {
  const n = s.servers.length;
  const dr = s.dr && s.dr[0] % n !== s.dr[1] % n ? [s.dr[0] % n, s.dr[1] % n] : null;
  const w = (h: number | null) => (h === null ? null : { days: [6], startHour: h, durationHours: 2, timeZone: 'UTC' });
  const e = estate({
    servers: s.servers.map((x, i) =>
      server(`s${i}`, {
        dataCentreId: x.dc,
        departmentId: x.dept,
        cores: x.cores,
        maintenanceWindow: w(x.window),
        antiAffinityGroups: x.anti ? [x.anti] : [],
        licensedProductIds: x.licensed ? ['ora'] : [],
        drPartnerId: dr && dr[0] === i ? `s${dr[1]}` : dr && dr[1] === i ? `s${dr[0]}` : null,
      }),
    ),
    products: [{ id: 'ora', name: 'ora' }],
    licenceModels: [{ id: 'l-ora', productId: 'ora', name: 'ora', metric: 'per-host-core' as const, price: 5000, minCoresPerHost: 0 }],
    scenario: {
      licenceModelIds: ['l-ora'],
      rules: { segregateDepartments: s.segregateDepartments, nPlusOne: s.nPlusOne },
      pins: s.servers.flatMap((x, i) => (x.hostPin ? [{ serverId: `s${i}`, dataCentreId: 'dc-a', hostLabel: 'dc-a-pin' }] : [])),
    },
  });
  const ser = series(e, 24, (i, h) => ({ cpu: ((s.servers[i].load * (1 + (h % 5))) % 100) + 1, mem: (s.servers[i].load * 7) % 60 + 5 }));
  return project(e, ser);
}

/** Fewest hosts of any packing of the class that keeps windows apart (pins: their items on the pinned hosts). */
function optimum(c: PackClass): number {
  const { input } = c;
  const C = input.coords;
  const cap = input.binTypes[0].capacity;
  const items = Array.from({ length: input.itemCount }, (_x, i) => i).filter((i) => c.placeable[i] === 1);
  const conflict = new Set<string>();
  const cf = input.conflicts ?? new Int32Array(0);
  for (let k = 0; k < cf.length; k += 2) conflict.add(`${cf[k]},${cf[k + 1]}`).add(`${cf[k + 1]},${cf[k]}`);
  const ok = (block: number[]) => {
    for (let k = 0; k < C; k++) if (block.reduce((a, i) => a + input.sizes[i * C + k], 0) > cap[k] * (1 + 1e-9) + 1e-9) return false;
    for (const i of block) for (const j of block) if (i < j && conflict.has(`${i},${j}`)) return false;
    const pins = new Set(block.map((i) => input.fixed?.get(i)).filter((b) => b !== undefined));
    if (pins.size > 1) return false;
    return pins.size === 1 || new Set(block.map((i) => c.windowOf[i]).filter((x) => x >= 0)).size <= 1;
  };
  let best = Infinity;
  const blocks: number[][] = [];
  const go = (k: number) => {
    if (blocks.length >= best) return;
    if (k === items.length) {
      best = blocks.length;
      return;
    }
    for (const bl of blocks) {
      bl.push(items[k]);
      if (ok(bl)) go(k + 1);
      bl.pop();
    }
    blocks.push([items[k]]);
    if (ok([items[k]])) go(k + 1);
    blocks.pop();
  };
  go(0);
  return items.length === 0 ? 0 : best;
}

describe('lower bound (property)', () => {
  it('never exceeds the hosts of a plan, nor the exact optimum of any class', () => {
    let fakeClock = 0;
    fc.assert(
      fc.property(spec, (s) => {
        const p = build(s);
        const plan = s.realPacker ? run(p, 's1', defaultPacker, 50) : run(p, 's1', firstFit);
        expect(plan.bounds.total).toBeLessThanOrEqual(plan.hostsUsed);
        expect(plan.bounds.hardRules ?? 0).toBeLessThanOrEqual(plan.bounds.total);
        expect(plan.bounds.total).toBeLessThanOrEqual(plan.bounds.ownPools ?? 0);
        expect(plan.bounds.ownPools ?? Infinity).toBeLessThanOrEqual(plan.hostsUsed);
        for (const site of plan.sites) expect(site.bound).toBeLessThanOrEqual(site.hosts);
        for (const l of plan.cost.licences) if (l.boundUnits !== undefined) expect(l.boundUnits).toBeLessThanOrEqual(l.units);
        expect(plan.bounds.cost).toBeDefined();
        expect(plan.bounds.cost ?? Infinity).toBeLessThanOrEqual(plan.cost.total * (1 + 1e-12));
        // Class bounds against brute force.
        const ctx = buildContext(p.estate, 's1');
        const sizing = sizeServers(ctx.servers, p.series, ctx.rules);
        const sites = planSites(ctx, sizing);
        const classes = buildPackClasses(ctx, sizing, sites.site, []);
        for (const c of classes) expect(classBound(c)).toBeLessThanOrEqual(optimum(c));
        fakeClock++;
      }),
      { numRuns: 120, seed: 99 },
    );
    expect(fakeClock).toBe(120);
  });
});
