import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sizeServers, DIMS } from '../../core/engine/sizing/sizing.ts';
import { effectiveRules } from '../../core/model/schema.ts';
import { windowKey } from '../../core/engine/classes/pack-input.ts';
import { defaultPacker } from '../../core/engine/default-packer.ts';
import type { Packer } from '../../core/engine/types.ts';
import { estate, project, run, series, server } from './fixtures.ts';
import { firstFit } from './first-fit.ts';

const serverSpec = fc.record({
  dc: fc.constantFrom('dc-a', 'dc-b', 'dc-c'),
  dept: fc.constantFrom('d1', 'd2'),
  env: fc.constantFrom('prod', 'test', 'dev'),
  zone: fc.constantFrom(null, 'pci', 'eu'),
  cores: fc.integer({ min: 1, max: 12 }),
  virtualisable: fc.integer({ min: 0, max: 9 }).map((v) => v < 8),
  window: fc.constantFrom(null, 1, 2),
  anti: fc.constantFrom(null, 'g1', 'g2'),
  affinity: fc.constantFrom(null, null, null, 'a1'),
  load: fc.integer({ min: 1, max: 100 }),
  pin: fc.constantFrom(null, null, null, null, 'dc-a', 'dc-c'),
});

const estateSpec = fc.record({
  servers: fc.array(serverSpec, { minLength: 1, maxLength: 14 }),
  drPairs: fc.array(fc.tuple(fc.nat(13), fc.nat(13)), { maxLength: 3 }),
  segregateDepartments: fc.boolean(),
  segregateEnvironments: fc.boolean(),
  nPlusOne: fc.boolean(),
  policy: fc.constantFrom('average' as const, 'p80' as const, 'p95' as const, 'peak' as const),
  foldOver: fc.constantFrom('day' as const, 'week' as const),
  headroom: fc.integer({ min: 0, max: 40 }),
  overcommit: fc.constantFrom(1, 2, 4),
  useRealPacker: fc.boolean(),
});

type Spec = typeof estateSpec extends fc.Arbitrary<infer T> ? T : never;

function build(spec: Spec) {
  const n = spec.servers.length;
  const partner = new Map<number, number>();
  for (const [a0, b0] of spec.drPairs) {
    const a = a0 % n;
    const b = b0 % n;
    if (a !== b && !partner.has(a) && !partner.has(b)) {
      partner.set(a, b);
      partner.set(b, a);
    }
  }
  const w = (h: number | null) => (h === null ? null : { days: [6], startHour: h, durationHours: 2, timeZone: 'UTC' });
  const e = estate({
    zones: [
      { id: 'pci', name: 'pci', kind: 'pci', dedicatedHosts: true, allowedDataCentreIds: null },
      { id: 'eu', name: 'eu', kind: 'other', dedicatedHosts: false, allowedDataCentreIds: ['dc-b'] },
    ],
    servers: spec.servers.map((s, i) =>
      server(`s${i}`, {
        dataCentreId: s.dc,
        departmentId: s.dept,
        environment: s.env,
        zoneId: s.zone,
        cores: s.cores,
        virtualisable: s.virtualisable,
        blocker: s.virtualisable ? null : { kind: 'appliance' },
        maintenanceWindow: w(s.window),
        antiAffinityGroups: s.anti ? [s.anti] : [],
        affinityGroups: s.affinity ? [s.affinity] : [],
        drPartnerId: partner.has(i) ? `s${partner.get(i)}` : null,
      }),
    ),
    scenario: {
      rules: {
        segregateDepartments: spec.segregateDepartments,
        segregateEnvironments: spec.segregateEnvironments,
        nPlusOne: spec.nPlusOne,
        policy: spec.policy,
        foldOver: spec.foldOver,
        headroomPct: { cpu: spec.headroom, memory: spec.headroom },
        cpuOvercommit: spec.overcommit,
      },
      pins: spec.servers.flatMap((s, i) => (s.pin ? [{ serverId: `s${i}`, dataCentreId: s.pin }] : [])),
    },
  });
  const ser = series(e, 168, (i, h) => ({ cpu: ((spec.servers[i].load * (1 + (h % 7))) % 100) + 0.5, mem: spec.servers[i].load }));
  return { e, ser };
}

