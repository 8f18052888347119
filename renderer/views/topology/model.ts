/**
 * What the topology view draws, computed from the estate, the plan, the mode and the hour: one record per
 * data centre, user site and WAN link with its position, size, status and load. Pure (no DOM, no React).
 */
import type { Estate } from '../../../core/model/schema.ts';
import type { LinkLoad, LinkOverload, Plan } from '../../../core/engine/plan.ts';
import { arcMidpoint, arcPath, linkClass, linkWidth, loadAt, markRadius, type LinkClass, type Point, type TopologyLayout } from './layout.ts';

export type DcStatusView = 'keep' | 'closing' | 'candidate';
export type Mode = 'before' | 'after';

export type DcMark = Point & {
  id: string;
  name: string;
  city: string;
  status: DcStatusView;
  servers: number;
  /** Hosts in the plan (after), null without a plan. */
  hosts: number | null;
  r: number;
  /** The size measure shown: servers before, hosts after. */
  sizeLabel: string;
};

export type UserMark = Point & { id: string; name: string; users: number };

export type LinkMark = {
  id: string;
  a: string;
  b: string;
  aName: string;
  bName: string;
  path: string;
  mid: Point;
  width: number;
  bandwidthMbps: number;
  latencyMs: number;
  /** Load at the hour (or the week's peak), Mbps; NaN when unknown. */
  loadMbps: number;
  utilisation: number;
  cls: LinkClass;
  /** Over capacity at the hour shown (or at the peak). */
  over: boolean;
  /** Overload over the week in this mode (hours and heaviest flows), null when the link copes. */
  overload: LinkOverload | null;
};

export type TopologyModel = { dcs: DcMark[]; users: UserMark[]; links: LinkMark[]; overloaded: LinkMark[] };

export function dcStatusView(status: Estate['dataCentres'][number]['status'], kept: boolean): DcStatusView {
  if (kept) return 'keep';
  return status === 'candidate' ? 'candidate' : 'closing';
}

export function buildTopologyModel(args: {
  estate: Pick<Estate, 'dataCentres' | 'userSites' | 'wanLinks' | 'servers'>;
  plan: Plan | null;
  links: readonly LinkLoad[];
  layout: TopologyLayout;
  keptIds: readonly string[];
  mode: Mode;
  hour: number | null;
}): TopologyModel {
  const { estate, plan, links, layout, mode, hour } = args;
  const kept = new Set(args.keptIds);
  const after = mode === 'after' && plan !== null;
  const servers = new Map<string, number>();
  for (const s of estate.servers) servers.set(s.dataCentreId, (servers.get(s.dataCentreId) ?? 0) + 1);
  const hosts = new Map<string, number>();
  if (plan) for (const s of plan.sites) hosts.set(s.dataCentreId, (hosts.get(s.dataCentreId) ?? 0) + s.hosts);
  const size = (id: string) => (after ? (hosts.get(id) ?? 0) : (servers.get(id) ?? 0));
  const maxSize = Math.max(1, ...estate.dataCentres.map((d) => size(d.id)));

  const dcs: DcMark[] = [];
  for (const d of estate.dataCentres) {
    const p = layout.nodes.get(d.id);
    if (!p) continue;
    const n = size(d.id);
    dcs.push({
      id: d.id,
      name: d.name,
      city: d.city,
      x: p.x,
      y: p.y,
      status: dcStatusView(d.status, kept.has(d.id)),
      servers: servers.get(d.id) ?? 0,
      hosts: plan ? (hosts.get(d.id) ?? 0) : null,
      r: markRadius(n, maxSize),
      sizeLabel: after ? `${n} hosts` : `${n} servers`,
    });
  }
  // Big marks first so small ones stay clickable on top.
  dcs.sort((x, y) => y.r - x.r || (x.id < y.id ? -1 : 1));

  const users: UserMark[] = [];
  for (const u of estate.userSites) {
    const p = layout.nodes.get(u.id);
    if (p) users.push({ id: u.id, name: u.name, users: u.users, x: p.x, y: p.y });
  }

  const names = new Map<string, string>([...estate.dataCentres.map((d) => [d.id, d.name] as const), ...estate.userSites.map((u) => [u.id, u.name] as const)]);
  const loadById = new Map(links.map((l) => [l.linkId, l]));
  const maxBw = Math.max(1, ...estate.wanLinks.map((l) => l.bandwidthMbps));
  const out: LinkMark[] = [];
  for (const l of estate.wanLinks) {
    const pa = layout.nodes.get(l.a);
    const pb = layout.nodes.get(l.b);
    if (!pa || !pb) continue;
    const rec = loadById.get(l.id);
    const series = rec ? (after ? rec.after : rec.before) : null;
    const loadMbps = series ? loadAt(series, hour) : Number.NaN;
    const utilisation = loadMbps / l.bandwidthMbps;
    const cls = linkClass(utilisation);
    out.push({
      id: l.id,
      a: l.a,
      b: l.b,
      aName: names.get(l.a) ?? l.a,
      bName: names.get(l.b) ?? l.b,
      path: arcPath(pa, pb),
      mid: arcMidpoint(pa, pb),
      width: linkWidth(l.bandwidthMbps, maxBw),
      bandwidthMbps: l.bandwidthMbps,
      latencyMs: l.latencyMs,
      loadMbps,
      utilisation,
      cls,
      over: cls === 'bad',
      overload: rec ? (after ? rec.overloadAfter : rec.overloadBefore) : null,
    });
  }
  // Overloaded links drawn last (on top).
  out.sort((x, y) => Number(x.over) - Number(y.over) || (x.id < y.id ? -1 : 1));
  const overloaded = out.filter((l) => l.overload !== null).sort((x, y) => (y.overload?.hours.length ?? 0) - (x.overload?.hours.length ?? 0) || (x.id < y.id ? -1 : 1));
  return { dcs, users, links: out, overloaded };
}
