/**
 * Immediate checks of a scenario's pins, without running the engine: what the UI shows next to each pin as
 * soon as it is edited. The engine (sites.ts, assemble.ts) still honours pins and reports their breaches in
 * the plan (kind 'pin', 'dr', 'zone', ...); these checks only read the estate and the scenario, in O(pins).
 * A pin's target site is its data centre, or the server's current site when the pin names none (as the engine).
 */
import type { Estate, Pin, Scenario, Server } from '../../model/schema.ts';

export type PinIssueKind =
  | 'unknown-server'
  | 'unknown-site'
  | 'duplicate'
  | 'site-not-kept'
  | 'not-virtualisable-host'
  | 'zone-residency'
  | 'dr-same-site'
  | 'same-host';

export type PinIssue = { serverId: string; kind: PinIssueKind; message: string };

/** The site a pin sends its server to: the pin's data centre, else the server's current one. */
export function pinTarget(pin: Pin, server: Pick<Server, 'dataCentreId'> | undefined): string | null {
  return pin.dataCentreId ?? server?.dataCentreId ?? null;
}

export function checkPins(estate: Pick<Estate, 'servers' | 'dataCentres' | 'zones'>, scenario: Pick<Scenario, 'pins' | 'keptDataCentreIds'>): PinIssue[] {
  const issues: PinIssue[] = [];
  if (scenario.pins.length === 0) return issues;
  const serverById = new Map(estate.servers.map((s) => [s.id, s]));
  const dcName = new Map(estate.dataCentres.map((d) => [d.id, d.name]));
  const zoneById = new Map(estate.zones.map((z) => [z.id, z]));
  const kept = new Set(scenario.keptDataCentreIds);
  const name = (id: string) => serverById.get(id)?.name ?? id;
  const site = (id: string) => dcName.get(id) ?? id;

  // Duplicates: the engine keeps the last pin of a server, so the later ones are the ones checked.
  const count = new Map<string, number>();
  for (const p of scenario.pins) count.set(p.serverId, (count.get(p.serverId) ?? 0) + 1);
  const effective = new Map<string, Pin>();
  for (const p of scenario.pins) effective.set(p.serverId, p);
  for (const [serverId, n] of count) {
    if (n > 1) issues.push({ serverId, kind: 'duplicate', message: `${name(serverId)} is pinned ${n} times in this scenario; only the last pin counts` });
  }

  const targetOf = new Map<string, string>();
  const byHost = new Map<string, string[]>();
  for (const pin of effective.values()) {
    const s = serverById.get(pin.serverId);
    if (!s) {
      issues.push({ serverId: pin.serverId, kind: 'unknown-server', message: `The pin names server ${pin.serverId}, which is not in the estate` });
      continue;
    }
    if (pin.dataCentreId !== null && !dcName.has(pin.dataCentreId)) {
      issues.push({ serverId: s.id, kind: 'unknown-site', message: `${s.name} is pinned to data centre ${pin.dataCentreId}, which is not in the estate` });
      continue;
    }
    const target = pinTarget(pin, s) ?? s.dataCentreId;
    targetOf.set(s.id, target);
    if (!kept.has(target)) {
      const how = pin.dataCentreId === null ? 'stays pinned at its current site' : 'is pinned to';
      issues.push({ serverId: s.id, kind: 'site-not-kept', message: `${s.name} ${how} ${site(target)}, which this scenario does not keep` });
    }
    if (pin.hostLabel !== null) {
      if (!s.virtualisable) {
        issues.push({ serverId: s.id, kind: 'not-virtualisable-host', message: `${s.name} cannot be virtualised (${s.blocker?.kind ?? 'blocked'}), so it cannot be pinned to host ${pin.hostLabel}` });
      }
      const list = byHost.get(pin.hostLabel);
      if (list) list.push(s.id);
      else byHost.set(pin.hostLabel, [s.id]);
    }
    const zone = s.zoneId !== null ? zoneById.get(s.zoneId) : undefined;
    if (zone && zone.allowedDataCentreIds !== null && !zone.allowedDataCentreIds.includes(target)) {
      const allowed = zone.allowedDataCentreIds.map(site).join(', ') || 'no site';
      issues.push({ serverId: s.id, kind: 'zone-residency', message: `${s.name} is in zone ${zone.name}, which may only run in ${allowed}; the pin puts it in ${site(target)}` });
    }
  }

  // DR partners both pinned to one site (shown on each pin of the pair).
  for (const [id, target] of targetOf) {
    const s = serverById.get(id);
    const p = s?.drPartnerId ?? null;
    if (!s || p === null || p === id || targetOf.get(p) !== target) continue;
    issues.push({ serverId: id, kind: 'dr-same-site', message: `${s.name} and its DR partner ${name(p)} are both pinned to ${site(target)}; DR partners must run in different data centres` });
  }

  // Anti-affinity peers and DR partners pinned to one host label.
  for (const [label, ids] of byHost) {
    if (ids.length < 2) continue;
    for (let i = 0; i < ids.length; i++) {
      const a = serverById.get(ids[i]);
      if (!a) continue;
      for (let j = i + 1; j < ids.length; j++) {
        const b = serverById.get(ids[j]);
        if (!b) continue;
        const group = a.antiAffinityGroups.find((g) => b.antiAffinityGroups.includes(g));
        const why = a.drPartnerId === b.id || b.drPartnerId === a.id ? 'DR partners' : group !== undefined ? `members of anti-affinity group ${group}` : null;
        if (why === null) continue;
        const message = `${a.name} and ${b.name} are both pinned to host ${label}, but they are ${why} and must run on different hosts`;
        issues.push({ serverId: a.id, kind: 'same-host', message }, { serverId: b.id, kind: 'same-host', message });
      }
    }
  }
  return issues;
}

/** Issues grouped by server id, for showing them next to each pin. */
export function issuesByServer(issues: readonly PinIssue[]): Map<string, PinIssue[]> {
  const out = new Map<string, PinIssue[]>();
  for (const i of issues) {
    const list = out.get(i.serverId);
    if (list) list.push(i);
    else out.set(i.serverId, [i]);
  }
  return out;
}
