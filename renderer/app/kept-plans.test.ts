/** Kept plans through the controller: a run's plan and a snapshot are saved in the .cwb and shown again on reopen. */
import { describe, expect, it } from 'vitest';
import { createController } from './controller.ts';
import { createDialogStore } from './dialogs.ts';
import { cwbCodec } from './codec.ts';
import { createWorkbenchStore } from '../store/store.ts';
import { diffEntity } from '../store/edits.ts';
import { isPlanStale, selectPlanChanges } from '../store/jobs-slice.ts';
import { staleMessage } from '../store/kept-plans.ts';
import { fakeHost } from '../test/fake-host.ts';
import { encodeProject } from '../../core/project-file/codec.ts';
import { encodePlan } from '../../core/project-file/plan-codec.ts';
import type { Project } from '../../core/model/project.ts';
import { emptySeries } from '../../core/model/series.ts';
import { tinyEstate, tinyPlan } from '../views/fixtures.ts';

const FILE = { path: '/data/p.cwb', name: 'p.cwb' };
const same = (a: Uint8Array, b: Uint8Array) => a.byteLength === b.byteLength && a.every((x, i) => x === b[i]);

function fixture(): Project {
  const estate = tinyEstate();
  const s2 = { ...estate.scenarios[0], id: 's2', name: 'Into Dallas', keptDataCentreIds: ['dc-dal'] };
  const series = emptySeries('2026-01-04T00:00:00Z', 168, estate.servers.map((s) => s.id));
  series.cpuPct.fill(12.5);
  return { estate: { ...estate, scenarios: [{ ...estate.scenarios[0], id: 's1' }, s2] }, series };
}

/** A plan of the scenario (hand-built; what matters here is that it survives a save and an open). */
const run = (_p: Project, scenarioId: string) => tinyPlan({ scenarioId, hostsUsed: scenarioId === 's1' ? 3 : 2 });

/** A fresh app (store, dialogs, controller) that opens `bytes` as FILE on start. */
async function openApp(bytes: Uint8Array) {
  const host = fakeHost({ initial: { file: FILE, bytes } });
  const store = createWorkbenchStore();
  const dialogs = createDialogStore();
  const controller = createController({ host: host.api, store, dialogs, codec: cwbCodec, now: () => new Date(Date.UTC(2026, 11, 2, 12)), print: () => {} });
  await controller.start();
  return { host, store, dialogs, controller };
}

describe('kept plans', () => {
  const p = fixture();
  const initial = encodeProject(p, { appVersion: '0.2.0', nowUtc: '2026-12-01T12:00:00Z' });

  it('a run makes the project dirty without an undo step; save keeps the plan and a snapshot; reopen shows them', async () => {
    const a = await openApp(initial);
    const opened = a.store.getState().project!;
    expect(a.store.getState().plans).toEqual({});
    const plan = run(opened, 's1');
    a.store.getState().setPlan('s1', plan);
    expect(a.store.getState().dirty).toBe(true);
    expect(a.store.getState().undoStack).toHaveLength(0);
    const snapId = a.store.getState().keepSnapshot('s1', 'workshop');
    expect(snapId).not.toBeNull();
    expect(await a.controller.save()).toBe(true);
    expect(a.store.getState().dirty).toBe(false);
    const saved = a.host.files.get(FILE.path)!;

    const b = await openApp(saved);
    const s = b.store.getState();
    expect(s.dirty).toBe(false);
    expect(Object.keys(s.plans)).toEqual(['s1']);
    expect(same(encodePlan(s.plans.s1), encodePlan(plan))).toBe(true);
    expect(isPlanStale(s, 's1')).toBe(false);
    expect(s.snapshots.map((x) => [x.name, x.scenarioId])).toEqual([['workshop', 's1']]);
    expect(same(encodePlan(s.snapshots[0].plan), encodePlan(plan))).toBe(true);
    // saving the reopened project again gives the same bytes (nothing re-hashed, nothing reordered)
    expect(await b.controller.save()).toBe(true);
    expect(same(b.host.files.get(FILE.path)!, saved)).toBe(true);
  });

  it('a plan saved after an edit reopens stale and names the part; undoing the edit does not touch the plans', async () => {
    const a = await openApp(initial);
    const plan = run(a.store.getState().project!, 's2');
    a.store.getState().setPlan('s2', plan);
    const sc = a.store.getState().project!.estate.scenarios.find((x) => x.id === 's2')!;
    a.store.getState().applyEdit('rename scenario', [diffEntity('scenarios', sc, { name: 'Into Dallas, renamed' })!]);
    expect(selectPlanChanges(a.store.getState(), 's2')).toEqual(['scenario']);
    await a.controller.save();

    const b = await openApp(a.host.files.get(FILE.path)!);
    expect(selectPlanChanges(b.store.getState(), 's2')).toEqual(['scenario']);
    expect(staleMessage(['scenario'])).toBe('The scenario changed since this plan was computed: run the plan again.');
    // an estate edit adds the estate; undoing it goes back to what was opened (the scenario still changed)
    const v0 = b.store.getState().project!.estate.servers[0];
    b.store.getState().applyEdit('cores', [diffEntity('servers', v0, { cores: 8 })!]);
    expect(selectPlanChanges(b.store.getState(), 's2')).toEqual(['estate', 'scenario']);
    b.store.getState().undo();
    expect(b.store.getState().dirty).toBe(false);
    expect(b.store.getState().plans.s2).toBeDefined();
  });

  it('removing a snapshot is unsaved work, saved like an edit', async () => {
    const a = await openApp(initial);
    a.store.getState().setPlan('s1', run(a.store.getState().project!, 's1'));
    const id = a.store.getState().keepSnapshot('s1')!;
    expect(a.store.getState().snapshots[0].name).toBe('Into Chicago #1');
    await a.controller.save();
    a.store.getState().removeSnapshot(id);
    expect(a.store.getState().dirty).toBe(true);
    await a.controller.save();
    const b = await openApp(a.host.files.get(FILE.path)!);
    expect(b.store.getState().snapshots).toEqual([]);
    expect(Object.keys(b.store.getState().plans)).toEqual(['s1']);
  });
});
