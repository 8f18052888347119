import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../core/import/errors.ts';
import { formatReport, type QualityReport } from '../../core/import/report.ts';
import { mapRvtools } from '../../core/import/rvtools.ts';
import { ratingFromClock } from '../../core/import/rvtools-hosts.ts';
import { rvtoolsSheetOfCsvName } from '../../core/import/rvtools-sheets.ts';
import { readXlsx } from '../../electron/services/import/read-xlsx.ts';
import { importFiles } from '../../electron/services/import/import-files.ts';
import { fixtures, withTmp, writeRvtoolsXlsx } from './helpers.ts';

const table = (report: QualityReport, sheet: string) => report.tables.find((t) => t.sheet === sheet);
const issue = (report: QualityReport, text: string) => report.issues.find((i) => i.message.includes(text));

describe.each(['mib', 'mb'] as const)('RVTools xlsx (%s headers)', (variant) => {
  it('maps VMs, hosts, sites, blockers and DRS groups, and accounts for every row', async () => {
    await withTmp(async (dir) => {
      const file = path.join(dir, `rv-${variant}.xlsx`);
      await writeRvtoolsXlsx(file, variant);
      const result = mapRvtools(await readXlsx(file));
      const byName = new Map(result.servers.map((s) => [s.name, s]));
      expect([...byName.keys()].sort()).toEqual(['db-01', 'ft-01', 'web-01', 'web-02']);

      const web1 = byName.get('web-01');
      expect(web1).toMatchObject({ id: 'vm-4211aaaa-0000-0000-0000-000000000001', sourceKind: 'vm', sourceHost: 'esx-a', sourceCluster: 'Prod', cores: 2, memoryGiB: 8, storageGiB: 100, ratingPerCore: 55, virtualisable: true, blocker: null, os: 'Ubuntu Linux (64-bit)', departmentId: 'unassigned', dataCentreId: 'dc-dc-north' });
      expect(web1?.affinityGroups).toEqual(['drs:Prod/web-pair']);

      const web2 = byName.get('web-02');
      expect(web2?.os).toBe('Ubuntu 22.04'); // the Tools' OS wins over the configuration file's
      expect(web2?.ratingPerCore).toBe(66); // catalogue: Ice Lake 58 x sqrt(2.6 / 2.0) (web-01: Cascade Lake 58 x sqrt(2.1 / 2.3))
      expect(web2?.antiAffinityGroups).toEqual(['drs:Prod/web-spread']);
      expect(web2).toMatchObject({ virtualisable: false, blocker: { kind: 'shared-disk' } });

      const db = byName.get('db-01');
      expect(db).toMatchObject({ cores: 8, memoryGiB: 64, storageGiB: 500, virtualisable: false, blocker: { kind: 'raw-device-mapping' } });
      expect(db?.blocker?.detail).toMatch(/Fault tolerance running/);

      const ft = byName.get('ft-01');
      expect(ft).toMatchObject({ virtualisable: false, blocker: { kind: 'pci-passthrough' }, ratingPerCore: 40, dataCentreId: 'dc-dc-south' });
      expect(ft?.blocker?.detail).toMatch(/dongle.*connected/i);

      expect(result.dataCentres.map((d) => d.id).sort()).toEqual(['dc-dc-north', 'dc-dc-south']);
      // DC-North's hosts all say Europe/Berlin; DC-South has no vHost row: UTC. Coordinates are unknown.
      expect(result.dataCentres.map((d) => [d.id, d.timeZone, d.latitude, d.longitude])).toEqual([['dc-dc-north', 'Europe/Berlin', null, null], ['dc-dc-south', 'UTC', null, null]]);
      const r = result.report;
      expect(r.counts).toMatchObject({ serversImported: 4, hosts: 3, clusters: 2, dataCentres: 2, blockedServers: 3 });
      expect(table(r, 'vInfo')).toMatchObject({ rowsRead: 6, rowsUsed: 4, rowsSkipped: 2 });
      expect(table(r, 'vDisk')).toMatchObject({ rowsRead: 5, rowsUsed: 4, rowsSkipped: 1 });
      expect(table(r, 'vCPU')).toMatchObject({ rowsRead: 5, rowsUsed: 4, rowsSkipped: 1 });
      for (const t of r.tables) expect(t.rowsUsed + t.rowsSkipped).toBe(t.rowsRead);

      expect(issue(r, 'template')?.at).toEqual([{ file: `rv-${variant}.xlsx`, sheet: 'vInfo', row: 6, column: 'Template' }]);
      expect(issue(r, 'appears twice')?.at[1]).toMatchObject({ sheet: 'vInfo', row: 7, column: 'VM UUID' });
      expect(issue(r, 'not in vInfo')?.at).toEqual([{ file: `rv-${variant}.xlsx`, sheet: 'vDisk', row: 6, column: 'VM' }]);
      expect(issue(r, 'vInfo CPUs is not a number')?.at[0]).toMatchObject({ row: 4, column: 'CPUs' });
      expect(issue(r, 'sheets not used')?.message).toMatch(/vSnapshot/);
      if (variant === 'mb') expect(issue(r, '"Provisioned MB" read as MiB')).toBeDefined();
      else expect(issue(r, '"Memory" names no unit')).toBeDefined();
      expect(issue(r, 'placeholder department "unassigned"')).toBeDefined();
      const text = formatReport(r);
      expect(text.split('\n')[0]).toBe(`4 servers imported from 1 file: rv-${variant}.xlsx`);
      expect(text).toContain(`at rv-${variant}.xlsx, sheet vDisk, row 6, column "VM"`);
    });
  });
});

