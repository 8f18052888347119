/** Plans kept in the .cwb: canonical plan bytes, bounded decoding, reopening, and stale detection per part. */
import { describe, expect, it } from 'vitest';
import { decodeProject, encodeProject } from '../../core/project-file/codec.ts';
import { decodePlan, encodePlan, planHash } from '../../core/project-file/plan-codec.ts';
import { changedParts, describeChanges, inputsOf, projectHashes } from '../../core/project-file/input-hashes.ts';
import type { SavedPlan } from '../../core/project-file/saved-plans.ts';
import type { Plan } from '../../core/engine/plan.ts';
import type { Project } from '../../core/model/project.ts';
import { estate, project as makeProject, run, server } from '../engine/fixtures.ts';
import { tinyPlan } from '../../renderer/views/fixtures.ts';
import { jsonOf, replaceEntry, unpack } from './hostile-zip.ts';

const META = { appVersion: '0.2.0', nowUtc: '2026-12-02T12:00:00Z' };

function sampleProject(): Project {
  const servers = Array.from({ length: 12 }, (_, i) => server(`v${i}`, { dataCentreId: i % 3 === 0 ? 'dc-c' : 'dc-a', cores: 2 + (i % 3) }));
  const e = estate({ servers });
  return makeProject({ ...e, scenarios: [...e.scenarios, { ...e.scenarios[0], id: 's2', name: 'only a', keptDataCentreIds: ['dc-a'] }] });
}

const same = (a: Uint8Array, b: Uint8Array) => a.byteLength === b.byteLength && a.every((x, i) => x === b[i]);

function keep(p: Project, scenarioId: string, plan: Plan, name: string | null = null): SavedPlan {
  const inputs = inputsOf(projectHashes(p), scenarioId);
  if (!inputs) throw new Error(`no scenario ${scenarioId}`);
  return { id: name === null ? `latest:${scenarioId}` : `snap:${name}`, scenarioId, name, plan, inputs };
}

describe('plan codec', () => {
  const p = sampleProject();
  const plan = run(p, 's1');

  it('round-trips an engine plan: plan -> bytes -> plan -> the same bytes', () => {
    expect(plan.hosts.length).toBeGreaterThan(0);
    const bytes = encodePlan(plan);
    const back = decodePlan(bytes);
    if (!back.ok) throw new Error(back.message);
    expect(same(encodePlan(back.plan), bytes)).toBe(true);
    expect(back.plan.hosts[0].load).toBeInstanceOf(Float32Array);
    expect(Array.from(back.plan.hosts[0].load)).toEqual(Array.from(plan.hosts[0].load));
    expect(back.plan.assignments).toEqual(plan.assignments);
    expect(back.plan.cost).toEqual(plan.cost);
  });

  it('gives the same bytes whatever the key order, and a different hash for any change', () => {
    const reordered = Object.fromEntries(Object.entries(tinyPlan()).reverse()) as Plan;
    expect(same(encodePlan(reordered), encodePlan(tinyPlan()))).toBe(true);
    const moved = tinyPlan();
    moved.hosts[0].load[3] += 0.5;
    expect(planHash(encodePlan(moved))).not.toBe(planHash(encodePlan(tinyPlan())));
  });

  it('keeps fields a later engine adds (search settings, extra arrays)', () => {
    const later = { ...tinyPlan(), search: { budgetMs: 0, iterations: 500, stoppedBy: 'iterations' as const, effort: 'standard' as const, workUnits: 412 }, extra: new Int32Array([3, -1]) };
    const back = decodePlan(encodePlan(later));
    if (!back.ok) throw new Error(back.message);
    expect(back.plan.search).toEqual(later.search);
    expect((back.plan as typeof later).extra).toEqual(new Int32Array([3, -1]));
  });

  it('refuses bytes that are damaged, lie about sizes or are not canonical', () => {
    const good = encodePlan(tinyPlan());
    const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);
    const hugeHeader = good.slice();
    view(hugeHeader).setUint32(8, 0xfffffff0, true);
    expect(decodePlan(hugeHeader)).toMatchObject({ ok: false, message: expect.stringMatching(/header of 4294967280 bytes/) });
    const cut = good.slice(0, good.byteLength - 4);
    expect(decodePlan(cut)).toMatchObject({ ok: false, message: expect.stringMatching(/past the .* bytes of data/) });
    expect(decodePlan(new TextEncoder().encode('PK not a plan'))).toMatchObject({ ok: false, message: expect.stringMatching(/no CWBPLAN1 header/) });
    const text = new TextDecoder().decode(good);
    const badHours = new TextEncoder().encode(text.replace('"hours":168', '"hours":169'));
    expect(decodePlan(badHours)).toMatchObject({ ok: false, message: expect.stringMatching(/plan\.hours/) });
    const shortLoad = tinyPlan();
    shortLoad.hosts[0].load = new Float32Array(10);
    expect(decodePlan(encodePlan(shortLoad))).toMatchObject({ ok: false, message: expect.stringMatching(/hosts\[0\]\.load has 10 values; 5 dimensions x 168 hours need 840/) });
    const extraByte = new Uint8Array(good.byteLength + 8);
    extraByte.set(good);
    expect(decodePlan(extraByte)).toMatchObject({ ok: false, message: expect.stringMatching(/not in the canonical encoding/) });
  });
});

