/**
 * The WAN is fine today and a naive consolidation (every server to its nearest kept data centre, traffic on
 * the existing links) overloads it. The routing here is deliberately self-contained: it does not reuse the
 * generator's, so it checks the generator rather than repeating it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Estate } from '../model/schema.ts';
import { generateProject } from './generate.ts';
import { CIRCUIT_STEPS, circuitFor } from './wan.ts';

function haversineKm(a: { latitude: number | null; longitude: number | null }, b: { latitude: number | null; longitude: number | null }): number {
  const r = Math.PI / 180;
  const dLat = ((b.latitude ?? 0) - (a.latitude ?? 0)) * r;
  const dLon = ((b.longitude ?? 0) - (a.longitude ?? 0)) * r;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos((a.latitude ?? 0) * r) * Math.cos((b.latitude ?? 0) * r) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/** Peak hourly load per link (Mbps) when servers sit where `siteOfServer` says, on lowest-latency paths. */
function peakLinkLoads(estate: Estate, siteOfServer: (serverId: string) => string): Map<string, number> {
  const nodes = [...estate.dataCentres.map((d) => d.id), ...estate.userSites.map((s) => s.id)];
  const adj = new Map<string, { to: string; link: string; ms: number }[]>(nodes.map((n) => [n, []]));
  for (const l of estate.wanLinks) {
    adj.get(l.a)?.push({ to: l.b, link: l.id, ms: l.latencyMs });
    adj.get(l.b)?.push({ to: l.a, link: l.id, ms: l.latencyMs });
  }
  const paths = new Map<string, Map<string, string[]>>();
  const pathsFrom = (src: string) => {
    let p = paths.get(src);
    if (p) return p;
    const dist = new Map<string, number>([[src, 0]]);
    const prev = new Map<string, { node: string; link: string }>();
    const open = new Set(nodes);
    while (open.size > 0) {
      let v: string | null = null;
      for (const n of open) if (dist.has(n) && (v === null || (dist.get(n) ?? Infinity) < (dist.get(v) ?? Infinity))) v = n;
      if (v === null) break;
      open.delete(v);
      for (const e of adj.get(v) ?? []) {
        const d = (dist.get(v) ?? 0) + e.ms;
        if (d < (dist.get(e.to) ?? Infinity)) {
          dist.set(e.to, d);
          prev.set(e.to, { node: v, link: e.link });
        }
      }
    }
    p = new Map();
    for (const n of nodes) {
      const links: string[] = [];
      for (let cur = n; cur !== src; ) {
        const step = prev.get(cur);
        if (!step) throw new Error(`${n} is unreachable from ${src}`);
        links.push(step.link);
        cur = step.node;
      }
      p.set(n, links);
    }
    paths.set(src, p);
    return p;
  };
  const load = new Map(estate.wanLinks.map((l) => [l.id, new Float64Array(168)]));
  for (const f of estate.flows) {
    const a = f.from.kind === 'server' ? siteOfServer(f.from.id) : f.from.id;
    const b = f.to.kind === 'server' ? siteOfServer(f.to.id) : f.to.id;
    if (a === b) continue;
    for (const link of pathsFrom(a).get(b) ?? []) {
      const l = load.get(link);
      if (!l) continue;
      for (let h = 0; h < 168; h++) l[h] += f.hourlyMbps[h % f.hourlyMbps.length];
    }
  }
  return new Map([...load].map(([id, l]) => [id, Math.max(...l)]));
}

function overloaded(estate: Estate, peaks: Map<string, number>): string[] {
  return estate.wanLinks.filter((l) => (peaks.get(l.id) ?? 0) > l.bandwidthMbps).map((l) => l.id);
}

describe('the sample WAN', () => {
  let estate: Estate;
  beforeAll(() => {
    estate = generateProject().estate;
  });

  it('connects every data centre and office without being a full mesh', () => {
    const ends = new Set(estate.wanLinks.flatMap((l) => [l.a, l.b]));
    for (const d of estate.dataCentres) expect(ends.has(d.id)).toBe(true);
    for (const s of estate.userSites) expect(ends.has(s.id)).toBe(true);
    const n = estate.dataCentres.length + estate.userSites.length;
    expect(estate.wanLinks.length).toBeLessThan((n * (n - 1)) / 8);
    // Reachability is checked by peakLinkLoads (it throws on an unreachable node).
    expect(() => peakLinkLoads(estate, () => estate.dataCentres[0].id)).not.toThrow();
  });

  it('derives latency from distance and uses standard circuit sizes', () => {
    const where = new Map([...estate.dataCentres, ...estate.userSites].map((x) => [x.id, x]));
    for (const l of estate.wanLinks) {
      const km = haversineKm(where.get(l.a)!, where.get(l.b)!);
      expect(l.latencyMs).toBeCloseTo(km / 100 + 2, 0);
      expect((CIRCUIT_STEPS as readonly number[]).includes(l.bandwidthMbps)).toBe(true);
      expect(l.costPerMonth).toBeGreaterThan(0);
    }
  });

  it('sizes a circuit for 70% peak utilisation with a floor', () => {
    expect(circuitFor(0, 50)).toBe(50);
    expect(circuitFor(690, 50)).toBe(1000);
    expect(circuitFor(710, 50)).toBe(2000);
    expect(circuitFor(250_000, 500)).toBe(400_000);
  });

  it('carries today\'s traffic, and a naive move to the nearest kept site overloads several links', () => {
    const dcOf = new Map(estate.servers.map((s) => [s.id, s.dataCentreId]));
    const kept = estate.dataCentres.filter((d) => d.status === 'keep');
    const nearestKept = new Map(
      estate.dataCentres.map((d) => [d.id, [...kept].sort((x, y) => haversineKm(d, x) - haversineKm(d, y))[0].id]),
    );
    const today = peakLinkLoads(estate, (id) => dcOf.get(id)!);
    const after = peakLinkLoads(estate, (id) => nearestKept.get(dcOf.get(id)!)!);
    expect(overloaded(estate, today)).toEqual([]);
    const over = overloaded(estate, after);
    expect(over.length).toBeGreaterThanOrEqual(3);
    const worst = Math.max(...estate.wanLinks.map((l) => (after.get(l.id) ?? 0) / l.bandwidthMbps));
    expect(worst).toBeGreaterThan(1.5);
    // The reported utilisation is today's peak over the circuit.
    for (const l of estate.wanLinks) expect(l.measuredPeakUtilisationPct).toBeCloseTo((100 * (today.get(l.id) ?? 0)) / l.bandwidthMbps, 0);
  });
});
