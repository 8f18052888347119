/**
 * The per-VM detail sheets (vCPU, vMemory, vDisk, vPartition, vNetwork, vUSB): they fill what vInfo lacks
 * and reveal what makes a VM hard or impossible to move (USB devices, raw device mappings, shared disks,
 * PCI passthrough NICs). Every row is matched to a vInfo VM by UUID, else by name; rows of skipped VMs are
 * skipped, rows of unknown VMs are listed as unmatched.
 */
import { resolveColumns, TO_GIB, unitOfHeader, type Columns } from './columns.ts';
import type { ReportBuilder, TableCount } from './report.ts';
import { MAX_CORES, MAX_GIB, usageValue, type VmDraft, type VmIndex } from './rvtools-vms.ts';
import { VCPU, VDISK, VMEMORY, VNETWORK, VPARTITION, VUSB } from './rvtools-sheets.ts';
import { parseBool, type Cell, type Table } from './table.ts';

type Base = 'vm' | 'vmUuid';

function eachVmRow<A extends Record<Base, readonly string[]> & Record<string, readonly string[]>>(
  table: Table,
  aliases: A,
  vms: VmIndex,
  report: ReportBuilder,
  use: (vm: VmDraft, row: Cell[], i: number, c: Columns<keyof A & string>) => void,
): TableCount {
  const c = resolveColumns<keyof A & string>(table, aliases);
  const count = report.table(table);
  const sheet = table.sheet ?? table.file;
  table.rows.forEach((row, i) => {
    const name = c.text(row, 'vm');
    const uuid = c.text(row, 'vmUuid').toLowerCase();
    const byName = vms.byName.get(name.toLowerCase());
    const vm = (uuid !== '' ? vms.byUuid.get(uuid) : undefined) ?? byName?.[0];
    if (vm) {
      count.rowsUsed++;
      use(vm, row, i, c);
    } else if (name !== '' && vms.skipped.has(name.toLowerCase())) {
      count.rowsSkipped++;
      report.addGrouped('info', 'skipped-row', `${sheet} rows of VMs skipped in vInfo (templates, placeholders): skipped`, c.ref(i, 'vm'));
    } else {
      count.rowsSkipped++;
      report.addGrouped('warning', 'unmatched', name === '' ? `${sheet} row without a VM name: skipped` : `${sheet} row for a VM that is not in vInfo: skipped`, c.ref(i, 'vm'));
    }
  });
  return count;
}

function block(vm: VmDraft, kind: VmDraft['blockers'][number]['kind'], detail: string, hard: boolean): void {
  if (!vm.blockers.some((b) => b.kind === kind && b.detail === detail)) vm.blockers.push({ kind, detail, hard });
}

