/**
 * vInfo: one row per VM -> a draft server. Templates and SRM placeholders are not workloads and are listed
 * as skipped. Ids are stable across re-imports: "vm-<VM UUID>" (with the VI SDK UUID when present, so
 * exports of several vCenters do not collide), else "vm-<name>".
 */
import type { BlockerKind } from '../model/schema.ts';
import { resolveColumns, TO_GIB, unitOfHeader, type Columns } from './columns.ts';
import { ImportError } from './errors.ts';
import type { ReportBuilder } from './report.ts';
import { VINFO } from './rvtools-sheets.ts';
import { describeRenames, DuplicateGroups, UniqueIds } from './unique-ids.ts';
import { parseBool, slug, type Cell, type RowRef, type Table } from './table.ts';

export type VmBlocker = { kind: BlockerKind; detail: string; /** true: cannot be virtualised / moved as is. */ hard: boolean };

export type VmDraft = {
  id: string;
  name: string;
  uuid: string;
  ref: RowRef;
  powerState: string;
  host: string;
  cluster: string;
  datacenter: string;
  os: string;
  cores: number | null;
  memoryGiB: number | null;
  provisionedGiB: number | null;
  inUseGiB: number | null;
  diskGiB: number;
  blockers: VmBlocker[];
  affinityGroups: string[];
  antiAffinityGroups: string[];
};

export type VmIndex = {
  vms: VmDraft[];
  byUuid: Map<string, VmDraft>;
  byName: Map<string, VmDraft[]>;
  /** VMs skipped in vInfo (templates ...): their detail rows are skipped too, not "unmatched". */
  skipped: Set<string>;
};

type VinfoField = keyof typeof VINFO;

/** Plausibility bounds: values beyond them are reported and ignored. */
export const MAX_CORES = 1024;
export const MAX_GIB = 1e9;

function size(c: Columns<VinfoField>, row: Cell[], i: number, field: VinfoField, report: ReportBuilder): number | null {
  const n = c.number(row, field);
  if (n === null) return null;
  if (!n.ok) {
    report.addGrouped('warning', 'bad-value', `vInfo "${c.header[field]}" ${n.reason.replace(/ \(.*\)$/, '')}: value ignored`, c.ref(i, field));
    return null;
  }
  if (n.value < 0) {
    report.addGrouped('warning', 'bad-value', `vInfo "${c.header[field]}" is negative: value ignored`, c.ref(i, field));
    return null;
  }
  const gib = n.value * TO_GIB[unitOfHeader(c.header[field]) ?? 'MiB'];
  if (gib > MAX_GIB) {
    report.addGrouped('warning', 'bad-value', `vInfo "${c.header[field]}" is implausibly large: value ignored`, c.ref(i, field));
    return null;
  }
  return gib;
}

function drsGroups(types: string, names: string, cluster: string): { affinity: string[]; anti: string[] } {
  const affinity: string[] = [];
  const anti: string[] = [];
  if (names === '') return { affinity, anti };
  const nameList = names.split(/\s*[,;|]\s*/).filter((s) => s !== '');
  const typeList = types.split(/\s*[,;|]\s*/).filter((s) => s !== '');
  nameList.forEach((n, k) => {
    const t = (typeList.length === nameList.length ? typeList[k] : types).toLowerCase();
    const group = `drs:${cluster === '' ? 'cluster' : cluster}/${n}`;
    if (/anti|separate/.test(t)) anti.push(group);
    else if (/affin|together|keep/.test(t) || t === '') affinity.push(group);
  });
  return { affinity, anti };
}

