/** Test helpers: temporary folders and small RVTools-like workbooks built with exceljs. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const fixtures = path.join(repoRoot, 'tests/fixtures/import');
export const sharedRvtools = path.resolve(repoRoot, '../shared/data/rvtools');

export async function withTmp<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cwb-import-'));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

type Rows = (string | number | boolean | Date | null)[][];

function sheet(wb: ExcelJS.Workbook, name: string, rows: Rows): void {
  const ws = wb.addWorksheet(name);
  for (const r of rows) ws.addRow(r);
}

/**
 * An RVTools-like export: 6 vInfo rows (4 VMs imported, 1 template, 1 duplicate UUID), 2 hosts, blockers
 * of every kind, a DRS rule. variant "mib" uses current headers, "mb" the older "Provisioned MB" style.
 */
export async function writeRvtoolsXlsx(file: string, variant: 'mib' | 'mb'): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const u = variant === 'mib' ? 'MiB' : 'MB';
  const created = new Date(Date.UTC(2025, 0, 15, 10, 0, 0));
  sheet(wb, 'vInfo', [
    ['VM', 'Powerstate', 'Template', 'CPUs', variant === 'mib' ? 'Memory' : 'Memory MB', `Provisioned ${u}`, `In Use ${u}`, 'Datacenter', 'Cluster', 'Host', 'OS according to the configuration file', 'OS according to the VMware Tools', 'FT State', 'Cluster rule(s)', 'Cluster rule name(s)', 'Creation date', 'VM UUID'],
    ['web-01', 'poweredOn', 'False', 2, 8192, 102400, 51200, 'DC-North', 'Prod', 'esx-a', 'Ubuntu Linux (64-bit)', '', 'notConfigured', 'affinity', 'web-pair', created, '4211aaaa-0000-0000-0000-000000000001'],
    ['web-02', 'poweredOn', 'False', 2, 8192, 102400, 51200, 'DC-North', 'Prod', 'esx-b', 'Ubuntu Linux (64-bit)', 'Ubuntu 22.04', 'notConfigured', 'anti-affinity', 'web-spread', created, '4211aaaa-0000-0000-0000-000000000002'],
    ['db-01', 'poweredOff', 'False', 'eight', 65536, 512000, 400000, 'DC-North', 'Prod', 'esx-a', 'Red Hat Enterprise Linux 8 (64-bit)', '', 'running', '', '', created, '4211aaaa-0000-0000-0000-000000000003'],
    ['ft-01', 'poweredOn', 'False', 1, 2048, 20480, 10240, 'DC-South', 'Edge', 'esx-c', 'Windows Server 2019', '', 'running', '', '', created, '4211aaaa-0000-0000-0000-000000000004'],
    ['tmpl-01', 'poweredOff', 'True', 2, 4096, 40960, 0, 'DC-North', 'Prod', 'esx-a', 'Windows Server 2019', '', '', '', '', created, '4211aaaa-0000-0000-0000-000000000005'],
    ['web-01-copy', 'poweredOn', 'False', 2, 8192, 102400, 51200, 'DC-North', 'Prod', 'esx-a', 'Ubuntu Linux (64-bit)', '', '', '', '', created, '4211aaaa-0000-0000-0000-000000000001'],
  ]);
  sheet(wb, 'vHost', [
    ['Host', 'Datacenter', 'Cluster', 'CPU Model', 'Speed', '# CPU', 'Cores per CPU', '# Cores', 'Time Zone Name'],
    ['esx-a', 'DC-North', 'Prod', 'Intel(R) Xeon(R) Gold 6230 CPU @ 2.10GHz', 2100, 2, 20, 40, 'Europe/Berlin'],
    ['esx-b', 'DC-North', 'Prod', 'Intel(R) Xeon(R) Gold 6348 CPU @ 2.60GHz', null, 2, 28, 56, 'Europe/Berlin'],
  ]);
  sheet(wb, 'vCluster', [['Name', 'Datacenter'], ['Prod', 'DC-North'], ['Edge', 'DC-South']]);
  sheet(wb, 'vCPU', [['VM', 'CPUs'], ['web-01', 2], ['web-02', 2], ['db-01', 8], ['ft-01', 1], ['tmpl-01', 2]]);
  sheet(wb, 'vMemory', [[`VM`, `Size ${u}`], ['web-01', 8192], ['web-02', 8192], ['db-01', 65536], ['ft-01', 2048]]);
  sheet(wb, 'vDisk', [
    ['VM', 'Disk', `Capacity ${u}`, 'Raw', 'Sharing mode', 'Shared Bus'],
    ['web-01', 'Hard disk 1', 102400, 'False', 'sharingNone', 'noSharing'],
    ['db-01', 'Hard disk 1', 102400, 'False', 'sharingNone', 'noSharing'],
    ['db-01', 'Hard disk 2', 409600, 'True', 'sharingNone', 'noSharing'],
    ['web-02', 'Hard disk 2', 1024, 'False', 'sharingMultiWriter', 'noSharing'],
    ['ghost-vm', 'Hard disk 1', 1024, 'False', 'sharingNone', 'noSharing'],
  ]);
  sheet(wb, 'vNetwork', [['VM', 'Adapter', 'Network'], ['web-01', 'Vmxnet3', 'app'], ['ft-01', 'PCIPassthru', 'edge']]);
  sheet(wb, 'vUSB', [['VM', 'Device Node', 'Device Type', 'Connected'], ['web-01', 'USB controller 1', 'controller', false], ['ft-01', 'USB 1', 'Aladdin HASP dongle', true]]);
  sheet(wb, 'vPartition', [['VM', 'Disk', `Consumed ${u}`], ['web-01', '/', 4096], ['tmpl-01', 'C:\\', 2048]]);
  sheet(wb, 'vSnapshot', [['VM', 'Snapshot'], ['web-01', 'before-upgrade']]);
  await wb.xlsx.writeFile(file);
}
