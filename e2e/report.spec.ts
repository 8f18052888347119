import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { expect, test } from './fixtures.ts';
import { Workbench } from './poms/workbench.pom.ts';
import { RunsAndResults } from './poms/results.pom.ts';
import { ReportPreview } from './poms/report.pom.ts';
import { FileDialog } from './poms/file-dialog.pom.ts';

const MAIN = 'scn-keep-3';
const shots = join('test-results', 'screenshots');

/** Distinct colours in a PNG (8-bit RGB or RGBA, as pdftoppm writes), after undoing the row filters. */
function distinctColours(png: Buffer, limit = 16): number {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let at = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (at < png.length) {
    const len = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect(data[8]).toBe(8);
      channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[data[9]] ?? 0;
      expect(data[12]).toBe(0); // not interlaced
    }
    if (type === 'IDAT') idat.push(data);
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const prev = new Uint8Array(stride);
  const cur = new Uint8Array(stride);
  const seen = new Set<string>();
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)];
    const row = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? cur[i - channels] : 0;
      const b = prev[i];
      const c = i >= channels ? prev[i - channels] : 0;
      const p = a + b - c;
      const pa = Math.abs(p - a);
      const pb = Math.abs(p - b);
      const pc = Math.abs(p - c);
      const pred = f === 0 ? 0 : f === 1 ? a : f === 2 ? b : f === 3 ? (a + b) >> 1 : pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      cur[i] = (row[i] + pred) & 0xff;
    }
    for (let x = 0; x < width && seen.size < limit; x++) seen.add(cur.subarray(x * channels, (x + 1) * channels).join(','));
    prev.set(cur);
  }
  return seen.size;
}

test('the PDF report of the main scenario: cover with the hash, summary, kept and closed sites, every page painted', async ({ app }, testInfo) => {
  test.setTimeout(180_000);
  const wb = new Workbench(app);
  await wb.waitUntilReady();
  const r = new RunsAndResults(app.page);
  await r.runToEnd(MAIN);
  const report = new ReportPreview(app.page);
  await report.open();
  const hash = (await report.hash.innerText()).trim();
  const scenarioName = (await report.scenario.innerText()).replace(/^Scenario:\s*/, '').trim();
  expect(scenarioName).toMatch(/^Keep 3/);
  mkdirSync(shots, { recursive: true });
  await app.page.screenshot({ path: join(shots, 'report-preview.png') });

  await app.page.emulateMedia({ media: 'print' });
  const pdf = testInfo.outputPath('report.pdf');
  await app.page.pdf({ path: pdf, format: 'A4', printBackground: true });
  await app.page.emulateMedia({ media: 'screen' });

  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  await testInfo.attach('report.txt', { body: text, contentType: 'text/plain' });
  expect(text).toContain(scenarioName);
  expect(text).toContain(hash);
  expect(text).toContain('Executive summary');
  expect(text).toMatch(/2,000 servers/);
  expect(text).toContain('Ashburn data centre'); // kept
  expect(text).toContain('Boston data centre'); // closed
  expect(text).toMatch(/Closed:[^.]*Boston data centre/);
  expect(text).toMatch(/Kept:[^.]*Ashburn data centre/);
  // nothing of the workbench around it (toolbar, tabs, the preview's own bar)
  for (const chrome of ['Export view image', 'Export plan', 'Report preview', 'Scenario pane']) expect(text).not.toContain(chrome);

  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = Number(info.match(/^Pages:\s+(\d+)/m)?.[1] ?? 0);
  expect(pages).toBeGreaterThanOrEqual(4);
  expect(info).toMatch(/Page size:.*\(A4\)/);

  const dir = testInfo.outputPath('pages');
  mkdirSync(dir, { recursive: true });
  execFileSync('pdftoppm', ['-r', '50', '-png', pdf, join(dir, 'page')]);
  const pngs = readdirSync(dir).filter((f) => f.endsWith('.png')).sort();
  // pages of an earlier, longer report must not linger next to these
  for (const f of readdirSync(shots)) if (/^report-page-\d+\.png$/.test(f)) rmSync(join(shots, f));
  expect(pngs).toHaveLength(pages);
  for (const [i, f] of pngs.entries()) {
    const bytes = readFileSync(join(dir, f));
    expect(distinctColours(bytes), `page ${i + 1} is blank`).toBeGreaterThan(2);
    copyFileSync(join(dir, f), join(shots, `report-page-${i + 1}.png`));
  }
  copyFileSync(pdf, join('test-results', 'report.pdf'));
  console.log(`report: ${pages} pages, hash ${hash}`);

  // File > Export PDF without the preview (browser mode: the page's print dialog) prints the same report,
  // mounted for the print only
  await report.close();
  await app.page.evaluate(() => {
    const w = globalThis as unknown as { print: () => void; printedPurposes: string[]; document: { querySelector(s: string): { getAttribute(a: string): string | null } | null } };
    w.printedPurposes = [];
    w.print = () => void w.printedPurposes.push(w.document.querySelector('[data-testid="report-layer"]')?.getAttribute('data-purpose') ?? 'nothing mounted');
  });
  await app.page.getByRole('button', { name: 'Export PDF', exact: true }).click();
  await expect.poll(() => app.page.evaluate(() => (globalThis as unknown as { printedPurposes: string[] }).printedPurposes)).toEqual(['print']);
  await expect(report.layer).toHaveCount(0);

  // an edit after the run: the plan no longer describes this estate; Export PDF and the preview refuse it
  await expect(report.resultsStale).toHaveCount(0);
  await r.showPane('Estate');
  await wb.showEstateTab('Servers');
  const firstServer = await wb.serverRows.first().getAttribute('data-server-id');
  expect(firstServer).toBeTruthy();
  await wb.renameServer(firstServer ?? '', 'renamed after the run');
  await expect(wb.statusBar).toContainText('unsaved');
  await r.showPane('Results');
  await expect(report.resultsStale).toHaveText('The estate changed since this plan was computed: run the plan again.');
  await app.page.getByRole('button', { name: 'Export PDF', exact: true }).click();
  const refusal = report.refusal('Run the plan again');
  await expect(refusal).toContainText('The project changed since this plan was computed: run the plan again.');
  await refusal.getByRole('button', { name: 'OK' }).click();
  expect(await app.page.evaluate(() => (globalThis as unknown as { printedPurposes: string[] }).printedPurposes)).toEqual(['print']);
  await report.openButton.click();
  await expect(report.stale).toBeVisible();
  await expect(report.hash).toHaveCount(0);
  await report.close();
});

