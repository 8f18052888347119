import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { encodeProject } from '../../core/project-file/codec.ts';
import { generateProject } from '../../core/sample/generate.ts';
import ExcelJS from 'exceljs';
import { csvCell } from '../../core/export/csv.ts';
import { planCsv } from '../../scripts/cli/csv.ts';
import { parseArgs } from '../../scripts/cli/main.ts';
import { planSummary } from '../../scripts/cli/summary.ts';
import { summarise } from '../../core/report/summary.ts';
import { buildReport } from '../../core/report/model.ts';
import { estate, project, run, server } from './fixtures.ts';

const exec = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
let dir: string;
let cwb: string;

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await exec(process.execPath, [path.join(root, 'bin/cwb.mjs'), ...args], { cwd: root });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'cwb-cli-'));
  cwb = path.join(dir, 'sample.cwb');
  writeFileSync(cwb, encodeProject(generateProject({ servers: 150, seed: 'cli' }), { appVersion: 'test', nowUtc: '2026-03-01T00:00:00Z' }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cwb CLI', () => {
  it('escapes cells a spreadsheet would run as formulas, and quotes separators', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+x')).toBe("'+x");
    expect(csvCell('-x')).toBe("'-x");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell(null)).toBe('');
    const e = estate({ servers: [server('=cmd|calc', { dataCentreId: 'dc-a', name: '@evil' })] });
    const plan = run(project(e));
    expect(new TextDecoder().decode(planCsv(e, plan)).split('\r\n')[1]).toBe("'=cmd|calc,'@evil,dc-a,dc-a,dc-a-h001,cheapest-feasible,\"lowest WAN traffic and migration cost among dc-a, dc-b\"");
  });

  it('parses arguments and rejects bad ones with a clear message', () => {
    expect(parseArgs(['plan', 'x.cwb', '--out', 'p.csv', '--effort', 'thorough', '--scenario', 'Keep 3'])).toEqual({ project: 'x.cwb', out: 'p.csv', effort: 'thorough', scenario: 'Keep 3', csvSeparator: ',', sizing: null, save: false });
    expect(parseArgs(['plan', 'x.cwb', '--out', 'p.csv']).effort).toBeNull();
    expect(parseArgs(['plan', 'x.cwb', '--out', 'p.csv', '--effort', '5000']).effort).toBe(5000);
    expect(parseArgs(['plan', 'x.cwb', '--out', 'p.csv', '--effort', '0']).effort).toBe(0);
    expect(parseArgs(['plan', 'x.cwb', '--out', 'p.csv', '--iterations', '5000']).effort).toBe(5000);
    expect(() => parseArgs(['plan', 'x.cwb', '--out', 'p.csv', '--effort', 'hard'])).toThrow(/--effort must be quick, standard, thorough or a whole number of work units, got "hard"/);
    expect(() => parseArgs(['plan', 'x.cwb', '--out', 'p.csv', '--iterations', '1e3'])).toThrow(/--iterations/);
    expect(() => parseArgs(['plan', 'x.cwb'])).toThrow(/--out/);
    expect(() => parseArgs(['plan', 'x.cwb', '--out', 'p.csv', '--budget-ms', '100'])).toThrow(/--budget-ms is gone.*--effort/);
    expect(() => parseArgs(['pln'])).toThrow(/unknown command "pln"/);
    expect(parseArgs(['plan', 'x.cwb', '--out', 'p.csv']).csvSeparator).toBe(',');
    expect(parseArgs(['plan', 'x.cwb', '--out', 'p.csv', '--csv-separator', ';']).csvSeparator).toBe(';');
    expect(() => parseArgs(['plan', 'x.cwb', '--out', 'p.csv', '--csv-separator', '|'])).toThrow(/--csv-separator must be "," or ";", got "\|"/);
  });

  it('a ";" plan CSV (for de/fr/nl Excel) has a BOM, ";" between cells and the hostile names quoted and prefixed', () => {
    const e = estate({ servers: [server('s1', { dataCentreId: 'dc-a', name: "y;=cmd|' /C calc'!A0;" }), server('s2', { dataCentreId: 'dc-a', name: '\uFF1D1+1' })] });
    const bytes = planCsv(e, run(project(e)), ';');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n');
    expect(lines[0]).toBe('server_id;server_name;source_site;target_site;target_host;reason;detail');
    expect(lines[1].startsWith(`s1;"'y;=cmd|' /C calc'!A0;";dc-a;`)).toBe(true);
    expect(lines[2].startsWith("s2;'\uFF1D1+1;dc-a;")).toBe(true);
  });

  it('plans a project end to end: summary on stdout, CSV written, exit 0', async () => {
    const out = path.join(dir, 'plan.csv');
    const r = await cli('plan', cwb, '--scenario', 'Keep 3 (Ashburn, Dallas, Chicago)', '--effort', '2000', '--out', out);
    expect(r.stderr).not.toMatch(/cwb:/);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Servers: 150 /);
    expect(r.stdout).toMatch(/Hosts: \d+ {2}bound: \d+ {2}gap: /);
    expect(r.stdout).toMatch(/Cost over 36 months: [\d,]+ USD \(kept sites [\d,]+ \+ hosts .* licences [\d,]+\)/);
    expect(r.stdout).toMatch(/Effort: custom \(2,000 work units\), plan found at [\d,]+ work units \(--effort \d+ replays it\)/);
    expect(r.stdout).toMatch(/Overloaded WAN links after the move: \d+/);
    const lines = readFileSync(out, 'utf8').trim().split('\r\n');
    expect(lines[0]).toBe('server_id,server_name,source_site,target_site,target_host,reason,detail');
    expect(lines).toHaveLength(151);
  });

  it('writes a workbook with servers, hosts, sites and WAN links for --out PLAN.xlsx', async () => {
    const out = path.join(dir, 'plan.xlsx');
    const r = await cli('plan', cwb, '--effort', '0', '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Plan written to .*plan\.xlsx \(Servers: 150 rows, Hosts: \d+ rows, Sites: \d+ rows, WAN links: \d+ rows\)/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Servers', 'Hosts', 'Sites', 'WAN links']);
    expect(wb.getWorksheet('Servers')!.rowCount).toBe(151);
    expect(wb.getWorksheet('Servers')!.getRow(1).getCell(1).value).toBe('server_id');
    expect(typeof wb.getWorksheet('Sites')!.getRow(2).getCell(4).value).toBe('number');
  });

  it('exits non-zero with a clear message on bad input', async () => {
    const missing = await cli('plan', path.join(dir, 'nope.cwb'), '--out', path.join(dir, 'x.csv'));
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/cannot open .*nope\.cwb: .*does not exist/);
    const junk = path.join(dir, 'junk.cwb');
    writeFileSync(junk, 'not a zip');
    const bad = await cli('plan', junk, '--out', path.join(dir, 'x.csv'));
    expect(bad.code).toBe(3);
    expect(bad.stderr).toMatch(/cannot open/);
    const scen = await cli('plan', cwb, '--scenario', 'nonexistent', '--out', path.join(dir, 'x.csv'));
    expect(scen.code).toBe(3);
    expect(scen.stderr).toMatch(/no scenario "nonexistent".*scn-keep-3/);
    const usage = await cli('plan', cwb);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/missing --out/);
  });

  it('the summary prints licence units against their bound, the host bound and gap, and the search settings', () => {
    const servers = Array.from({ length: 6 }, (_, i) => server(`s${i}`, { cores: 2, licensedProductIds: i % 2 ? ['ora'] : [] }));
    const lic = { products: [{ id: 'ora', name: 'ora' }], licenceModels: [{ id: 'l-ora', productId: 'ora', name: 'ora', metric: 'per-host-core' as const, price: 1000, minCoresPerHost: 0 }] };
    const plan = run(project(estate({ servers, ...lic, scenario: { licenceModelIds: ['l-ora'] } })));
    const e = estate({ servers, ...lic, scenario: { licenceModelIds: ['l-ora'] } });
    const text = planSummary(plan, 's1', e);
    expect(text).toMatch(/licence l-ora \(per-host-core\): 10 units, bound 10 units \(gap 0\.0 %\)/);
    expect(text).toContain(`Hosts: ${plan.hostsUsed}  bound: ${plan.bounds.total}  gap: `);
    expect(text).toContain('Effort: custom (0 work units), plan found at 0 work units (--effort 0 replays it), stopped by first-plan');
    expect(plan.bounds.cost).toBeLessThanOrEqual(plan.cost.total);
    expect(text).toMatch(/Cost lower bound \(hosts and licences\): [\d,]+ USD {2}gap: \d+\.\d %/);
    // the plan's own licence-pool bound shows only when it is above the run-wide one
    expect(text).not.toContain("bound for this plan's licence pools");
    const pooled = { ...plan, hostsUsed: 10, bounds: { ...plan.bounds, total: 7, ownPools: 8 } };
    expect(planSummary(pooled, 's1', e)).toContain("(bound for this plan's licence pools: 8  gap: 25.0 %)");
  });

  it('the headline cost is the one the summary cards and the report show: kept sites running included', () => {
    const e = estate({ servers: Array.from({ length: 6 }, (_, i) => server(`s${i}`)) });
    e.dataCentres = e.dataCentres.map((d, i) => ({ ...d, costPerMonth: 1000 * (i + 1) }));
    const plan = run(project(e));
    const cards = summarise(e, plan);
    // The kept sites cost money, so leaving them out (as the CLI once did) gives another figure.
    expect(cards.facilitiesAfter).toBeGreaterThan(0);
    expect(cards.costAfter).toBe(cards.facilitiesAfter + plan.cost.total);
    const money = (x: number) => Math.round(x).toLocaleString('en-US');
    const text = planSummary(plan, 's1', e);
    expect(text).toContain(`Cost over 36 months: ${money(cards.costAfter)} USD (kept sites ${money(cards.facilitiesAfter)} + hosts`);
    expect(text).toContain(`site running cost ${money(cards.costBefore)} today -> ${money(cards.facilitiesAfter)}`);
    // The PDF report's executive summary reads the same figure.
    const report = buildReport({ estate: e, series: project(e).series, scenario: e.scenarios[0], plan, settings: { seed: 1, budgetMs: 0 }, date: '2026-12-02', appVersion: 't' });
    expect(report.summary.figures.costAfter).toBe(cards.costAfter);
  });
});