describe('RVTools CSV export set', () => {
  it('reads RVTools_tab<sheet>.csv files with prefixed headers as one export', async () => {
    const dir = path.join(fixtures, 'rvtools-csv');
    const files = ['RVTools_tabvInfo.csv', 'RVTools_tabvHost.csv', 'RVTools_tabvDisk.csv'].map((f) => path.join(dir, f));
    const { project, report } = await importFiles(files);
    const servers = project.estate.servers;
    expect(servers.map((s) => s.name).sort()).toEqual(['app-01', 'app-02']);
    const app1 = servers.find((s) => s.name === 'app-01');
    expect(app1).toMatchObject({ id: 'vm-4210a1b2-0000-0000-0000-000000000001', cores: 4, memoryGiB: 8, storageGiB: 200, ratingPerCore: 60, os: 'Microsoft Windows Server 2019 (64-bit)', dataCentreId: 'dc-dc-east' });
    expect(servers.find((s) => s.name === 'app-02')).toMatchObject({ virtualisable: false, blocker: { kind: 'raw-device-mapping' }, ratingPerCore: 60 }); // catalogue: 58 x sqrt(2.5 / 2.3)
    expect(report.tables.find((t) => t.sheet === 'vInfo')).toMatchObject({ rowsRead: 3, rowsUsed: 2, rowsSkipped: 1 });
    expect(report.tables.find((t) => t.sheet === 'vDisk')).toMatchObject({ rowsRead: 4, rowsUsed: 2, rowsSkipped: 2 });
    expect(report.issues.find((i) => i.kind === 'unmatched')?.at[0]).toMatchObject({ file: 'RVTools_tabvDisk.csv', sheet: 'vDisk', row: 5, column: 'vDiskVMName' });
    expect(project.estate.scenarios[0].keptDataCentreIds).toEqual(['dc-dc-east']);
  });

  it('knows the sheet a CSV export file stands for', () => {
    expect(rvtoolsSheetOfCsvName('/x/RVTools_tabvInfo.csv')).toBe('vInfo');
    expect(rvtoolsSheetOfCsvName('rvtools_tabVDISK.csv')).toBe('vDisk');
    expect(rvtoolsSheetOfCsvName('inventory.csv')).toBeNull();
  });
});

