/**
 * The run's progress only moves forward: stages of a class, the packer's other constructive rules and the
 * improvement's sub-problems each report their share of the whole, not a fraction that restarts at 0.
 */
import { describe, expect, it } from 'vitest';
import { planProject } from '../../core/engine/engine.ts';
import { defaultPacker } from '../../core/engine/default-packer.ts';
import { generateProject, MAIN_SCENARIO_ID } from '../../core/sample/generate.ts';

describe('engine progress', () => {
  it('never goes back, from sizing to done, with an iteration budget (stages, rules, sub-problems)', () => {
    const project = generateProject({ servers: 1500, weeks: 1, seed: 'progress' });
    // A clock that moves 7 ms per read makes every packer check due, so every stage and rule reports.
    let t = 0;
    const seen: { phase: string; fraction: number }[] = [];
    planProject(project, MAIN_SCENARIO_ID, {
      packer: defaultPacker,
      now: () => (t += 7),
      effort: 40_000,
      progressEveryMs: 5,
      onProgress: (p) => seen.push({ phase: p.phase, fraction: p.fraction }),
    });
    const phases = new Set(seen.map((s) => s.phase));
    for (const p of ['sizing', 'sites', 'pack', 'improve', 'done']) expect(phases).toContain(p);
    expect(seen.filter((s) => s.phase === 'improve').length).toBeGreaterThan(50);
    const back = seen.findIndex((s, i) => i > 0 && s.fraction < seen[i - 1].fraction - 1e-12);
    expect(back === -1 ? null : { around: seen.slice(Math.max(0, back - 6), back + 3) }).toBeNull();
    expect(seen[seen.length - 1].fraction).toBe(1);
  });
});
