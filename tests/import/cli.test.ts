import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeProject } from '../../core/project-file/codec.ts';
import { importCommand, parseImportArgs } from '../../scripts/cli/import-command.ts';
import { fixtures, withTmp, writeRvtoolsXlsx } from './helpers.ts';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s) }, out, err };
}
const fixedNow = () => new Date(Date.UTC(2026, 2, 4, 15, 42, 7));

describe('cwb import', () => {
  it('builds a .cwb from an RVTools workbook and CSVs, printing the report', async () => {
    await withTmp(async (dir) => {
      const xlsx = path.join(dir, 'rv.xlsx');
      await writeRvtoolsXlsx(xlsx, 'mib');
      const out = path.join(dir, 'p.cwb');
      const reportFile = path.join(dir, 'report.txt');
      const c = capture();
      const code = await importCommand(['import', xlsx, path.join(fixtures, 'sites.csv'), '--out', out, '--report', reportFile, '--name', 'Acme'], c.io, fixedNow);
      expect(c.err.join('')).toBe('');
      expect(code).toBe(0);
      expect(c.out[0]).toMatch(/^4 servers imported from 2 files: rv\.xlsx, sites\.csv/);
      expect(await readFile(reportFile, 'utf8')).toBe(c.out[0]);
      const decoded = decodeProject(new Uint8Array(await readFile(out)));
      expect(decoded.ok).toBe(true);
      if (!decoded.ok) return;
      expect(decoded.project.estate.name).toBe('Acme');
      expect(decoded.project.estate.servers).toHaveLength(4);
      expect(decoded.project.series.startUtc).toBe('2026-03-01T00:00:00Z'); // the week of "now", Sunday 00:00 UTC
      // Adding to it with --into keeps what is there.
      const inv = path.join(dir, 'inv.csv');
      await writeFile(inv, 'name,cpus,memory gb,site\nnew-1,2,8,DC-North\n');
      const out2 = path.join(dir, 'p2.cwb');
      expect(await importCommand(['import', '--kind', 'inventory', inv, '--into', out, '--out', out2], capture().io, fixedNow)).toBe(0);
      const second = decodeProject(new Uint8Array(await readFile(out2)));
      expect(second.ok && second.project.estate.servers.length).toBe(5);
    });
  });

  it('exits 2 on usage errors and 3 on files it cannot import, with the reason', async () => {
    await withTmp(async (dir) => {
      const c = capture();
      expect(await importCommand(['import', 'x.xlsx'], c.io)).toBe(2);
      expect(c.err.join('')).toMatch(/missing --out PROJECT\.cwb/);
      expect(() => parseImportArgs(['a.csv', '--out', 'p.cwb', '--kind', 'bogus'])).toThrow(/--kind must be one of/);
      expect(() => parseImportArgs(['a.csv', '--out', 'p.cwb', '--tz', 'Mars/Base'])).toThrow(/not an IANA time zone/);
      expect(() => parseImportArgs(['a.csv', '--out', 'p.cwb', '--exclude', 'powered-off,zombies'])).toThrow(/--exclude takes powered-off, retired .*"zombies"/);
      expect(parseImportArgs(['a.xlsx', '--out', 'p.cwb', '--exclude', 'powered-off,retired']).exclude).toEqual(['powered-off', 'retired']);
      const bad = path.join(dir, 'bad.xlsx');
      await writeFile(bad, 'not a zip');
      const c3 = capture();
      expect(await importCommand(['import', bad, '--out', path.join(dir, 'o.cwb')], c3.io)).toBe(3);
      expect(c3.err.join('')).toMatch(/bad\.xlsx: not an xlsx workbook/);
      const existing = path.join(dir, 'exists.cwb');
      await writeFile(existing, '');
      const c4 = capture();
      expect(await importCommand(['import', path.join(fixtures, 'inventory.csv'), '--out', existing], c4.io)).toBe(2);
      expect(c4.err.join('')).toMatch(/exists; use --force/);
    });
  });
});

describe('import host service', () => {
  it('returns the merged project as .cwb bytes, and bad files as bad-file HostFailures', async () => {
    const { runImport } = await import('../../electron/services/import/import-service.ts');
    const meta = { appVersion: '0.1.0', nowUtc: '2026-03-04T15:00:00Z' };
    const first = await runImport({ paths: [path.join(fixtures, 'inventory.csv')], base: null }, meta);
    expect(first.reportText).toMatch(/^4 servers imported/);
    const second = await runImport({ paths: [path.join(fixtures, 'sites.csv')], base: first.bytes }, meta);
    const decoded = decodeProject(second.bytes);
    expect(decoded.ok && decoded.project.estate.servers.length).toBe(4);
    expect(decoded.ok && decoded.project.estate.userSites.length).toBe(1);
    await expect(runImport({ paths: [path.join(fixtures, 'unknown.txt')], base: null }, meta)).rejects.toMatchObject({ name: 'HostFailure', code: 'bad-file', message: expect.stringMatching(/unknown\.txt: cannot tell/) });
  });
});
