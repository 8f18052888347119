/**
 * Inventory CSV (one row per server, mapped with guessMapping/applyMapping) -> servers, plus the data
 * centres, departments, applications and zones they name. Sizes are converted to GiB (units.ts); a CPU
 * clock becomes a rating per core with the RVTools formula (rvtools-hosts.ts).
 */
import type { Application, BlockerKind, DataCentre, Department, Server, Zone } from '../model/schema.ts';

type Environment = Server['environment'];
import type { Columns } from './columns.ts';
import { columnsOf, type Mapping } from './mapping.ts';
import { emptyCounts, ReportBuilder } from './report.ts';
import { DEFAULT_RATING_PER_CORE, newDataCentre, UNASSIGNED_DEPARTMENT, type ImportResult } from './result.ts';
import { ratingFromClock } from './rvtools-hosts.ts';
import { dataCentreId } from './rvtools.ts';
import { MAX_CORES, MAX_GIB } from './rvtools-vms.ts';
import { parseBool, slug, type Cell, type Table } from './table.ts';
import { decideSizeUnit } from './units.ts';
import { describeRenames, DuplicateGroups, UniqueIds } from './unique-ids.ts';

const ENV: [RegExp, Environment][] = [
  [/^(prod|production|live|prd|p)$/i, 'prod'],
  [/^(test|testing|qa|uat|staging|stage|preprod|pre-prod|tst|acc|acceptance)$/i, 'test'],
  [/^(dev|development|develop|sandbox|lab|d)$/i, 'dev'],
];

const BLOCKER_WORDS: [RegExp, BlockerKind][] = [
  [/usb|dongle/i, 'usb-dongle'],
  [/rdm|raw device/i, 'raw-device-mapping'],
  [/shared disk|multi-?writer|cluster disk/i, 'shared-disk'],
  [/pci|passthrough|passthru|gpu|sr-?iov/i, 'pci-passthrough'],
  [/fault.?toleran|\bft\b/i, 'fault-tolerance'],
  [/appliance/i, 'appliance'],
  [/licen[cs]/i, 'licence-bound'],
  [/hardware|card|fax|modem|serial|hsm/i, 'special-hardware'],
];

