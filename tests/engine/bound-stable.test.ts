/**
 * The bound a plan reports is a lower bound for every plan of the run: the first (constructive) plan and the
 * final one report the same bound, and neither uses fewer hosts than it. (A class that may be packed either
 * in licence pools or mixed is bounded without pools; only classes always packed in pools use the pool bound.)
 */
import { describe, expect, it } from 'vitest';
import { planProject } from '../../core/engine/engine.ts';
import { defaultPacker } from '../../core/engine/default-packer.ts';
import { generateProject, MAIN_SCENARIO_ID } from '../../core/sample/generate.ts';

const clock = () => {
  let t = 0;
  return () => (t += 1);
};
const hostsOf = (p: ReturnType<typeof planProject>) => p.hosts.length;

describe('reported bound', () => {
  it("a class the run keeps in licence pools raises the plan's own pool bound above the run-wide one (seed a)", () => {
    const project = generateProject({ servers: 400, seed: 'bound-a' });
    const final = planProject(project, MAIN_SCENARIO_ID, { packer: defaultPacker, now: clock(), effort: 20000 });
    expect(final.bounds.ownPools ?? 0).toBeGreaterThan(final.bounds.total);
    expect(final.bounds.ownPools ?? Infinity).toBeLessThanOrEqual(hostsOf(final));
  });

  it.each(['a', 'b', 'c'])('is the same for the first and the final plan of a run, and below both (seed %s)', (seed) => {
    const project = generateProject({ servers: 400, seed: `bound-${seed}` });
    const first = planProject(project, MAIN_SCENARIO_ID, { packer: defaultPacker, now: clock(), effort: 0 });
    const final = planProject(project, MAIN_SCENARIO_ID, { packer: defaultPacker, now: clock(), effort: 20000 });
    expect(final.bounds.total).toBe(first.bounds.total);
    expect(first.bounds.total).toBeLessThanOrEqual(hostsOf(first));
    expect(final.bounds.total).toBeLessThanOrEqual(hostsOf(final));
    expect(final.bounds.hardRules ?? final.bounds.total).toBeLessThanOrEqual(final.bounds.total);
    // Each plan's own pool structure bounds that plan (and is never below the run's bound).
    for (const p of [first, final]) {
      expect(p.bounds.ownPools).toBeDefined();
      expect(p.bounds.ownPools ?? 0).toBeGreaterThanOrEqual(p.bounds.total);
      expect(p.bounds.ownPools ?? Infinity).toBeLessThanOrEqual(hostsOf(p));
    }
  });
});