describe('plans kept in the .cwb', () => {
  const p = sampleProject();
  const plan1 = run(p, 's1');
  const plan2 = run(p, 's2');
  const saved = [keep(p, 's1', plan1), keep(p, 's2', plan2), keep(p, 's1', plan1, 'before the workshop')];
  const bytes = encodeProject(p, META, { plans: { saved, hashes: projectHashes(p) } });

  it('reopen gives the same plans, byte for byte, none stale', () => {
    const r = decodeProject(bytes);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.migratedFrom).toBeNull();
    expect(r.plans.warnings).toEqual([]);
    expect(r.plans.plans.map((x) => [x.scenarioId, x.name, x.changed])).toEqual([
      ['s1', null, []],
      ['s2', null, []],
      ['s1', 'before the workshop', []],
    ]);
    r.plans.plans.forEach((x, i) => {
      expect(same(encodePlan(x.plan), encodePlan(saved[i].plan))).toBe(true);
      expect(x.planHash).toBe(planHash(encodePlan(saved[i].plan)));
    });
    // the project hashes were taken from plans.json, and they are the open project's
    expect(r.plans.hashes).toEqual(projectHashes(r.project));
  });

  it('a project saved again with its plans gives the same bytes', () => {
    const r = decodeProject(bytes);
    if (!r.ok) throw new Error(r.error.message);
    const again = encodeProject(r.project, META, { plans: { saved: r.plans.plans, hashes: projectHashes(r.project) } });
    expect(same(again, bytes)).toBe(true);
  });

  function savedAfter(change: (q: Project) => Project): ReturnType<typeof decodeProject> {
    const q = change(p);
    // the plans ran on p; the project saved is q
    return decodeProject(encodeProject(q, META, { plans: { saved, hashes: projectHashes(q) } }));
  }

  it('marks a plan stale and names the part that changed: estate, series or scenario', () => {
    const estateEdit = savedAfter((q) => ({ ...q, estate: { ...q.estate, servers: q.estate.servers.map((s, i) => (i === 0 ? { ...s, cores: 16 } : s)) } }));
    const cpu = p.series.cpuPct.slice();
    cpu[5] = 77;
    const seriesEdit = savedAfter((q) => ({ ...q, series: { ...q.series, cpuPct: cpu } }));
    const scenarioEdit = savedAfter((q) => ({ ...q, estate: { ...q.estate, scenarios: q.estate.scenarios.map((s) => (s.id === 's2' ? { ...s, name: 'renamed' } : s)) } }));
    const changed = (r: ReturnType<typeof decodeProject>) => (r.ok ? r.plans.plans.map((x) => x.changed) : r.error.message);
    expect(changed(estateEdit)).toEqual([['estate'], ['estate'], ['estate']]);
    expect(changed(seriesEdit)).toEqual([['series'], ['series'], ['series']]);
    expect(changed(scenarioEdit)).toEqual([[], ['scenario'], []]);
    expect(describeChanges(['estate', 'series', 'scenario'])).toBe('the estate, the utilisation series and the scenario');
  });

  it('a scenario deleted since counts as a changed scenario', () => {
    expect(changedParts(saved[1].inputs, projectHashes({ ...p, estate: { ...p.estate, scenarios: p.estate.scenarios.slice(0, 1) } }), 's2')).toEqual(['scenario']);
  });

  it('an estate.json changed outside the app is hashed again, and the plans say the estate changed', () => {
    const text = new TextDecoder().decode(unpack(bytes)['estate.json']).replace('"name":"test"', '"name":"edited by hand"');
    const r = decodeProject(replaceEntry(bytes, 'estate.json', text));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.project.estate.name).toBe('edited by hand');
    expect(r.plans.plans.map((x) => x.changed)).toEqual([['estate'], ['estate'], ['estate']]);
  });

  it('a damaged plan is dropped with a warning; the project and the other plans open', () => {
    const plan2Bytes = unpack(bytes)['plans/2.plan'].slice();
    plan2Bytes[plan2Bytes.length - 1] ^= 0xff;
    const r = decodeProject(replaceEntry(bytes, 'plans/2.plan', plan2Bytes));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.plans.plans.map((x) => x.scenarioId)).toEqual(['s1', 's1']);
    expect(r.plans.warnings).toEqual([expect.stringMatching(/scenario s2 \(plans\/2\.plan\) does not match its recorded hash/)]);
    const index = jsonOf(bytes, 'plans.json') as { plans: unknown[] };
    const badIndex = decodeProject(replaceEntry(bytes, 'plans.json', JSON.stringify({ ...index, plans: 'all of them' })));
    if (!badIndex.ok) throw new Error(badIndex.error.message);
    expect(badIndex.plans.plans).toEqual([]);
    expect(badIndex.plans.warnings[0]).toMatch(/plans\.json is not valid \(plans\.plans: /);
  });

  it('a project without plans writes no plans entries', () => {
    expect(Object.keys(unpack(encodeProject(p, META)))).toEqual(['manifest.json', 'estate.json', 'series.json', 'series.bin']);
    expect(Object.keys(unpack(bytes))).toEqual(['manifest.json', 'estate.json', 'series.json', 'series.bin', 'plans.json', 'plans/1.plan', 'plans/2.plan', 'plans/3.plan']);
  });
});