describe('RVTools bad input', () => {
  it('names the sheets found when there is no vInfo', async () => {
    await withTmp(async (dir) => {
      const ExcelJS = (await import('exceljs')).default;
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('Servers').addRow(['Name']);
      wb.addWorksheet('Notes').addRow(['x']);
      const file = path.join(dir, 'book.xlsx');
      await wb.xlsx.writeFile(file);
      await expect(importFiles([file])).rejects.toThrow(/book\.xlsx: no vInfo sheet.*sheets found: Servers, Notes/);
    });
  });

  it('rejects truncated, non-zip and oversized workbooks with a message naming the file', async () => {
    await withTmp(async (dir) => {
      const good = path.join(dir, 'good.xlsx');
      await writeRvtoolsXlsx(good, 'mib');
      const bytes = await (await import('node:fs/promises')).readFile(good);
      const cut = path.join(dir, 'cut.xlsx');
      await writeFile(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
      await expect(readXlsx(cut)).rejects.toThrow(/cut\.xlsx: cannot read the workbook; it looks truncated or damaged/);
      const text = path.join(dir, 'text.xlsx');
      await writeFile(text, 'VM,CPUs\nweb,2\n');
      await expect(readXlsx(text)).rejects.toThrow(/text\.xlsx: not an xlsx workbook/);
      await expect(readXlsx(good, { maxBytes: 1000 })).rejects.toThrow(/good\.xlsx: the file is .* above the import limit of 1000 bytes/);
      await expect(readXlsx(path.join(dir, 'missing.xlsx'))).rejects.toBeInstanceOf(ImportError);
    });
  });

  it('sizes storage from space in use on request, from vPartition when vInfo has no In Use column', () => {
    const vInfo = { file: 'e.xlsx', sheet: 'vInfo', headers: ['VM', 'CPUs', 'Memory', 'Provisioned MiB'], rows: [['a', 2, 2048, 10240]], rowNumbers: [2] };
    const vPartition = { file: 'e.xlsx', sheet: 'vPartition', headers: ['VM', 'Disk', 'Consumed MiB'], rows: [['a', '/', 1024], ['a', '/data', 2048]], rowNumbers: [2, 3] };
    expect(mapRvtools([vInfo, vPartition]).servers[0].storageGiB).toBe(10);
    expect(mapRvtools([vInfo, vPartition], { storageBasis: 'in-use' }).servers[0].storageGiB).toBe(3);
  });

  it('a vInfo without a VM column is an error naming the columns found', () => {
    expect(() => mapRvtools([{ file: 'e.xlsx', sheet: 'vInfo', headers: ['Machine', 'CPUs'], rows: [], rowNumbers: [] }])).toThrow(/e\.xlsx, sheet vInfo: no VM name column .*columns found: Machine, CPUs/);
  });

  it('rates cores from the clock: 20 per GHz', () => {
    expect(ratingFromClock(2300, '')).toBe(46);
    expect(ratingFromClock(null, 'Intel(R) Xeon(R) Gold 5218 CPU @ 2.30GHz')).toBe(46);
    expect(ratingFromClock(null, 'AMD EPYC 7763')).toBeNull();
    expect(ratingFromClock(0, '')).toBeNull();
    // A clock that rounds to a rating of 0 (fuzzing found 2.475e-321 MHz) is no clock: the model text or nothing.
    expect(ratingFromClock(2.475e-321, '')).toBeNull();
    expect(ratingFromClock(0.5, '')).toBeNull();
    expect(ratingFromClock(0.5, 'Xeon @ 2.30GHz')).toBe(46);
    expect(ratingFromClock(23000, 'Xeon @ 2.30GHz')).toBe(46);
    expect(ratingFromClock(100, '')).toBe(2);
  });

  it('warns about a vHost Speed out of range and rates from the CPU model instead', () => {
    const vInfo = { file: 'e.xlsx', sheet: 'vInfo', headers: ['VM', 'CPUs', 'Host'], rows: [['a', 2, 'esx1'], ['b', 2, 'esx2']], rowNumbers: [2, 3] };
    const vHost = { file: 'e.xlsx', sheet: 'vHost', headers: ['Host', 'CPU Model', 'Speed'], rows: [['esx1', 'Xeon @ 2.30GHz', 0.5], ['esx2', 'Xeon @ 2.00GHz', 2600]], rowNumbers: [2, 3] };
    const r = mapRvtools([vInfo, vHost]);
    expect(r.servers.map((s) => s.ratingPerCore)).toEqual([46, 52]);
    const w = issue(r.report, 'vHost Speed outside 100-10,000 MHz');
    expect(w?.severity).toBe('warning');
    expect(w?.at).toHaveLength(1);
  });

  it('never throws for a vInfo with junk cells; lists what it could not use', () => {
    const result = mapRvtools([
      { file: 'x.csv', sheet: 'vInfo', headers: ['VM', 'CPUs', 'Memory', 'Provisioned MiB'], rows: [['a', 'x', -5, 'many'], ['', 2, 1024, 1], ['b', null, null, null]], rowNumbers: [2, 3, 4] },
    ]);
    expect(result.servers.map((s) => [s.name, s.cores, s.memoryGiB, s.storageGiB])).toEqual([['a', 1, 1, 0], ['b', 1, 1, 0]]);
    expect(result.report.tables[0]).toMatchObject({ rowsRead: 3, rowsUsed: 2, rowsSkipped: 1 });
    expect(issue(result.report, 'without a VM name')?.at[0]).toMatchObject({ row: 3, column: 'VM' });
    expect(issue(result.report, 'Memory" is negative')?.at[0]).toMatchObject({ row: 2 });
  });
});
