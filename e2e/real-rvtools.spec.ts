/**
 * The "done when", end to end on a real RVTools export (../shared/data/rvtools, skipped when absent):
 * a new project, File > Import of the workbook, a truthful quality report, a plan, the plan as .xlsx, and the
 * PDF report. The spreadsheet is read back with exceljs, the PDF with pdftotext.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { expect, test } from './fixtures.ts';
import { Workbench } from './poms/workbench.pom.ts';
import { ImportDialogPom } from './poms/import.pom.ts';
import { RunsAndResults } from './poms/results.pom.ts';
import { ReportPreview } from './poms/report.pom.ts';
import { FileDialog } from './poms/file-dialog.pom.ts';

const shared = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'data', 'rvtools');
const EXPORT = 'kubev2v-example1.xlsx';

test('a real vCenter export: import into a new project, report, plan, spreadsheet and PDF', async ({ app }, testInfo) => {
  test.skip(!existsSync(join(shared, EXPORT)), `the real RVTools exports are absent (${shared})`);
  test.setTimeout(180_000);
  copyFileSync(join(shared, EXPORT), join(app.filesRoot, EXPORT));
  const wb = new Workbench(app);
  await wb.waitUntilReady();
  await wb.toolbarButton('New').click();
  await expect(wb.statusBar).toContainText('0 servers');

  const imp = new ImportDialogPom(app.page);
  await imp.open();
  await imp.addFile(EXPORT);
  await imp.run();
  await expect(imp.report).toContainText('9 servers imported', { timeout: 60_000 });
  // what the export holds, truthfully: a VM without a data centre, powered-off VMs, the unknown facility limits
  await expect(imp.report).toContainText('VM has no Datacenter');
  await expect(imp.report).toContainText('sheet vInfo, row 10');
  await expect(imp.report).toContainText('6 powered-off VMs (67% of VMs');
  await expect(imp.report).toContainText('power and rack capacity unknown');
  await imp.close();
  await expect(wb.statusBar).toContainText('9 servers');

  const r = new RunsAndResults(app.page);
  await r.runToEnd('scenario-baseline');
  await expect(r.summary).toBeVisible();

  // the plan as a workbook a migration team can read: one row per server, each placed with a reason
  await app.page.getByRole('combobox', { name: 'Export format' }).selectOption('xlsx');
  await app.page.getByTestId('export-plan').click();
  const xlsx = join(app.filesRoot, 'kube-plan.xlsx');
  await new FileDialog(app.page, 'export').choose(xlsx);
  await expect.poll(() => statSync(xlsx, { throwIfNoEntry: false })?.size ?? 0).toBeGreaterThan(1000);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(xlsx);
  expect(book.worksheets.map((w) => w.name)).toEqual(['Servers', 'Hosts', 'Sites', 'WAN links']);
  const servers = book.getWorksheet('Servers');
  expect(servers?.actualRowCount).toBe(10); // header + 9 servers
  const header = (servers?.getRow(1).values as unknown[]).map(String);
  const hostCol = header.findIndex((h) => /host/i.test(h) && !/source/i.test(h));
  expect(hostCol).toBeGreaterThan(0);
  for (let i = 2; i <= 10; i++) expect(String(servers?.getRow(i).getCell(hostCol).value ?? '')).not.toBe('');

  // the PDF report
  const report = new ReportPreview(app.page);
  await report.open();
  await app.page.emulateMedia({ media: 'print' });
  const pdf = testInfo.outputPath('kube-report.pdf');
  await app.page.pdf({ path: pdf, format: 'A4', printBackground: true });
  await app.page.emulateMedia({ media: 'screen' });
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  await testInfo.attach('kube-report.txt', { body: text, contentType: 'text/plain' });
  expect(text).toContain('Executive summary');
  expect(text).toMatch(/\b9 servers\b/);
  expect(text).toContain('Unknown data centre');
  expect(text).toContain((await report.hash.innerText()).trim());
  copyFileSync(pdf, join('test-results', 'kube-report.pdf'));
});
