/**
 * Validation in steps: the worker validates a run's project in steps of VALIDATE_CHUNK servers or flows and
 * posts progress between them (about 2 s at 50k servers), with the same result as validateProject.
 */
import { describe, expect, it } from 'vitest';
import { validateProject, validateProjectInSteps, VALIDATE_CHUNK } from '../../core/model/validate.ts';
import { generateProject } from '../../core/sample/generate.ts';

const big = generateProject({ servers: 3000, seed: 'validate' });

function stepped(estate: unknown) {
  const ticks: number[] = [];
  const value = validateProjectInSteps(estate, big.series, (f) => ticks.push(f));
  return { ticks, value };
}

describe('validation in steps', () => {
  it('reports at least once per chunk of servers and flows, with the same result as validateProject', () => {
    const { ticks, value } = stepped(big.estate);
    expect(ticks.length).toBeGreaterThanOrEqual(Math.ceil(big.estate.servers.length / VALIDATE_CHUNK) + Math.ceil(big.estate.flows.length / VALIDATE_CHUNK));
    expect(value).toEqual(validateProject(big.estate, big.series));
  });

  it('reports the same problems, with paths into the full lists', () => {
    const servers = big.estate.servers.map((s, i) => (i === 1234 ? { ...s, cores: -1 } : s));
    const bad = { ...big.estate, servers, hostModels: [{ ...big.estate.hostModels[0], price: 'x' }] };
    const { value } = stepped(bad);
    const whole = validateProject(bad, big.series);
    expect(value.ok).toBe(false);
    expect(value).toEqual(whole);
    if (!value.ok) expect(value.problems.map((p) => p.path)).toContain('servers[1234].cores');
  });
});
