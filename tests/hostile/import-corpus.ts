/**
 * Hostile import files (.csv and .xlsx) and how their import ends: XML bombs, external entities, huge shared
 * strings, formula text, NUL bytes, 100k columns, unbalanced quotes, wrong encodings. Only the outcome is
 * judged here (the import internals belong to core/import and electron/services/import): a clean error names
 * the file; 'correct' keeps the data as it was; a crash is any other exception; a hang takes over 30 s.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { decodeProject } from '../../core/project-file/codec.ts';
import { HostFailure } from '../../electron/services/host-error.ts';
import { previewImport, runImport } from '../../electron/services/import/import-service.ts';
import type { CaseResult, Outcome } from './outcomes.ts';

const HEADER = 'Hostname,Site,Dept,App,Tier,Env,OS,CPUs,RAM,Disk (GB),IOPS,Virtualisable,Reason';
const row = (name: string) => `${name},London,Finance,ERP,web,Production,RHEL 8,4,16384,100,200,yes,`;
const inventory = (...names: string[]) => [HEADER, ...names.map(row)].join('\n');

/** A minimal workbook with a vInfo sheet whose cells are shared strings (`strings`), optionally a DOCTYPE. */
function workbook(strings: string[], opts: { doctype?: string; sheetBomb?: boolean } = {}): Uint8Array {
  const sst = `<?xml version="1.0" encoding="UTF-8"?>${opts.doctype ?? ''}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`;
  const cells = strings.map((_, i) => `<c r="${String.fromCharCode(65 + (i % 26))}1" t="s"><v>${i}</v></c>`).join('');
  const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">${cells}</row></sheetData></worksheet>`;
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    ),
    '_rels/.rels': strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    'xl/workbook.xml': strToU8('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="vInfo" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    ),
    'xl/worksheets/sheet1.xml': strToU8(opts.sheetBomb ? sheet.replace('<sheetData>', `<sheetData>${'<row/>'.repeat(4_000_000)}`) : sheet),
    'xl/sharedStrings.xml': strToU8(sst),
  };
  return zipSync(files, { level: 6 });
}

const LAUGHS = `<!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('')}]>`;
const XXE = '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>';

/** `slow`: minutes today (the 4-million-row sheet blocks the import past 60 s): run by the benchmark and CWB_HOSTILE_FULL=1. */
type ImportCase = { attack: string; name: string; file: string; data: Uint8Array | string; check?: (names: string[]) => Outcome; slow?: boolean };

