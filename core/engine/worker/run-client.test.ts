import { describe, expect, it } from 'vitest';
import type { FromEngine, ToEngine } from '../../protocol.ts';
import { emptySeries } from '../../model/series.ts';
import { createRunClient, EngineCancelled, type WorkerEvents } from './run-client.ts';
import type { Plan } from '../plan.ts';

/** Fake workers: what each got, whether it was terminated, and a way to answer as it. */
function fakeWorkers() {
  const workers: { got: ToEngine[]; terminated: boolean; events: WorkerEvents }[] = [];
  const client = createRunClient((events) => {
    const w = { got: [] as ToEngine[], terminated: false, events };
    workers.push(w);
    return { post: (m) => w.got.push(m), terminate: () => void (w.terminated = true) };
  });
  return { client, workers };
}

const project = { estate: {}, series: emptySeries('2026-01-05T00:00:00Z', 1, []) };
const plan = { hostsUsed: 3 } as unknown as Plan;

describe('run client', () => {
  it('runs on one worker while runs end normally, and passes progress, the first plan and the result', async () => {
    const { client, workers } = fakeWorkers();
    const seen: string[] = [];
    const a = client.run(project, { scenarioId: 's', effort: 0, onProgress: () => seen.push('progress'), onPlan: () => seen.push('plan') });
    const msg = (m: FromEngine) => workers[0].events.message(m);
    msg({ type: 'progress', runId: a.runId, phase: 'pack', percent: 10, bestCost: null, hosts: 0, elapsedMs: 1 });
    msg({ type: 'plan', runId: a.runId, plan, elapsedMs: 2 });
    msg({ type: 'result', runId: a.runId, plan, elapsedMs: 3 });
    await expect(a.result).resolves.toBe(plan);
    expect(seen).toEqual(['progress', 'plan']);
    const b = client.run(project, { scenarioId: 's', effort: 0 });
    expect(workers).toHaveLength(1);
    expect(workers[0].got.map((m) => m.runId)).toEqual([a.runId, b.runId]);
  });

  it('cancel terminates the worker at once and the next run gets a fresh one; the old worker is no longer heard', async () => {
    const { client, workers } = fakeWorkers();
    const a = client.run(project, { scenarioId: 's', effort: 0 });
    a.cancel();
    expect(workers[0].terminated).toBe(true);
    await expect(a.result).rejects.toBeInstanceOf(EngineCancelled);
    const b = client.run(project, { scenarioId: 's', effort: 0 });
    expect(workers).toHaveLength(2);
    // A late message of the terminated worker changes nothing.
    workers[0].events.message({ type: 'result', runId: b.runId, plan: { hostsUsed: 99 } as unknown as Plan, elapsedMs: 1 });
    workers[1].events.message({ type: 'result', runId: b.runId, plan, elapsedMs: 1 });
    await expect(b.result).resolves.toBe(plan);
  });

  it('a new run supersedes a running one (cancelled, worker replaced), and a dead worker fails its run', async () => {
    const { client, workers } = fakeWorkers();
    const a = client.run(project, { scenarioId: 's', effort: 0 });
    const b = client.run(project, { scenarioId: 's', effort: 0 });
    await expect(a.result).rejects.toBeInstanceOf(EngineCancelled);
    expect(workers[0].terminated).toBe(true);
    workers[1].events.failed(new Error('out of memory'));
    await expect(b.result).rejects.toThrow('out of memory');
  });
});
