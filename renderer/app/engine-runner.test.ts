import { describe, expect, it } from 'vitest';
import { createWorkbenchStore } from '../store/store.ts';
import { createDialogStore } from './dialogs.ts';
import { createEngineRunner } from './engine-runner.ts';
import { fakeEngine } from '../test/fake-engine.ts';
import { makeProject } from '../test/fixtures.ts';
import { tinyPlan } from '../views/fixtures.ts';

function setup() {
  const store = createWorkbenchStore();
  const project = makeProject(20, 3, 2);
  store.getState().loadProject(project, null);
  const dialogs = createDialogStore();
  const engine = fakeEngine();
  const runner = createEngineRunner({ store, dialogs, createClient: () => engine.client, effort: 500 });
  const scenarioId = project.estate.scenarios[0].id;
  return { store, dialogs, engine, runner, scenarioId, project };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('jobs slice', () => {
  it('ignores progress, plans and ends of a stale run', () => {
    const store = createWorkbenchStore();
    const s = () => store.getState();
    s().startJob('a', 1);
    s().reportProgress(0.5, null, { phase: 'pack', bestCost: 10, hosts: 3 }, 1);
    expect(s().engineJob).toMatchObject({ status: 'running', progress: 0.5, phase: 'pack', bestCost: 10, hosts: 3, runId: 1 });
    s().startJob('b', 2);
    s().reportProgress(0.9, null, {}, 1);
    s().setPlan('a', tinyPlan({ scenarioId: 'a' }), 1);
    s().finishJob('done', null, 1);
    expect(s().engineJob).toMatchObject({ status: 'running', progress: 0, scenarioId: 'b', runId: 2, bestCost: null });
    expect(s().plans).toEqual({});
    const plan = tinyPlan({ scenarioId: 'b' });
    s().setPlan('b', plan, 2);
    s().finishJob('done', null, 2);
    expect(s().plans.b).toBe(plan);
    expect(s().engineJob).toMatchObject({ status: 'done', progress: 1 });
  });

  it('drops plans and the job when another project is loaded', () => {
    const store = createWorkbenchStore();
    store.getState().startJob('a', 1);
    store.getState().setPlan('a', tinyPlan(), 1);
    store.getState().loadProject(makeProject(5), null);
    expect(store.getState().plans).toEqual({});
    expect(store.getState().engineJob.status).toBe('idle');
  });
});

describe('engine runs', () => {
  it('shows progress, then the first plan (switching to Results), then the final plan', async () => {
    const { store, engine, runner, scenarioId } = setup();
    const done = runner.run(scenarioId);
    const run = engine.runs[0];
    expect(run.options).toMatchObject({ scenarioId, effort: 500, transfer: false });
    expect(store.getState().engineJob).toMatchObject({ status: 'running', scenarioId, runId: run.runId });
    run.progress(20, null, 0, 'sizing');
    expect(store.getState().engineJob).toMatchObject({ progress: 0.2, phase: 'sizing', bestCost: null });
    const first = tinyPlan({ scenarioId, final: false });
    run.plan(first);
    expect(store.getState().plans[scenarioId]).toBe(first);
    expect(store.getState().activePane).toBe('results');
    expect(store.getState().resultsScenarioId).toBe(scenarioId);
    run.progress(70, 1234, 5, 'improve');
    expect(store.getState().engineJob).toMatchObject({ progress: 0.7, bestCost: 1234, hosts: 5 });
    store.getState().setActivePane('scenario'); // the user went back: a later plan does not pull them away
    const final = tinyPlan({ scenarioId, final: true });
    run.result(final);
    await done;
    expect(store.getState().plans[scenarioId]).toBe(final);
    expect(store.getState().engineJob).toMatchObject({ status: 'done', progress: 1 });
    expect(store.getState().activePane).toBe('scenario');
  });

  it('cancels: the job ends cancelled, the first plan stays', async () => {
    const { store, engine, runner, scenarioId } = setup();
    const done = runner.run(scenarioId);
    const first = tinyPlan({ scenarioId, final: false });
    engine.runs[0].plan(first);
    runner.cancel();
    await done;
    expect(engine.runs[0].cancelled).toBe(true);
    expect(store.getState().engineJob.status).toBe('cancelled');
    expect(store.getState().plans[scenarioId]).toBe(first);
  });

  it('shows a worker error in the alert dialog and starts a fresh worker next time', async () => {
    const { store, dialogs, engine, runner, scenarioId } = setup();
    const done = runner.run(scenarioId);
    const err = Object.assign(new Error('budgetMs must be at least 0'), { field: 'budgetMs' });
    engine.runs[0].fail(err);
    await flush();
    expect(store.getState().engineJob).toMatchObject({ status: 'failed', message: 'budgetMs must be at least 0' });
    const dialog = dialogs.getState().queue[0];
    expect(dialog?.kind).toBe('error');
    expect(dialog?.props).toMatchObject({ title: 'The engine run failed', message: 'budgetMs must be at least 0 (field budgetMs)' });
    expect(engine.terminated()).toBe(1);
    if (dialog?.kind === 'error') dialog.resolve(null);
    await done;
  });

  it('a second run supersedes the first', async () => {
    const { store, engine, runner, scenarioId } = setup();
    const first = runner.run(scenarioId);
    const second = runner.run(scenarioId);
    await first;
    expect(engine.runs[0].cancelled).toBe(true);
    expect(store.getState().engineJob).toMatchObject({ status: 'running', runId: engine.runs[1].runId });
    engine.runs[1].result(tinyPlan({ scenarioId }));
    await second;
    expect(store.getState().engineJob.status).toBe('done');
  });
});