test('the WAN map exports as a standalone SVG and the heatmap as a PNG to the files root', async ({ app }) => {
  const wb = new Workbench(app);
  await wb.waitUntilReady();
  const r = new RunsAndResults(app.page);
  await r.runToEnd(MAIN);
  const report = new ReportPreview(app.page);
  await report.mapExport('svg').click();
  const target = join(app.filesRoot, 'wan-map.svg');
  await new FileDialog(app.page, 'export').choose(target);
  await expect.poll(() => statSync(target, { throwIfNoEntry: false })?.size ?? 0).toBeGreaterThan(1000);
  const svg = readFileSync(target, 'utf8');
  expect(svg.startsWith('<?xml')).toBe(true);
  expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
  expect(svg).toContain('data-dc-id="dc-ash"');
  expect(svg).toContain('data-dc-id="dc-bos"');
  expect(svg).not.toContain('link-hit');
  // colours are inline (the app's stylesheet is not there when the file is opened on its own)
  expect(svg).toMatch(/<circle[^>]*style="[^"]*fill: rgb\(/);
  // it parses as SVG in the browser and draws the sites
  const marks = await app.page.evaluate((text) => {
    // the e2e tsconfig has no DOM types: the part of DOMParser this check uses
    type Doc = { querySelector(s: string): unknown; querySelectorAll(s: string): { length: number } };
    const Parser = (globalThis as unknown as { DOMParser: new () => { parseFromString(t: string, type: string): Doc } }).DOMParser;
    const doc = new Parser().parseFromString(text, 'image/svg+xml');
    return doc.querySelector('parsererror') ? -1 : doc.querySelectorAll('[data-dc-id] circle').length;
  }, svg);
  expect(marks).toBeGreaterThanOrEqual(17);

  // the heatmap as PNG, the same way
  await app.page.getByTestId('heatmap-export-png').click();
  const png = join(app.filesRoot, 'heatmap.png');
  await new FileDialog(app.page, 'export').choose(png);
  await expect.poll(() => statSync(png, { throwIfNoEntry: false })?.size ?? 0).toBeGreaterThan(100);
  const bytes = readFileSync(png);
  expect(distinctColours(bytes)).toBeGreaterThan(2);
});
