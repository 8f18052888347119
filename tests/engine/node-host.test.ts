import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { performance } from 'node:perf_hooks';
import { generateProject, MAIN_SCENARIO_ID } from '../../core/sample/generate.ts';
import { planProject } from '../../core/engine/engine.ts';
import { defaultPacker } from '../../core/engine/default-packer.ts';
import type { ProgressMessage } from '../../core/protocol.ts';
import { EngineCancelled } from '../../core/engine/worker/run-client.ts';
import { createNodeEngine, type NodeEngine } from '../../electron/engine/engine-host.ts';

let engine: NodeEngine;
beforeAll(async () => {
  engine = await createNodeEngine();
});
afterAll(async () => {
  await engine.terminate();
});

describe('Node worker host (end to end)', () => {
  it('runs, reports progress, and returns the same plan as the in-process engine for the same seed', async () => {
    const project = generateProject({ servers: 300, seed: 'host-test' });
    const local = planProject(project, MAIN_SCENARIO_ID, { packer: defaultPacker, now: () => performance.now(), effort: 0 });
    const progress: ProgressMessage[] = [];
    const run = engine.run(project, { scenarioId: MAIN_SCENARIO_ID, effort: 0, onProgress: (p) => progress.push(p) });
    const plan = await run.result;
    expect(progress.length).toBeGreaterThan(0);
    expect(progress[0]).toMatchObject({ type: 'progress', runId: run.runId });
    expect(plan).toEqual(local);
    // The series buffers were transferred, not copied: the caller's arrays are detached.
    expect(project.series.cpuPct.length).toBe(0);
  });

  it('cancel terminates the worker: the run rejects as cancelled and a fresh worker serves the next run', async () => {
    const project = generateProject({ servers: 3000, seed: 'cancel-test' });
    let firstProgress: () => void = () => {};
    const started = new Promise<void>((r) => (firstProgress = r));
    const run = engine.run(project, {
      scenarioId: MAIN_SCENARIO_ID,
      effort: 'thorough',
      transfer: false,
      onProgress: (p) => {
        if (p.phase === 'pack' || p.phase === 'improve') firstProgress();
      },
    });
    await started;
    run.cancel();
    await expect(run.result).rejects.toBeInstanceOf(EngineCancelled);
    const small = generateProject({ servers: 30, seed: 'after-cancel' });
    const next = await engine.run(small, { scenarioId: MAIN_SCENARIO_ID, effort: 0 }).result;
    expect(next.assignments).toHaveLength(30);
  });

  it('invalid input gets an error naming the field, never a hang', async () => {
    const project = generateProject({ servers: 30, seed: 'bad' });
    const estate = structuredClone(project.estate);
    estate.servers[3].cores = -2;
    await expect(engine.run({ estate, series: project.series }, { scenarioId: MAIN_SCENARIO_ID, effort: 0, transfer: false }).result).rejects.toMatchObject({
      name: 'EngineInputError',
      field: 'servers[3].cores',
    });
    await expect(engine.run(project, { scenarioId: 'nope', effort: 0, transfer: false }).result).rejects.toMatchObject({ field: 'scenarioId' });
    await expect(engine.run(project, { scenarioId: MAIN_SCENARIO_ID, effort: -1, transfer: false }).result).rejects.toMatchObject({ field: 'effort' });
    const short = { ...project.series, memPct: new Float32Array(3) };
    await expect(engine.run({ estate: project.estate, series: short }, { scenarioId: MAIN_SCENARIO_ID, effort: 0, transfer: false }).result).rejects.toMatchObject({ field: 'series.memPct' });
    // The worker is still alive and answers after the errors.
    const ok = await engine.run(project, { scenarioId: MAIN_SCENARIO_ID, effort: 0 }).result;
    expect(ok.assignments).toHaveLength(30);
  });
});
