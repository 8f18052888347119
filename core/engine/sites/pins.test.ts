import { describe, expect, it } from 'vitest';
import type { DataCentre, Estate, Pin, Scenario, Server, Zone } from '../../model/schema.ts';
import { checkPins, issuesByServer, pinTarget } from './pins.ts';

const dc = (id: string): DataCentre => ({
  id, name: `DC ${id}`, city: '', latitude: null, longitude: null, timeZone: 'UTC', tier: 3, powerKw: 100, rackCapacity: 10, racksUsed: 0, status: 'keep', costPerMonth: 0,
});

const server = (id: string, over: Partial<Server> = {}): Server => ({
  id, name: `${id}-name`, dataCentreId: 'a', departmentId: 'd', applicationId: null, tier: null, environment: 'prod', os: 'Linux',
  sourceKind: 'physical', sourceHost: null, sourceCluster: null, cores: 4, ratingPerCore: 10, memoryGiB: 16, storageGiB: 100,
  iops: 100, networkMbps: 100, virtualisable: true, blocker: null, zoneId: null, maintenanceWindow: null, drPartnerId: null,
  affinityGroups: [], antiAffinityGroups: [], licensedProductIds: [], rackUnits: 2, powerW: 300, ...over,
});

const zone: Zone = { id: 'pci', name: 'PCI', kind: 'pci', dedicatedHosts: true, allowedDataCentreIds: ['a'] };

function estate(servers: Server[]): Pick<Estate, 'servers' | 'dataCentres' | 'zones'> {
  return { servers, dataCentres: [dc('a'), dc('b'), dc('c')], zones: [zone] };
}
const scenario = (pins: Pin[], kept = ['a', 'b']): Pick<Scenario, 'pins' | 'keptDataCentreIds'> => ({ pins, keptDataCentreIds: kept });
const pin = (serverId: string, dataCentreId: string | null, hostLabel: string | null = null): Pin => ({ serverId, dataCentreId, hostLabel });
const kinds = (issues: { kind: string }[]) => issues.map((i) => i.kind);

describe('checkPins', () => {
  it('finds nothing wrong with good pins, or with none', () => {
    const e = estate([server('s1'), server('s2', { zoneId: 'pci' })]);
    expect(checkPins(e, scenario([]))).toEqual([]);
    expect(checkPins(e, scenario([pin('s1', 'b', 'b-h001'), pin('s2', 'a')]))).toEqual([]);
  });

  it('flags a pin to a site the scenario does not keep, also an implicit pin to the current site', () => {
    const e = estate([server('s1'), server('s2', { dataCentreId: 'c' })]);
    const issues = checkPins(e, scenario([pin('s1', 'c'), pin('s2', null)]));
    expect(kinds(issues)).toEqual(['site-not-kept', 'site-not-kept']);
    expect(issues[0]).toMatchObject({ serverId: 's1', message: 's1-name is pinned to DC c, which this scenario does not keep' });
    expect(issues[1].message).toContain('stays pinned at its current site DC c');
  });

  it('flags a non-virtualisable server pinned to a host label, not to a site', () => {
    const e = estate([server('s1', { virtualisable: false, blocker: { kind: 'usb-dongle', detail: '' } })]);
    expect(checkPins(e, scenario([pin('s1', 'a')]))).toEqual([]);
    const issues = checkPins(e, scenario([pin('s1', 'a', 'a-h001')]));
    expect(kinds(issues)).toEqual(['not-virtualisable-host']);
    expect(issues[0].message).toContain('usb-dongle');
  });

  it('flags zone residency broken by the pin', () => {
    const e = estate([server('s1', { zoneId: 'pci' })]);
    const issues = checkPins(e, scenario([pin('s1', 'b')]));
    expect(kinds(issues)).toEqual(['zone-residency']);
    expect(issues[0].message).toBe('s1-name is in zone PCI, which may only run in DC a; the pin puts it in DC b');
  });

  it('flags DR partners pinned to the same site, on both pins', () => {
    const e = estate([server('p', { drPartnerId: 'q' }), server('q', { drPartnerId: 'p' })]);
    expect(checkPins(e, scenario([pin('p', 'a'), pin('q', 'b')]))).toEqual([]);
    const issues = checkPins(e, scenario([pin('p', 'a'), pin('q', 'a')]));
    expect(kinds(issues)).toEqual(['dr-same-site', 'dr-same-site']);
    expect(issues.map((i) => i.serverId)).toEqual(['p', 'q']);
    // only pins count: an unpinned partner at the same site is the engine's business
    expect(checkPins(e, scenario([pin('p', 'a')]))).toEqual([]);
  });

  it('flags anti-affinity peers and DR partners pinned to one host label', () => {
    const e = estate([
      server('x', { antiAffinityGroups: ['g1'] }),
      server('y', { antiAffinityGroups: ['g1', 'g2'] }),
      server('z'),
      server('p', { drPartnerId: 'q', dataCentreId: 'b' }),
      server('q', { drPartnerId: 'p' }),
    ]);
    const issues = checkPins(e, scenario([pin('x', 'a', 'a-h001'), pin('y', 'a', 'a-h001'), pin('z', 'a', 'a-h001'), pin('p', 'b', 'h9'), pin('q', 'a', 'h9')]));
    expect(kinds(issues)).toEqual(['same-host', 'same-host', 'same-host', 'same-host']);
    expect(issues[0].message).toContain('anti-affinity group g1');
    expect(issues[2].message).toContain('DR partners');
    expect([...issuesByServer(issues).keys()]).toEqual(['x', 'y', 'p', 'q']);
  });

  it('flags pins of unknown servers and to unknown sites', () => {
    const e = estate([server('s1')]);
    const issues = checkPins(e, scenario([pin('ghost', 'a'), pin('s1', 'nowhere')]));
    expect(kinds(issues)).toEqual(['unknown-server', 'unknown-site']);
    expect(issues[1].message).toContain('nowhere');
  });

  it('flags duplicate pins of one server and checks the last one, as the engine does', () => {
    const e = estate([server('s1')]);
    const issues = checkPins(e, scenario([pin('s1', 'c'), pin('s1', 'a')]));
    expect(kinds(issues)).toEqual(['duplicate']);
    expect(issues[0].message).toContain('pinned 2 times');
  });

  it('says where a pin sends its server', () => {
    expect(pinTarget(pin('s', null), { dataCentreId: 'a' })).toBe('a');
    expect(pinTarget(pin('s', 'b'), { dataCentreId: 'a' })).toBe('b');
    expect(pinTarget(pin('s', null), undefined)).toBeNull();
  });
});