export function importCorpus(): ImportCase[] {
  const latin1 = Buffer.concat([Buffer.from(`${HEADER}\n`), Buffer.from(row('caf\xe9-01'), 'latin1')]);
  return [
    { attack: 'csv', name: 'formula text in a name', file: 'formula.csv', data: inventory(`"=cmd|' /C calc'!A0"`, '+1+1', '@SUM(A1)'), check: (n) => (n.includes("=cmd|' /C calc'!A0") ? 'correct' : 'wrong behaviour') },
    { attack: 'csv', name: 'NUL byte after 4 KiB', file: 'nul.csv', data: inventory(...Array.from({ length: 80 }, (_, i) => `srv-${i}`), 'evil\0name'), check: (n) => (n.some((x) => x.includes('\0')) ? 'wrong behaviour' : 'correct') },
    { attack: 'csv', name: '100k columns', file: 'wide.csv', data: `${HEADER},${Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(',')}\n${row('w-1')}` },
    { attack: 'csv', name: 'unbalanced quotes', file: 'quotes.csv', data: `${HEADER}\n"web-01,London,Finance\n${row('web-02')}` },
    { attack: 'csv', name: 'Latin-1 bytes', file: 'latin1.csv', data: latin1, check: (n) => (n.some((x) => x.includes('\ufffd')) ? 'wrong behaviour' : 'correct') },
    { attack: 'csv', name: 'empty file', file: 'empty.csv', data: '' },
    { attack: 'csv', name: 'a 200,000-character cell', file: 'longcell.csv', data: inventory('x'.repeat(200_000)), check: () => 'wrong behaviour' },
    { attack: 'csv', name: 'binary noise named .csv', file: 'noise.csv', data: Uint8Array.from({ length: 50_000 }, (_, i) => (i * 2654435761) % 251) },
    { attack: 'xlsx', name: 'billion laughs in sharedStrings', file: 'laughs.xlsx', data: workbook(['&lol9;', 'VM'], { doctype: LAUGHS }), check: (n) => (n.some((x) => x.includes('lollol')) ? 'wrong behaviour' : 'correct') },
    { attack: 'xlsx', name: 'external entity (file:///etc/passwd)', file: 'xxe.xlsx', data: workbook(['&xxe;', 'VM'], { doctype: XXE }), check: (n) => (n.some((x) => x.includes('root:')) ? 'escape' : 'correct') },
    { attack: 'xlsx', name: 'a 30 MB shared string', file: 'bigstring.xlsx', data: workbook(['VM', 'x'.repeat(30_000_000)]), check: () => 'wrong behaviour', slow: true },
    { attack: 'xlsx', name: '4 million empty rows', file: 'rows.xlsx', data: workbook(['VM', 'Powerstate'], { sheetBomb: true }), slow: true },
    { attack: 'xlsx', name: 'not a zip named .xlsx', file: 'fake.xlsx', data: 'Hostname,CPUs\nweb-01,4\n' },
    { attack: 'xlsx', name: 'a .cwb renamed .xlsx', file: 'project.xlsx', data: zipSync({ 'manifest.json': strToU8('{"format":"cwb"}') }) },
  ];
}

const errorCode = (e: unknown) => (e instanceof HostFailure ? e.code : e instanceof Error ? e.name : typeof e);

/** Import each file alone (preview, then run with the proposed mapping), judged as the header says. */
export async function runImportCorpus(opts: { slow: boolean }): Promise<CaseResult[]> {
  const dir = await mkdtemp(join(tmpdir(), 'cwb-import-hostile-'));
  const results: CaseResult[] = [];
  try {
    for (const c of importCorpus().filter((k) => opts.slow || !k.slow)) {
      const path = join(dir, c.file);
      await writeFile(path, c.data);
      const started = Date.now();
      const attempt = (async (): Promise<[Outcome, string]> => {
        const [preview] = await previewImport({ paths: [path] });
        if (preview.error !== null || preview.kind === null) return [preview.error?.includes(c.file) ? 'clean error' : 'wrong behaviour', `preview: ${preview.error ?? 'no kind'}`];
        const mappings = preview.guess ? { [path]: { kind: preview.guess.kind, columns: preview.guess.columns } } : undefined;
        const run = await runImport({ paths: [path], base: null, mappings: mappings as never }, { appVersion: '0.1.0', nowUtc: '2026-12-02T00:00:00Z' });
        const decoded = decodeProject(run.bytes);
        const names = decoded.ok ? decoded.project.estate.servers.map((s) => s.name) : [];
        return [c.check ? c.check(names) : 'correct', `imported ${names.length} servers`];
      })().catch((e: unknown): [Outcome, string] => {
        const message = e instanceof Error ? e.message : String(e);
        const clean = (e instanceof HostFailure || (e instanceof Error && e.name === 'ImportError')) && message.includes(basename(path));
        return [clean ? 'clean error' : e instanceof HostFailure ? 'wrong behaviour' : 'crash', `${errorCode(e)}: ${message.slice(0, 160)}`];
      });
      const timeout = new Promise<[Outcome, string]>((r) => setTimeout(() => r(['hang', 'no answer in 30 s']), 30_000).unref());
      const [outcome, detail] = await Promise.race([attempt, timeout]);
      results.push({ attack: `import ${c.attack}`, name: c.name, outcome, detail: `${detail} (${Date.now() - started} ms)` });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return results;
}
