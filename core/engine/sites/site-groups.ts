/**
 * Placement groups for site planning: an application moves as a unit with its affinity groups; the DR
 * secondary of a pair goes on its own (with its affinity mates). A group whose members share no allowed site is
 * split into affinity sub-groups, then single servers (reported). Sorted most constrained first.
 */
import { createUnionFind, type EngineContext } from '../context.ts';
import { Heartbeat, noTick, PER_ENTRY, type Tick } from '../../util/progress.ts';
import type { Violation } from '../plan.ts';
import type { ServerSites } from './site-rules.ts';

export type Group = { members: number[]; allowed: string[]; forced: string | null; drSecondary: boolean; app: string | null; tierMask: number; size: number };

/** The groups (a large estate takes a while: `tick` reports progress). */
export function placementGroups(
  ctx: EngineContext,
  rulesOf: readonly ServerSites[],
  secondary: Uint8Array,
  pinned: (i: number) => boolean,
  site: readonly (string | null)[],
  violations: Violation[],
  tick: Tick = noTick,
): Group[] {
  const meter = new Heartbeat(tick);
  const { servers } = ctx;
  const n = servers.length;
  const uf = createUnionFind(n);
  const firstOfApp = new Map<string, number>();
  const firstOfAffinity = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    meter.add(PER_ENTRY);
    const s = servers[i];
    if (s.applicationId !== null && !secondary[i] && !pinned(i)) {
      const f = firstOfApp.get(s.applicationId);
      if (f === undefined) firstOfApp.set(s.applicationId, i);
      else uf.union(f, i);
    }
    for (const g of s.affinityGroups) {
      const f = firstOfAffinity.get(g);
      if (f === undefined) firstOfAffinity.set(g, i);
      else uf.union(f, i);
    }
  }
  const byRoot = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    meter.add(PER_ENTRY);
    const r = uf.find(i);
    const list = byRoot.get(r);
    if (list) list.push(i);
    else byRoot.set(r, [i]);
  }
  const groups: Group[] = [];
  const makeGroup = (members: number[]): Group => {
    let allowed: string[] | null = null;
    let forced: string | null = null;
    let tierMask = 0;
    let dr = false;
    for (const m of members) {
      if (pinned(m)) {
        forced ??= site[m];
        continue;
      }
      const a = rulesOf[m].allowed;
      allowed = allowed === null ? [...a] : allowed.filter((d) => a.includes(d));
      if (rulesOf[m].tierIndex >= 0) tierMask |= 1 << Math.min(rulesOf[m].tierIndex, 30);
      if (secondary[m]) dr = true;
    }
    const ok = allowed ?? [];
    if (forced !== null && !ok.includes(forced)) forced = null;
    return { members, allowed: ok, forced, drSecondary: dr, app: servers[members[0]].applicationId, tierMask, size: members.length };
  };
  for (const members of byRoot.values()) {
    meter.add(PER_ENTRY * members.length);
    const g = makeGroup(members);
    const free = members.filter((m) => !pinned(m));
    if (free.length === 0) continue;
    if (g.allowed.length > 0 || free.length === 1) {
      groups.push(g.forced !== null ? { ...g, members: free, size: free.length } : { ...g, members: free });
      continue;
    }
    // Residency/latency conflict inside the group: split into affinity sub-groups, then single servers.
    const sub = createUnionFind(n);
    const seen = new Map<string, number>();
    for (const m of free) for (const ag of servers[m].affinityGroups) {
      const f = seen.get(ag);
      if (f === undefined) seen.set(ag, m);
      else sub.union(f, m);
    }
    const parts = new Map<number, number[]>();
    for (const m of free) {
      const r = sub.find(m);
      const l = parts.get(r);
      if (l) l.push(m);
      else parts.set(r, [m]);
    }
    for (const part of parts.values()) {
      const pg = makeGroup(part);
      if (pg.allowed.length > 0 || part.length === 1) groups.push(pg);
      else {
        violations.push({ kind: 'affinity', serverIds: part.map((m) => servers[m].id), message: `affinity group members have no common allowed site; placed separately` });
        for (const m of part) groups.push(makeGroup([m]));
      }
    }
  }
  tick(0);
  groups.sort((a, b) => Number(a.drSecondary) - Number(b.drSecondary) || Number(b.forced !== null) - Number(a.forced !== null) || a.allowed.length - b.allowed.length || b.size - a.size || a.members[0] - b.members[0]);
  return groups;
}