describe('plan invariants (property)', () => {
  it('no plan breaks a hard rule or a host capacity in any hour (or the break is a reported pin consequence)', () => {
    fc.assert(
      fc.property(estateSpec, (spec) => {
        const { e, ser } = build(spec);
        const packer: Packer = spec.useRealPacker ? defaultPacker : firstFit;
        const plan = run(project(e, ser), 's1', packer);
        const rules = effectiveRules(e, e.scenarios[0]);
        const sizing = sizeServers(e.servers, ser, rules);
        const H = sizing.hours;
        const idx = new Map(e.servers.map((s, i) => [s.id, i]));
        const byId = new Map(e.servers.map((s) => [s.id, s]));
        const a = new Map(plan.assignments.map((x) => [x.serverId, x]));
        expect(plan.assignments).toHaveLength(e.servers.length);
        const pinned = new Set(e.scenarios[0].pins.map((p) => p.serverId));
        const reported = (kind: string, id: string) => plan.violations.some((v) => v.kind === kind && v.serverIds.includes(id));
        const hostOf = new Map<string, string>();
        for (const h of plan.hosts) {
          const members = h.serverIds.map((id) => byId.get(id)!);
          for (const id of h.serverIds) hostOf.set(id, h.label);
          // Capacity in every hour and dimension, recomputed from the sizing, and the vCPU rule.
          const caps = [h.capacity.cpu, h.capacity.memory, h.capacity.storage, h.capacity.iops, h.capacity.network];
          for (let d = 0; d < DIMS; d++) for (let t = 0; t < H; t++) {
            let sum = 0;
            for (const id of h.serverIds) sum += sizing.demand[(idx.get(id)! * DIMS + d) * H + t];
            expect(sum).toBeLessThanOrEqual(caps[d] * (1 + 1e-6) + 1e-6);
          }
          expect(members.reduce((x, s) => x + s.cores, 0)).toBeLessThanOrEqual(h.vcpuLimit);
          // Compatibility classes.
          // Maintenance windows: window-less servers share with anyone, two different windows never.
          expect(new Set(members.filter((s) => s.maintenanceWindow !== null).map((s) => windowKey(s.maintenanceWindow))).size).toBeLessThanOrEqual(1);
          if (rules.segregateDepartments) expect(new Set(members.map((s) => s.departmentId)).size).toBeLessThanOrEqual(1);
          if (rules.segregateEnvironments) expect(new Set(members.map((s) => s.environment)).size).toBeLessThanOrEqual(1);
          if (members.some((s) => s.zoneId === 'pci')) expect(members.every((s) => s.zoneId === 'pci')).toBe(true);
          // Anti-affinity.
          for (const g of ['g1', 'g2']) expect(members.filter((s) => s.antiAffinityGroups.includes(g)).length).toBeLessThanOrEqual(1);
          for (const s of members) expect(s.virtualisable).toBe(true);
          for (const s of members) expect(a.get(s.id)?.targetDataCentreId).toBe(h.dataCentreId);
        }
        for (const s of e.servers) {
          const x = a.get(s.id)!;
          if (x.targetDataCentreId === null) continue;
          expect(x.hostLabel ?? null).toBe(hostOf.get(s.id) ?? null);
          if (!pinned.has(s.id)) {
            expect(['dc-a', 'dc-b']).toContain(x.targetDataCentreId);
            if (s.zoneId === 'eu') expect(x.targetDataCentreId).toBe('dc-b');
          }
          if (s.drPartnerId) {
            const y = a.get(s.drPartnerId)!;
            if (y.targetDataCentreId !== null && y.targetDataCentreId === x.targetDataCentreId) expect(reported('dr', s.id)).toBe(true);
            if (x.hostLabel !== null) expect(y.hostLabel).not.toBe(x.hostLabel);
          }
        }
        expect(plan.hostsUsed).toBeGreaterThanOrEqual(plan.bounds.total);
      }),
      { numRuns: 40, seed: 4242 },
    );
  });
});
