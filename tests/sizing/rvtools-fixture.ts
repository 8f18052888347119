/**
 * A small RVTools export built from the documented layout (RVTools 4.x column names) with vHost usage: two
 * clusters, FQDN host names in vHost and short ones in vInfo, snapshot usage from vInfo "CPU Usage %" and vCPU
 * "Overall", VMs without any snapshot, a powered-off VM, retired-looking names and a few bad usage cells.
 */
import type { Cell, Table } from '../../core/import/table.ts';

const FILE = 'usage-export.xlsx';

function sheet(name: string, headers: string[], rows: Cell[][]): Table {
  return { file: FILE, sheet: name, headers, rows, rowNumbers: rows.map((_, i) => i + 2) };
}

export const E5_V1 = 'Intel(R) Xeon(R) CPU E5-2680 0 @ 2.70GHz';
export const GOLD = 'Intel(R) Xeon(R) Gold 6248R CPU @ 3.00GHz';

/** vHost rows: name, cluster, model, MHz, cores, CPU usage %, memory MiB, memory usage %, # VMs. */
export const HOSTS: [string, string, string, number, number, number, number, number, number][] = [
  ['esx01.corp.example', 'Old', E5_V1, 2700, 16, 35, 131072, 60, 4],
  ['esx02.corp.example', 'Old', E5_V1, 2700, 16, 50, 98304, 50, 3],
  ['esx03.corp.example', 'New', GOLD, 3000, 48, 20, 131072, 40, 3],
];

/** vInfo rows: name, power, CPUs, memory MiB, host (short or FQDN), cluster, CPU usage % (or a bad cell). */
const VMS: [string, string, number, number, string, string, Cell][] = [
  ['app-01', 'poweredOn', 4, 16384, 'esx01', 'Old', 20],
  ['app-02', 'poweredOn', 8, 32768, 'esx01', 'Old', 10],
  ['db-01', 'poweredOn', 8, 65536, 'esx01', 'Old', null],
  ['web-01', 'poweredOn', 2, 4096, 'esx01.corp.example', 'Old', null],
  ['web-02', 'poweredOn', 2, 4096, 'ESX02', 'Old', 150],
  ['web-03', 'poweredOn', 2, 4096, 'esx02', 'Old', -5],
  ['batch-01', 'poweredOn', 16, 65536, 'esx02', 'Old', 'abc'],
  ['crm-01', 'poweredOn', 8, 32768, 'esx03', 'New', 30],
  ['crm-02', 'poweredOn', 8, 32768, 'esx03', 'New', 5],
  ['crm-old', 'poweredOn', 4, 8192, 'esx03', 'New', 1],
  ['legacy-RIP', 'poweredOff', 4, 8192, 'esx03', 'New', null],
];

export function usageExport(): Table[] {
  return [
    sheet(
      'vInfo',
      ['VM', 'Powerstate', 'Template', 'CPUs', 'Memory', 'Host', 'Cluster', 'Datacenter', 'Provisioned MiB', 'CPU Usage %'],
      VMS.map(([vm, power, cpus, mem, host, cluster, usage]) => [vm, power, 'False', cpus, mem, host, cluster, 'DC1', 102400, usage]),
    ),
    // vCPU "Overall" (MHz) for db-01 only: 4,320 MHz of 8 x 2,700 = 20 %.
    sheet('vCPU', ['VM', 'CPUs', 'Overall'], [['db-01', 8, 4320]]),
    sheet('vMemory', ['VM', 'Size MiB', 'Active', 'Consumed'], [['app-01', 16384, 4096, 8192], ['db-01', 65536, 20000, 60000]]),
    sheet(
      'vHost',
      ['Host', 'Datacenter', 'Cluster', 'CPU Model', 'Speed', '# Cores', 'CPU usage %', '# Memory', 'Memory usage %', '# VMs'],
      HOSTS.map(([h, cl, model, mhz, cores, cpu, mem, memPct, vms]) => [h, 'DC1', cl, model, mhz, cores, cpu, mem, memPct, vms]),
    ),
  ];
}