export function readVInfo(vInfo: Table, report: ReportBuilder): VmIndex {
  const c = resolveColumns(vInfo, VINFO);
  if (!c.has('vm')) {
    throw new ImportError(`${vInfo.file}, sheet ${vInfo.sheet ?? 'vInfo'}: no VM name column (looked for ${VINFO.vm.join(', ')}; columns found: ${vInfo.headers.slice(0, 20).join(', ') || 'none'})`);
  }
  const count = report.table(vInfo);
  const index: VmIndex = { vms: [], byUuid: new Map(), byName: new Map(), skipped: new Set() };
  const ids = new UniqueIds();
  const byId = new Map<string, VmDraft>();
  const dupNames = new DuplicateGroups();
  const dupUuids = new DuplicateGroups();
  const sharedNames = new DuplicateGroups();
  for (const f of ['memory', 'provisioned', 'inUse'] as const) {
    const h = c.header[f];
    if (h === null) continue;
    const unit = unitOfHeader(h);
    if (unit === null) report.add('info', 'unit-guess', `vInfo "${h}" names no unit: read as MiB (RVTools' unit) and converted to GiB`, [c.ref(-1, f)]);
    else if (/\b(mb|gb)\b/i.test(h)) report.add('info', 'unit-guess', `vInfo "${h}" read as ${unit} (older RVTools label binary units MB/GB) and converted to GiB`, [c.ref(-1, f)]);
  }
  vInfo.rows.forEach((row, i) => {
    const name = c.text(row, 'vm');
    const ref = c.ref(i);
    const skip = (message: string, column: VinfoField | undefined) => {
      count.rowsSkipped++;
      report.addGrouped('warning', 'skipped-row', message, c.ref(i, column));
      if (name !== '') index.skipped.add(name.toLowerCase());
    };
    if (name === '') return skip('vInfo row without a VM name: skipped', 'vm');
    if (parseBool(c.cell(row, 'template')) === true) return skip('VM template (not a workload): skipped', 'template');
    if (parseBool(c.cell(row, 'srmPlaceholder')) === true) return skip('SRM placeholder (a replica, not a workload): skipped', 'srmPlaceholder');
    const vmUuid = c.text(row, 'vmUuid').toLowerCase();
    const sdkUuid = c.text(row, 'sdkUuid').toLowerCase();
    const uuid = vmUuid === '' ? '' : sdkUuid === '' ? vmUuid : `${sdkUuid}:${vmUuid}`;
    if (uuid !== '' && index.byUuid.has(uuid)) {
      const first = index.byUuid.get(uuid);
      count.rowsSkipped++;
      dupUuids.add(uuid, first?.ref ?? ref, c.ref(i, 'vmUuid'), name);
      return;
    }
    const wanted = uuid !== '' ? `vm-${uuid}` : `vm-${slug(name)}`;
    const clash = byId.get(wanted);
    const id = ids.claim(wanted);
    if (clash) dupNames.add(name, clash.ref, c.ref(i, 'vm'), id);
    const sameName = index.byName.get(name.toLowerCase());
    if (sameName && uuid !== '') sharedNames.add(name, sameName[0].ref, c.ref(i, 'vm'));
    const cpus = c.number(row, 'cpus');
    if (cpus && !cpus.ok) report.addGrouped('warning', 'bad-value', `vInfo CPUs ${cpus.reason.replace(/ \(.*\)$/, '')}`, c.ref(i, 'cpus'));
    else if (cpus && (cpus.value < 1 || cpus.value > MAX_CORES)) report.addGrouped('warning', 'bad-value', `vInfo CPUs is outside 1 to ${MAX_CORES}: value ignored`, c.ref(i, 'cpus'));
    const cluster = c.text(row, 'cluster');
    const drs = drsGroups(c.text(row, 'ruleTypes'), c.text(row, 'ruleNames'), cluster);
    const vm: VmDraft = {
      id,
      name,
      uuid,
      ref,
      powerState: c.text(row, 'powerState'),
      host: c.text(row, 'host'),
      cluster,
      datacenter: c.text(row, 'datacenter'),
      os: c.text(row, 'osTools') || c.text(row, 'osConfig'),
      cores: cpus?.ok && cpus.value >= 1 && cpus.value <= MAX_CORES ? Math.round(cpus.value) : null,
      memoryGiB: size(c, row, i, 'memory', report),
      provisionedGiB: size(c, row, i, 'provisioned', report) ?? size(c, row, i, 'totalDisk', report),
      inUseGiB: size(c, row, i, 'inUse', report),
      diskGiB: 0,
      blockers: [],
      affinityGroups: drs.affinity,
      antiAffinityGroups: drs.anti,
    };
    const ft = c.text(row, 'ftState');
    if (ft !== '' && !/^(notconfigured|disabled|off|none)$/i.test(ft)) {
      vm.blockers.push({ kind: 'fault-tolerance', detail: `Fault tolerance ${ft}${c.text(row, 'ftRole') ? ` (role ${c.text(row, 'ftRole')})` : ''}`, hard: false });
    }
    byId.set(id, vm);
    index.vms.push(vm);
    if (uuid !== '') index.byUuid.set(uuid, vm);
    if (vmUuid !== '' && vmUuid !== uuid) index.byUuid.set(vmUuid, vm);
    if (sameName) sameName.push(vm);
    else index.byName.set(name.toLowerCase(), [vm]);
    count.rowsUsed++;
  });
  for (const g of dupNames.list()) {
    report.add('warning', 'duplicate', `duplicate VM name "${g.key}" without a VM UUID: ${g.later.length} later row${g.later.length === 1 ? '' : 's'} imported as ${describeRenames(g.renamedTo)}`, [g.first, ...g.later]);
  }
  for (const g of dupUuids.list()) {
    const again = g.later.length === 1 ? 'twice' : `${g.later.length + 1} times`;
    report.add('warning', 'duplicate', `VM UUID ${g.key} appears ${again} (later rows: ${describeRenames(g.renamedTo)}): the later rows are skipped`, [g.first, ...g.later]);
  }
  for (const g of sharedNames.list()) {
    report.add('warning', 'duplicate', `VM name "${g.key}" is used by ${g.later.length + 1} VMs (different UUIDs): all imported; detail sheets match them by UUID where they can`, [g.first, ...g.later]);
  }
  return index;
}
