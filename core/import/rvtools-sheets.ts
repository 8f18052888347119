/**
 * RVTools sheet layouts: the columns the importer reads from each sheet, with the header variants seen
 * across RVTools versions (xlsx headers, older "MB" headers, and the prefixed names of the CSV export,
 * e.g. "vInfoVMName", "vInfoProvisioned"). Matching is case/space/punctuation-insensitive (columns.ts).
 */

export const RVTOOLS_SHEETS = ['vInfo', 'vHost', 'vCluster', 'vCPU', 'vMemory', 'vDisk', 'vPartition', 'vNetwork', 'vUSB'] as const;
export type RvSheet = (typeof RVTOOLS_SHEETS)[number];

const VM = ['VM', 'VM Name', 'VMName', 'Name'];
const VM_UUID = ['VM UUID', 'UUID', 'VMUUID'];
const SDK_UUID = ['VI SDK UUID', 'VISDKUUID', 'VI SDK Server UUID'];

export const VINFO = {
  vm: VM,
  powerState: ['Powerstate', 'Power state', 'PowerState'],
  template: ['Template'],
  srmPlaceholder: ['SRM Placeholder', 'SRMPlaceHolder'],
  cpus: ['CPUs', 'Num CPU', 'vCPUs', 'CPU'],
  memory: ['Memory', 'Memory MiB', 'Memory MB', 'Memory GiB', 'Memory GB'],
  provisioned: ['Provisioned MiB', 'Provisioned MB', 'Provisioned GiB', 'Provisioned GB', 'Provisioned'],
  inUse: ['In Use MiB', 'In Use MB', 'In Use GiB', 'In Use GB', 'InUse', 'In Use'],
  totalDisk: ['Total disk capacity MiB', 'Total disk capacity MB', 'Total disk capacity'],
  datacenter: ['Datacenter', 'DataCenter', 'Data Center'],
  cluster: ['Cluster'],
  host: ['Host', 'ESX Host'],
  osConfig: ['OS according to the configuration file', 'OS', 'Guest OS'],
  osTools: ['OS according to the VMware Tools', 'OSTools', 'OS Tools'],
  vmUuid: VM_UUID,
  sdkUuid: SDK_UUID,
  vmId: ['VM ID', 'VMID', 'Object ID'],
  ftState: ['FT State', 'FTState'],
  ftRole: ['FT Role', 'FTRole'],
  ruleTypes: ['Cluster rule(s)', 'Cluster rules', 'ClusterRules'],
  ruleNames: ['Cluster rule name(s)', 'Cluster rule names', 'ClusterRuleNames'],
  creationDate: ['Creation date', 'CreationDate'],
  cpuUsagePct: ['CPU Usage %', 'CPU usage', 'CPUUsage'],
  activeMemory: ['Active Memory', 'Active Memory MiB', 'Active Memory MB'],
} as const;

export const VHOST = {
  host: ['Host', 'Name'],
  datacenter: ['Datacenter', 'DataCenter'],
  cluster: ['Cluster'],
  cpuModel: ['CPU Model', 'CPUModel'],
  speedMHz: ['Speed', 'Speed MHz', 'CPU Speed'],
  sockets: ['# CPU', 'CPU', 'Num CPU', 'Sockets'],
  coresPerCpu: ['Cores per CPU', 'CoresPerCPU'],
  cores: ['# Cores', 'Cores', 'NumCores', 'NumCpuCores'],
  memory: ['# Memory', 'Memory', 'Memory MiB', 'Memory MB'],
  vendor: ['Vendor'],
  model: ['Model'],
  timeZone: ['Time Zone Name', 'Time Zone'],
  cpuUsagePct: ['CPU usage %', 'CPU Usage', 'CPUUsage'],
  memUsagePct: ['Memory usage %', 'Memory Usage', 'MemoryUsage'],
  vmsOn: ['# VMs', 'VMs', 'NumVMs'],
} as const;

export const VCLUSTER = {
  cluster: ['Cluster', 'Name'],
  datacenter: ['Datacenter', 'DataCenter'],
} as const;

export const VCPU = { vm: VM, vmUuid: VM_UUID, cpus: ['CPUs', 'Num CPU'], overallMHz: ['Overall', 'Overall MHz'] } as const;
export const VMEMORY = {
  vm: VM,
  vmUuid: VM_UUID,
  size: ['Size MiB', 'Size MB', 'Size GiB', 'Size'],
  active: ['Active', 'Active MiB', 'Active MB'],
  consumed: ['Consumed', 'Consumed MiB', 'Consumed MB'],
} as const;
export const VDISK = {
  vm: VM,
  vmUuid: VM_UUID,
  disk: ['Disk'],
  capacity: ['Capacity MiB', 'Capacity MB', 'Capacity GiB', 'Capacity'],
  raw: ['Raw'],
  rawLun: ['Raw LUN ID', 'RawLUNID'],
  rawMode: ['Raw Comp. Mode', 'Raw Comp Mode'],
  sharingMode: ['Sharing mode', 'SharingMode', 'Sharing'],
  sharedBus: ['Shared Bus', 'SharedBus'],
} as const;
export const VPARTITION = { vm: VM, vmUuid: VM_UUID, consumed: ['Consumed MiB', 'Consumed MB', 'Consumed'] } as const;
export const VNETWORK = { vm: VM, vmUuid: VM_UUID, adapter: ['Adapter'], network: ['Network'] } as const;
export const VUSB = { vm: VM, vmUuid: VM_UUID, deviceType: ['Device Type', 'DeviceType'], deviceNode: ['Device Node', 'Device'], connected: ['Connected'] } as const;

/** "RVTools_tabvInfo.csv" -> "vInfo"; null when the name is not an RVTools per-sheet CSV export. */
export function rvtoolsSheetOfCsvName(fileName: string): string | null {
  const m = /^rvtools_tab([a-z_]+)\.csv$/i.exec(fileName.replace(/^.*[\\/]/, ''));
  if (!m) return null;
  const lower = m[1].toLowerCase();
  return RVTOOLS_SHEETS.find((s) => s.toLowerCase() === lower) ?? m[1];
}
