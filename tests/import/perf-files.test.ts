/**
 * The performance exports through the host's file path and `cwb import`: detected from their headers,
 * ordered after the inventory that holds their servers, and a failing file leaves the project as it was.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../core/import/errors.ts';
import { encodeProject, decodeProject } from '../../core/project-file/codec.ts';
import { rowIndex } from '../../core/model/series.ts';
import { importFiles, previewFiles } from '../../electron/services/import/import-files.ts';
import { importCommand } from '../../scripts/cli/import-command.ts';
import { fixtures, withTmp } from './helpers.ts';

const perf = (name: string) => path.join(fixtures, 'perf', name);
const INVENTORY = 'name,cpus,cpu ghz,memory gb,site\nweb-01,4,2.5,16,London\ndb-01.corp.local,2,3.0,8,London\n';
const quiet = { stdout: () => {}, stderr: (s: string) => void errors.push(s) };
const errors: string[] = [];

describe('performance exports as files', () => {
  it('previews each format with its detected kind and mapping', async () => {
    const previews = await previewFiles([perf('getstat.csv'), perf('perfmon.csv'), perf('sar.csv'), perf('wide.csv')]);
    expect(previews.map((p) => [p.kind, p.error])).toEqual([
      ['getstat', null],
      ['perfmon', null],
      ['sar', null],
      ['wide', null],
    ]);
    expect(previews[1].guess?.columns.timestamp).toBe('(PDH-CSV 4.0) (GMT Standard Time)(0)');
    expect(previews[2].guess?.columns).toMatchObject({ server: '# hostname', timestamp: 'timestamp', interval: 'interval' });
  });

  it('imports an inventory with a Get-Stat file (MHz converted with the clock of the inventory), then perfmon on top', async () => {
    await withTmp(async (dir) => {
      const inv = path.join(dir, 'inv.csv');
      await writeFile(inv, INVENTORY);
      const first = await importFiles([perf('getstat.csv'), inv], { timeZone: 'UTC' });
      expect(first.report.tables.map((t) => t.file)).toEqual(['inv.csv', 'getstat.csv']); // servers first
      const cpuAt = (p: typeof first.project, id: string, iso: string) => {
        const s = p.series;
        const r = rowIndex(s).get(id);
        if (r === undefined) throw new Error(`no series row for ${id}`);
        return s.cpuPct[r * s.hours + (Date.parse(iso) - Date.parse(s.startUtc)) / 3_600_000];
      };
      // db-01: cpu.usagemhz 1500 and 3000 MHz of 2 vCPUs x 3000 MHz (3.0 GHz in the inventory) -> 25% and 50%.
      expect(cpuAt(first.project, 'srv-db-01-corp-local', '2026-03-02T10:00:00Z')).toBeCloseTo((25 + 50) / 2, 4);
      const second = await importFiles([perf('perfmon.csv')], { base: first.project });
      // Perfmon's db-01 hours: 09:00Z (20 + 100) / 2; 10:00Z (30 + 40 + 50) / 3 replaces Get-Stat's hour.
      expect(cpuAt(second.project, 'srv-db-01-corp-local', '2026-03-02T09:00:00Z')).toBeCloseTo(60, 4);
      expect(cpuAt(second.project, 'srv-db-01-corp-local', '2026-03-02T10:00:00Z')).toBeCloseTo(40, 4);
      // web-01 11:00Z only Get-Stat has: (10 + 30) / 2 kept.
      expect(cpuAt(second.project, 'srv-web-01', '2026-03-02T11:00:00Z')).toBeCloseTo(20, 4);
    });
  });

  it('a failing performance file leaves the project untouched (host and cwb import --into)', async () => {
    await withTmp(async (dir) => {
      const inv = path.join(dir, 'inv.csv');
      await writeFile(inv, INVENTORY);
      const base = (await importFiles([inv])).project;
      const before = encodeProject(base, { appVersion: '0', nowUtc: '2026-03-04T00:00:00Z' });
      const bad = path.join(dir, 'bad-perfmon.csv');
      await writeFile(bad, '"(PDH-CSV 4.0) (GMT Standard Time)(0)"\n"03/02/2026 09:00:00.000"\n');
      await expect(importFiles([perf('sar.csv'), bad], { base })).rejects.toThrow(ImportError);
      await expect(importFiles([bad], { base })).rejects.toThrow(/bad-perfmon\.csv: no counter columns/);
      expect(encodeProject(base, { appVersion: '0', nowUtc: '2026-03-04T00:00:00Z' })).toEqual(before);

      const cwb = path.join(dir, 'base.cwb');
      await writeFile(cwb, before);
      const out = path.join(dir, 'out.cwb');
      expect(await importCommand(['import', bad, '--into', cwb, '--out', out], quiet)).toBe(3);
      expect(errors.join('')).toMatch(/bad-perfmon\.csv: no counter columns/);
      expect(new Uint8Array(await readFile(cwb))).toEqual(before);
      await expect(readFile(out)).rejects.toThrow();

      expect(await importCommand(['import', perf('sar.csv'), '--into', cwb, '--out', out], quiet)).toBe(0);
      const decoded = decodeProject(new Uint8Array(await readFile(out)));
      expect(decoded.ok && decoded.project.series.serverIds.length).toBe(2);
    });
  });
});