export function applyDetails(sheets: ReadonlyMap<string, Table>, vms: VmIndex, report: ReportBuilder): void {
  const cpuFallback = new Map<VmDraft, number>();
  const memFallback = new Map<VmDraft, number>();
  const vCPU = sheets.get('vcpu');
  if (vCPU) {
    eachVmRow(vCPU, VCPU, vms, report, (vm, row, i, c) => {
      const n = c.number(row, 'cpus');
      if (n?.ok && n.value >= 1 && n.value <= MAX_CORES) cpuFallback.set(vm, Math.round(n.value));
      else if (n && !n.ok) report.addGrouped('warning', 'bad-value', `vCPU CPUs ${n.reason.replace(/ \(.*\)$/, '')}: value ignored`, c.ref(i, 'cpus'));
      vm.usage.cpuMHz = usageValue(c as Columns<string>, row, i, 'overallMHz', false, report) ?? vm.usage.cpuMHz;
    });
  }
  const vMemory = sheets.get('vmemory');
  if (vMemory) {
    eachVmRow(vMemory, VMEMORY, vms, report, (vm, row, i, c) => {
      const n = c.number(row, 'size');
      if (n?.ok && n.value > 0 && n.value * TO_GIB[unitOfHeader(c.header.size) ?? 'MiB'] <= MAX_GIB) memFallback.set(vm, n.value * TO_GIB[unitOfHeader(c.header.size) ?? 'MiB']);
      else if (n && !n.ok) report.addGrouped('warning', 'bad-value', `vMemory size ${n.reason.replace(/ \(.*\)$/, '')}: value ignored`, c.ref(i, 'size'));
      vm.usage.memActiveMiB = usageValue(c as Columns<string>, row, i, 'active', false, report) ?? vm.usage.memActiveMiB;
      vm.usage.memConsumedMiB = usageValue(c as Columns<string>, row, i, 'consumed', false, report) ?? vm.usage.memConsumedMiB;
    });
  }
  for (const vm of vms.vms) {
    const cpus = cpuFallback.get(vm);
    if (vm.cores === null && cpus !== undefined) {
      vm.cores = cpus;
      report.addGrouped('info', 'missing-field', 'vInfo CPUs empty: taken from vCPU', { ...vm.ref, column: 'CPUs' });
    }
    const mem = memFallback.get(vm);
    if ((vm.memoryGiB === null || vm.memoryGiB === 0) && mem !== undefined) {
      vm.memoryGiB = mem;
      report.addGrouped('info', 'missing-field', 'vInfo Memory empty: taken from vMemory', { ...vm.ref, column: 'Memory' });
    }
  }
  const vDisk = sheets.get('vdisk');
  if (vDisk) {
    eachVmRow(vDisk, VDISK, vms, report, (vm, row, i, c) => {
      const n = c.number(row, 'capacity');
      if (n?.ok && n.value > 0 && n.value * TO_GIB[unitOfHeader(c.header.capacity) ?? 'MiB'] <= MAX_GIB) vm.diskGiB += n.value * TO_GIB[unitOfHeader(c.header.capacity) ?? 'MiB'];
      const disk = c.text(row, 'disk') || `row ${c.ref(i).row}`;
      if (parseBool(c.cell(row, 'raw')) === true || c.text(row, 'rawLun') !== '') {
        const mode = c.text(row, 'rawMode');
        block(vm, 'raw-device-mapping', `${disk}: raw device mapping${mode ? ` (${mode})` : ''}`, true);
      }
      const sharing = c.text(row, 'sharingMode').toLowerCase();
      const bus = c.text(row, 'sharedBus').toLowerCase();
      if ((sharing !== '' && !/^(sharingnone|none|nosharing|unspecified)$/.test(sharing)) || (bus !== '' && !/^(nosharing|none|unspecified)$/.test(bus))) {
        block(vm, 'shared-disk', `${disk}: shared disk (${[c.text(row, 'sharingMode'), c.text(row, 'sharedBus')].filter((s) => s !== '').join(', ')})`, true);
      }
    });
  }
  const vPartition = sheets.get('vpartition');
  if (vPartition) {
    // Space in use per VM: the sum of its partitions' consumed space, where vInfo has no "In Use" column.
    const used = new Map<VmDraft, number>();
    eachVmRow(vPartition, VPARTITION, vms, report, (vm, row, _i, c) => {
      const n = c.number(row, 'consumed');
      const gib = n?.ok && n.value > 0 ? n.value * TO_GIB[unitOfHeader(c.header.consumed) ?? 'MiB'] : 0;
      if (gib <= MAX_GIB) used.set(vm, (used.get(vm) ?? 0) + gib);
    });
    for (const [vm, gib] of used) if (vm.inUseGiB === null) vm.inUseGiB = gib;
  }
  const vNetwork = sheets.get('vnetwork');
  if (vNetwork) {
    eachVmRow(vNetwork, VNETWORK, vms, report, (vm, row, _i, c) => {
      const adapter = c.text(row, 'adapter');
      if (/passthru|passthrough|sriov|sr-iov/i.test(adapter)) block(vm, 'pci-passthrough', `network adapter ${adapter}`, true);
    });
  }
  const vUSB = sheets.get('vusb');
  if (vUSB) {
    eachVmRow(vUSB, VUSB, vms, report, (vm, row, _i, c) => {
      const type = c.text(row, 'deviceType');
      if (/controller/i.test(type) && !/device/i.test(type)) return; // a USB controller alone does not bind the VM
      const connected = parseBool(c.cell(row, 'connected')) === true;
      const what = [c.text(row, 'deviceNode'), type].filter((s) => s !== '').join(', ') || 'USB device';
      block(vm, 'usb-dongle', `${what}${connected ? ' (connected)' : ' (not connected)'}`, connected);
    });
  }
}