export function blockerKindOf(text: string): BlockerKind {
  return BLOCKER_WORDS.find(([re]) => re.test(text))?.[1] ?? 'other';
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

function numbers(c: Columns<string>, rows: Cell[][], field: string): number[] {
  const out: number[] = [];
  for (const row of rows) {
    const n = c.number(row, field);
    if (n?.ok) out.push(n.value);
  }
  return out;
}

export function mapInventory(table: Table, mapping: Mapping): ImportResult {
  const c = columnsOf(table, mapping);
  const report = new ReportBuilder();
  const count = report.table(table);
  const mem = c.has('memory') ? decideSizeUnit('memory', c.header.memory ?? '', numbers(c, table.rows, 'memory')) : null;
  const sto = c.has('storage') ? decideSizeUnit('storage', c.header.storage ?? '', numbers(c, table.rows, 'storage')) : null;
  for (const [d, f] of [[mem, 'memory'], [sto, 'storage']] as const) if (d?.note) report.add('info', 'unit-guess', d.note, [c.ref(-1, f)]);
  const clockInMHz = c.has('cpuGHz') && (/mhz/i.test(c.header.cpuGHz ?? '') || numbers(c, table.rows, 'cpuGHz').some((v) => v > 100));

  const dcs = new Map<string, DataCentre>();
  const depts = new Map<string, Department>();
  const apps = new Map<string, Application>();
  const zones = new Map<string, Zone>();
  const ids = new UniqueIds();
  const rowOfId = new Map<string, number>();
  const names = new Map<string, number>();
  const dupIds = new DuplicateGroups();
  const dupNames = new DuplicateGroups();
  const servers: Server[] = [];

  table.rows.forEach((row, i) => {
    const name = c.text(row, 'name');
    if (name === '') {
      count.rowsSkipped++;
      report.addGrouped('warning', 'missing-field', 'row without a server name: skipped', c.ref(i, 'name'));
      return;
    }
    const num = (field: string, fallback: number, what: string, min = 0, max = 1e9): number => {
      const n = c.number(row, field);
      if (n === null) return fallback;
      if (!n.ok) {
        report.addGrouped('warning', 'bad-value', `${what} ${n.reason.replace(/ \(.*\)$/, '')}: ${fallback} used`, c.ref(i, field));
        return fallback;
      }
      if (n.value < min || n.value > max) {
        report.addGrouped('warning', 'bad-value', `${what} is outside ${min} to ${max}: ${fallback} used`, c.ref(i, field));
        return fallback;
      }
      return n.value;
    };
    const idText = c.text(row, 'id');
    const wanted = idText !== '' ? slug(idText) : `srv-${slug(name)}`;
    const field = idText !== '' ? 'id' : 'name';
    const firstRow = rowOfId.get(wanted);
    const id = ids.claim(wanted);
    rowOfId.set(id, i);
    const lower = name.toLowerCase();
    const firstNamed = names.get(lower);
    if (firstRow !== undefined) {
      dupIds.add(idText !== '' ? `id "${idText}"` : `name "${name}"`, c.ref(firstRow, field), c.ref(i, field), id);
    } else if (firstNamed !== undefined) {
      dupNames.add(name, c.ref(firstNamed, 'name'), c.ref(i, 'name'));
    }
    if (firstNamed === undefined) names.set(lower, i);

    const dcName = c.text(row, 'dataCentre');
    if (dcName === '') report.addGrouped('warning', 'missing-field', 'no data centre: placed in "Unknown data centre"', c.ref(i, 'dataCentre'));
    const dcId = dcName === '' ? 'dc-unknown' : dataCentreId(dcName);
    if (!dcs.has(dcId)) dcs.set(dcId, newDataCentre(dcId, dcName === '' ? 'Unknown data centre' : dcName));

    const deptName = c.text(row, 'department');
    let deptId = UNASSIGNED_DEPARTMENT.id;
    if (deptName === '') {
      if (!depts.has(deptId)) depts.set(deptId, UNASSIGNED_DEPARTMENT);
      report.addGrouped('info', 'assumption', 'no department: placed in the placeholder department "unassigned"', c.ref(i, 'department'));
    } else {
      deptId = `dept-${slug(deptName)}`;
      if (!depts.has(deptId)) depts.set(deptId, { id: deptId, name: deptName, refusesSharing: false });
    }
    const appName = c.text(row, 'application');
    const tierText = c.text(row, 'tier');
    let appId: string | null = null;
    let tier: string | null = null;
    if (appName !== '') {
      appId = `app-${slug(appName)}`;
      tier = tierText === '' ? 'app' : tierText;
      const app = apps.get(appId) ?? { id: appId, name: appName, departmentId: deptId, tiers: [], criticality: 'medium', availabilityTargetPct: 99.9, userLatencyBudgetMs: null, tierLatencyBudgetMs: null };
      if (!app.tiers.includes(tier)) app.tiers.push(tier);
      apps.set(appId, app);
    } else if (tierText !== '') {
      report.addGrouped('info', 'assumption', 'a tier without an application: tier ignored', c.ref(i, 'tier'));
    }
    const envText = c.text(row, 'environment');
    let environment: Environment = 'prod';
    if (envText !== '') {
      const hit = ENV.find(([re]) => re.test(envText));
      if (hit) environment = hit[1];
      else report.addGrouped('warning', 'bad-value', `environment not prod/test/dev: "prod" used`, c.ref(i, 'environment'));
    }
    let cores = Math.round(num('cores', 1, 'cores', 1, MAX_CORES));
    if (!c.has('cores') || c.text(row, 'cores') === '') {
      report.addGrouped('warning', 'missing-field', 'cores missing: 1 assumed', c.ref(i, 'cores'));
      cores = 1;
    }
    let rating = num('ratingPerCore', 0, 'rating per core', 0, 1e6);
    if (rating <= 0) {
      const clock = num('cpuGHz', 0, 'CPU speed', 0);
      const fromClock = ratingFromClock(clock > 0 ? (clockInMHz ? clock : clock * 1000) : null, '');
      if (clock > 0 && fromClock === null) report.addGrouped('warning', 'bad-value', `CPU speed outside 0.1-10 GHz: the default rating per core (${DEFAULT_RATING_PER_CORE}) used`, c.ref(i, 'cpuGHz'));
      rating = fromClock ?? DEFAULT_RATING_PER_CORE;
    }
    let memoryGiB = mem ? num('memory', 0, 'memory', 0) * mem.factor : 0;
    if (memoryGiB < 0.001 || memoryGiB > MAX_GIB) {
      memoryGiB = 1;
      report.addGrouped('warning', 'missing-field', 'memory missing or zero: 1 GiB assumed', c.ref(i, 'memory'));
    }
    let storageGiB = sto ? num('storage', 0, 'storage', 0) * sto.factor : 0;
    if (storageGiB > MAX_GIB) {
      report.addGrouped('warning', 'bad-value', 'storage is implausibly large: 0 used', c.ref(i, 'storage'));
      storageGiB = 0;
    }
    const blockerText = c.text(row, 'blocker');
    const virt = c.text(row, 'virtualisable') === '' ? true : parseBool(c.cell(row, 'virtualisable'));
    if (virt === null) report.addGrouped('warning', 'bad-value', 'virtualisable is not yes/no: yes assumed', c.ref(i, 'virtualisable'));
    const virtualisable = virt ?? true;
    const blocker = blockerText !== '' ? { kind: blockerKindOf(blockerText), detail: blockerText } : virtualisable ? null : { kind: 'other' as const, detail: 'marked not virtualisable in the inventory' };
    const zoneName = c.text(row, 'zone');
    let zoneId: string | null = null;
    if (zoneName !== '') {
      zoneId = `zone-${slug(zoneName)}`;
      if (!zones.has(zoneId)) {
        const kind = /pci/i.test(zoneName) ? 'pci' : /dmz/i.test(zoneName) ? 'dmz' : /intern/i.test(zoneName) ? 'internal' : 'other';
        zones.set(zoneId, { id: zoneId, name: zoneName, kind, dedicatedHosts: kind === 'pci', allowedDataCentreIds: null });
      }
    }
    servers.push({
      id,
      name,
      dataCentreId: dcId,
      departmentId: deptId,
      applicationId: appId,
      tier,
      environment,
      os: c.text(row, 'os') || 'unknown',
      sourceKind: /virt|vm/i.test(c.text(row, 'sourceKind')) ? 'vm' : 'physical',
      sourceHost: null,
      sourceCluster: null,
      cores,
      ratingPerCore: rating,
      memoryGiB: round3(memoryGiB),
      storageGiB: round3(storageGiB),
      iops: num('iops', 0, 'IOPS', 0),
      networkMbps: num('networkMbps', 0, 'network Mbps', 0),
      virtualisable,
      blocker,
      zoneId,
      maintenanceWindow: null,
      drPartnerId: null,
      affinityGroups: [],
      antiAffinityGroups: [],
      licensedProductIds: [],
      rackUnits: 2,
      powerW: 350,
    });
    count.rowsUsed++;
  });
  for (const g of dupIds.list()) {
    report.add('warning', 'duplicate', `duplicate server ${g.key}: ${g.later.length} later row${g.later.length === 1 ? ' is' : 's are'} imported as ${describeRenames(g.renamedTo)}`, [g.first, ...g.later]);
  }
  for (const g of dupNames.list()) {
    report.add('warning', 'duplicate', `server name "${g.key}" is used by ${g.later.length + 1} rows with different ids: all imported`, [g.first, ...g.later]);
  }
  const counts = emptyCounts();
  counts.serversImported = servers.length;
  counts.dataCentres = dcs.size;
  counts.blockedServers = servers.filter((s) => !s.virtualisable).length;
  return {
    servers,
    dataCentres: [...dcs.values()],
    departments: [...depts.values()],
    applications: [...apps.values()],
    zones: [...zones.values()],
    userSites: [],
    wanLinks: [],
    flows: [],
    series: null,
    report: report.build(counts),
  };
}
