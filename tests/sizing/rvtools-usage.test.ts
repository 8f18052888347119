import { describe, expect, it } from 'vitest';
import { formatReport } from '../../core/import/report.ts';
import { mapRvtools, RETIRED_NAME } from '../../core/import/rvtools.ts';
import { rateCpuModel } from '../../core/model/cpu-catalogue.ts';
import { HOSTS, usageExport } from './rvtools-fixture.ts';

const rating = (model: string) => rateCpuModel(model)?.ratingPerCore ?? Number.NaN;

describe('RVTools snapshot usage and calibration', () => {
  it('matches short host names to vHost FQDNs and rates VMs from the CPU catalogue', () => {
    const r = mapRvtools(usageExport());
    const app = r.servers.find((s) => s.name === 'app-01');
    expect(app?.ratingPerCore).toBe(rating(HOSTS[0][2]));
    expect(app?.usage?.sourceCpuModel).toBe(HOSTS[0][2]);
    expect(r.servers.find((s) => s.name === 'web-02')?.ratingPerCore).toBe(rating(HOSTS[1][2]));
    expect(r.report.issues.some((i) => /not in vHost/.test(i.message))).toBe(false);
    expect(r.report.counts.hosts).toBe(3);
  });

  it('reads snapshots from vInfo CPU Usage %, vCPU Overall MHz and vMemory Consumed', () => {
    const r = mapRvtools(usageExport());
    const db = r.servers.find((s) => s.name === 'db-01')?.usage?.snapshot;
    expect(db?.cpuSource).toMatch(/Overall 4320 MHz/);
    // before calibration: 4320 / (8 x 2700) = 20 %
    expect((db?.cpuPct ?? 0)).toBe(20);
    expect(db?.memPct).toBeCloseTo((100 * 60000) / 65536, 1);
    expect(r.servers.find((s) => s.name === 'app-01')?.usage?.snapshot?.memSource).toMatch(/Consumed 8192/);
  });

  it("scales each host's VMs so their summed CPU and memory demand matches the host's measured use", () => {
    const r = mapRvtools(usageExport());
    for (const [host, , model, , cores, cpuPct, memMiB, memPct] of HOSTS) {
      const short = host.split('.')[0];
      const vms = r.servers.filter((s) => s.sourceHost?.toLowerCase().split('.')[0] === short && s.usage?.snapshot);
      expect(vms.length).toBeGreaterThan(0);
      const cpu = vms.reduce((a, s) => a + ((s.usage?.snapshot?.cpuPct ?? 0) * (s.usage?.snapshot?.cpuCalibration ?? 1) * s.cores * s.ratingPerCore) / 100, 0);
      const measured = (cpuPct / 100) * cores * rating(model);
      expect(Math.abs(cpu - measured) / measured).toBeLessThan(0.05);
      const mem = vms.reduce((a, s) => a + ((s.usage?.snapshot?.memPct ?? 0) * (s.usage?.snapshot?.memCalibration ?? 1) * s.memoryGiB) / 100, 0);
      expect(Math.abs(mem - (memPct / 100) * (memMiB / 1024)) / ((memPct / 100) * (memMiB / 1024))).toBeLessThan(0.05);
    }
    const text = formatReport(r.report);
    expect(text).toMatch(/calibration, Old: hosts' measured CPU/);
    expect(text).toMatch(/calibration, New:/);
  });

  it('names bad usage cells (over 100 %, negative, not a number) with file, sheet, row and column', () => {
    const r = mapRvtools(usageExport());
    const over = r.report.issues.find((i) => /"CPU Usage %" is over 100 %/.test(i.message));
    expect(over?.at[0]).toMatchObject({ file: 'usage-export.xlsx', sheet: 'vInfo', row: 6, column: 'CPU Usage %' });
    expect(r.report.issues.find((i) => /"CPU Usage %" is negative/.test(i.message))?.at[0]).toMatchObject({ row: 7 });
    expect(r.report.issues.find((i) => /"CPU Usage %" is not a number/.test(i.message))?.at[0]).toMatchObject({ row: 8 });
  });

  it('does not calibrate a host whose VMs are mostly missing from the export, and says so', () => {
    const tables = usageExport();
    const vHost = tables.find((t) => t.sheet === 'vHost');
    if (!vHost) throw new Error('fixture');
    vHost.rows[2][9] = 30; // esx03 runs 30 powered-on VMs; the export has 3
    const r = mapRvtools(tables);
    expect(r.servers.find((s) => s.name === 'crm-01')?.usage?.snapshot?.cpuCalibration).toBe(1);
    expect(r.report.issues.find((i) => /calibration against vHost usage not applied/.test(i.message))?.message).toMatch(/lists 3 of the 30/);
  });

  it('lists powered-off and retired-looking VMs, and leaves them out on request', () => {
    const kept = mapRvtools(usageExport());
    expect(kept.servers.map((s) => s.name)).toEqual(expect.arrayContaining(['crm-old', 'legacy-RIP']));
    expect(kept.report.issues.find((i) => /powered-off VMs/.test(i.message))?.message).toMatch(/1 powered-off VMs .*legacy-RIP.*--exclude powered-off/);
    expect(kept.report.issues.find((i) => /names look retired/.test(i.message))?.message).toMatch(/2 VMs .*crm-old, legacy-RIP/);
    const out = mapRvtools(usageExport(), { exclude: ['powered-off', 'retired'] });
    expect(out.servers.map((s) => s.name)).not.toContain('crm-old');
    expect(out.servers.map((s) => s.name)).not.toContain('legacy-RIP');
    const vInfo = out.report.tables.find((t) => t.sheet === 'vInfo');
    expect(vInfo).toMatchObject({ rowsRead: 11, rowsUsed: 9, rowsSkipped: 2 });
  });

  it.each([
    ['web-old', true], ['sql01-RIP', true], ['fs_decom', true], ['DO NOT USE - test', true], ['app_old2', true],
    ['golden-image', false], ['oldham-web', false], ['ripley', false], ['decompose', false],
  ])('retired-looking name %s: %s', (name, expected) => {
    expect(RETIRED_NAME.test(name)).toBe(expected);
  });

  it('groups VM hosts missing from vHost into one warning with count, share and examples', () => {
    const tables = usageExport();
    const vInfo = tables.find((t) => t.sheet === 'vInfo');
    if (!vInfo) throw new Error('fixture');
    for (const row of vInfo.rows.slice(0, 4)) row[5] = 'bovmsp-04.customer.com';
    const r = mapRvtools(tables);
    const w = r.report.issues.filter((i) => /not in vHost/.test(i.message));
    expect(w).toHaveLength(1);
    expect(w[0].message).toMatch(/^1 host name\(s\) in vInfo are not in vHost.*36% of VMs \(4\); e\.g\. bovmsp-04\.customer\.com/);
  });
});
