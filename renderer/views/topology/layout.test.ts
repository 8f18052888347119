import { describe, expect, it } from 'vitest';
import { arcPath, layoutTopology, linkClass, linkWidth, loadAt, markRadius, project, usProjection } from './layout.ts';
import { linkLoadsBefore, linkStateBefore } from './link-loads.ts';
import { buildTopologyModel } from './model.ts';
import { formatHourRanges, hourLabel, hourRanges } from '../hours.ts';
import { tinyEstate, tinyPlan } from '../fixtures.ts';

describe('topology layout', () => {
  it('projects Chicago north-east of Dallas, inside the drawing', () => {
    const p = usProjection(960, 600);
    const chi = project(p, 41.8781, -87.6298);
    const dal = project(p, 32.7767, -96.797);
    expect(chi && dal).toBeTruthy();
    if (!chi || !dal) return;
    expect(chi.x).toBeGreaterThan(dal.x);
    expect(chi.y).toBeLessThan(dal.y);
    for (const q of [chi, dal]) {
      expect(q.x).toBeGreaterThan(0);
      expect(q.x).toBeLessThan(960);
      expect(q.y).toBeGreaterThan(0);
      expect(q.y).toBeLessThan(600);
    }
    expect(project(p, null, -87)).toBeNull();
    expect(project(p, 48.85, 2.35)).toBeNull(); // Paris is outside geoAlbersUsa
  });

  it('lays out a geo map, and a deterministic graph when coordinates are missing', () => {
    const geo = layoutTopology(tinyEstate(), 960, 600);
    expect(geo.mode).toBe('geo');
    expect(geo.landPath.length).toBeGreaterThan(1000);
    expect(geo.nodes.size).toBe(4);
    const a = layoutTopology(tinyEstate(false), 960, 600);
    const b = layoutTopology(tinyEstate(false), 960, 600);
    expect(a.mode).toBe('graph');
    expect(a.landPath).toBe('');
    expect([...a.nodes.values()]).toEqual([...b.nodes.values()]);
    const pts = [...a.nodes.values()];
    for (const n of pts) {
      expect(n.x).toBeGreaterThanOrEqual(16);
      expect(n.x).toBeLessThanOrEqual(944);
    }
    // distinct positions
    expect(new Set(pts.map((n) => `${Math.round(n.x)},${Math.round(n.y)}`)).size).toBe(pts.length);
  });

  it('places sites without coordinates among the mapped ones', () => {
    const e = tinyEstate();
    e.dataCentres[2] = { ...e.dataCentres[2], latitude: null, longitude: null };
    const l = layoutTopology(e, 960, 600);
    expect(l.mode).toBe('geo');
    expect(l.nodes.get('dc-phx')?.geo).toBe(false);
    expect(l.nodes.get('dc-chi')?.geo).toBe(true);
  });

  it('classes link colours at 70% and 100%', () => {
    expect(linkClass(0)).toBe('ok');
    expect(linkClass(0.699)).toBe('ok');
    expect(linkClass(0.7)).toBe('warn');
    expect(linkClass(0.999)).toBe('warn');
    expect(linkClass(1)).toBe('bad');
    expect(linkClass(3)).toBe('bad');
    expect(linkClass(Number.NaN)).toBe('idle');
  });

  it('sizes marks and links monotonically', () => {
    expect(markRadius(0, 100)).toBe(4);
    expect(markRadius(100, 100)).toBe(22);
    expect(markRadius(25, 100)).toBeCloseTo(4 + 18 * 0.5);
    expect(linkWidth(10_000, 10_000)).toBeCloseTo(7);
    expect(linkWidth(100, 10_000)).toBeLessThan(linkWidth(1000, 10_000));
    expect(loadAt(Float32Array.of(1, 5, 2), null)).toBe(5);
    expect(loadAt(Float32Array.of(1, 5, 2), 2)).toBe(2);
    expect(arcPath({ x: 0, y: 0 }, { x: 100, y: 0 })).toBe('M0.0,0.0Q50.0,12.0 100.0,0.0');
  });
});

describe('hours', () => {
  it('labels hours of the week from Sunday 00:00 UTC', () => {
    expect(hourLabel(0)).toBe('Sun 00:00 UTC');
    expect(hourLabel(62)).toBe('Tue 14:00 UTC');
    expect(hourLabel(167)).toBe('Sat 23:00 UTC');
    expect(hourLabel(14, 24)).toBe('14:00 UTC');
    expect(hourRanges([7, 1, 2, 3])).toEqual([
      [1, 3],
      [7, 7],
    ]);
    expect(formatHourRanges([62, 63, 64, 100])).toBe('Tue 14:00–16:00 UTC, Thu 04:00 UTC');
  });
});

describe('link loads', () => {
  it('routes today\'s flows with the engine topology', () => {
    const e = tinyEstate();
    const loads = linkLoadsBefore(e);
    expect(loads.get('l-chi-dal')?.[0]).toBe(300 + 50);
    expect(loads.get('l-chi-dal')?.[62]).toBe(700 + 50);
    // f2: Phoenix -> Chicago over dal-phx and chi-dal, 24 h profile repeated.
    expect(loads.get('l-dal-phx')?.[100]).toBe(50);
    expect(loads.get('l-chi-nyc')?.[62]).toBe(700);
    const state = linkStateBefore(e);
    expect(state.find((l) => l.linkId === 'l-chi-nyc')?.overloadBefore?.hours).toEqual([62]);
    expect(state.find((l) => l.linkId === 'l-chi-nyc')?.overloadBefore?.topFlows[0].flowId).toBe('f1');
  });

  it('builds marks: status from kept ids, size from servers or hosts, overloads per mode', () => {
    const estate = tinyEstate();
    const plan = tinyPlan();
    const layout = layoutTopology(estate, 960, 600);
    const args = { estate, plan, links: plan.links, layout, keptIds: ['dc-chi'] };
    const before = buildTopologyModel({ ...args, mode: 'before', hour: null });
    expect(before.dcs.find((d) => d.id === 'dc-chi')?.status).toBe('keep');
    expect(before.dcs.find((d) => d.id === 'dc-dal')?.status).toBe('closing');
    expect(before.dcs.find((d) => d.id === 'dc-phx')?.status).toBe('candidate');
    expect(before.dcs.find((d) => d.id === 'dc-dal')?.sizeLabel).toBe('2 servers');
    expect(before.overloaded).toHaveLength(0);
    const after = buildTopologyModel({ ...args, mode: 'after', hour: 62 });
    expect(after.dcs.find((d) => d.id === 'dc-chi')?.sizeLabel).toBe('3 hosts');
    expect(after.overloaded.map((l) => l.id)).toEqual(['l-chi-dal']);
    expect(after.links.find((l) => l.id === 'l-chi-dal')?.over).toBe(true);
    const quiet = buildTopologyModel({ ...args, mode: 'after', hour: 10 });
    expect(quiet.links.find((l) => l.id === 'l-chi-dal')?.cls).toBe('ok');
  });
});
