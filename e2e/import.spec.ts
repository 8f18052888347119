import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures.ts';
import { ImportDialogPom } from './poms/import.pom.ts';
import { Workbench } from './poms/workbench.pom.ts';

// File > Import in browser mode: the dialog's file browser, kinds, the column mapping, the report, and the
// import as one undoable step. The RVTools CSV set is the import tests' fixture (tests/fixtures/import).
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'tests', 'fixtures', 'import');

/** An inventory the guesser reads as a site list ("Location") and whose name column it cannot place; row 3 is bad. */
const ODD_INVENTORY = ['Asset label,Location,vCPU,Memory (GB),Env', 'odd-01,Rome,4,16,prod', 'odd-02,Rome,two,8,test', 'odd-03,Milan,2,4,dev', ''].join('\n');

test.beforeEach(({ app }) => {
  test.skip(app.mode !== 'browser', 'the import spec drives browser mode (Electron uses the native dialog)');
});

test('imports a CSV with a confirmed mapping and an RVTools CSV set as one undoable step', async ({ app }) => {
  await writeFile(join(app.filesRoot, 'odd-inventory.csv'), ODD_INVENTORY);
  await mkdir(join(app.filesRoot, 'rv'));
  for (const sheet of ['vInfo', 'vHost', 'vDisk']) await copyFile(join(FIXTURES, 'rvtools-csv', `RVTools_tab${sheet}.csv`), join(app.filesRoot, 'rv', `RVTools_tab${sheet}.csv`));

  const wb = new Workbench(app);
  await wb.waitUntilReady();
  await expect(wb.statusBar).toContainText('2,000 servers');
  const imp = new ImportDialogPom(app.page);
  await imp.open();
  await expect(imp.importButton).toBeDisabled();

  await imp.addFile('odd-inventory.csv');
  await expect(imp.kindOf('odd-inventory.csv')).toHaveValue('sites');
  await imp.setKind('odd-inventory.csv', 'Server inventory');
  await expect(imp.column('odd-inventory.csv', 'Server name')).toHaveValue('');
  await expect(imp.column('odd-inventory.csv', 'Server name')).toHaveAttribute('aria-invalid', 'true');
  await expect(imp.column('odd-inventory.csv', 'Data centre')).toHaveValue('Location');
  await expect(imp.column('odd-inventory.csv', 'Cores')).toHaveValue('vCPU');
  await expect(imp.problems).toContainText('odd-inventory.csv: choose a column for Server name.');
  await expect(imp.importButton).toBeDisabled();
  await imp.problems.scrollIntoViewIfNeeded();
  await imp.screenshot('import-mapping-missing');

  await imp.mapColumn('odd-inventory.csv', 'Server name', 'Asset label');
  await imp.addRvtoolsFolder('rv', 3);
  await expect(imp.file('RVTools export in rv')).toContainText('RVTools_tabvInfo.csv');
  await expect(imp.dialog.getByTestId('import-file')).toHaveCount(2);
  await expect(imp.problems).toBeHidden();
  await expect(imp.importButton).toBeEnabled();
  await imp.screenshot('import-mapping');
  await imp.dialog.getByLabel('Time zone of time stamps without an offset').scrollIntoViewIfNeeded();
  await imp.screenshot('import-mapping-fields');

  await imp.run();
  await expect(imp.report).toBeVisible();
  await expect(imp.report.getByTestId('import-servers')).toHaveText('5'); // 3 odd-*, app-01, app-02 (the template is skipped)
  await expect(imp.report.getByRole('region', { name: 'Warnings' })).toContainText('odd-inventory.csv, row 3, column "vCPU"');
  await expect(imp.report.getByRole('region', { name: 'Warnings' })).toContainText('RVTools_tabvInfo.csv, sheet vInfo, row 4');
  await expect(imp.report.getByRole('table', { name: 'Rows read per table' })).toContainText('odd-inventory.csv');
  await imp.screenshot('import-report');
  await imp.close();

  await expect(wb.statusBar).toContainText('2,005 servers');
  await expect(wb.statusBar).toContainText('unsaved');
  await wb.showEstateTab('Servers');
  await wb.search.fill('odd-0');
  await expect(wb.serverRows).toHaveCount(3);

  await app.page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(wb.serverRows).toHaveCount(0);
  await expect(wb.statusBar).toContainText('2,000 servers');
  await expect(wb.statusBar).not.toContainText('unsaved');

  await app.page.getByRole('button', { name: 'Redo', exact: true }).click();
  await expect(wb.serverRows).toHaveCount(3);

  // The report stays reachable.
  await imp.open();
  await imp.dialog.getByRole('button', { name: 'Last import report' }).click();
  await expect(imp.report.getByTestId('import-servers')).toHaveText('5');
});

test('a broken workbook and a garbage CSV show clear errors and leave the project as it was', async ({ app }) => {
  await writeFile(join(app.filesRoot, 'broken.xlsx'), new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]));
  await writeFile(join(app.filesRoot, 'garbage.csv'), 'colour,size\nred,3\n"unterminated\n');

  const wb = new Workbench(app);
  await wb.waitUntilReady();
  const imp = new ImportDialogPom(app.page);
  await imp.open();

  await imp.addFile('garbage.csv');
  await expect(imp.file('garbage.csv')).toContainText('garbage.csv: cannot tell what this CSV holds');
  await expect(imp.importButton).toBeDisabled();
  await imp.file('garbage.csv').getByRole('button', { name: 'Remove garbage.csv' }).click();

  await imp.addFile('broken.xlsx');
  await imp.run();
  await expect(imp.error).toContainText('broken.xlsx');
  await expect(imp.dialog).toBeVisible();
  await imp.screenshot('import-error');
  await imp.dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(imp.dialog).toBeHidden();

  await expect(wb.statusBar).toContainText('2,000 servers');
  await expect(wb.statusBar).not.toContainText('unsaved');
  await expect(app.page.getByRole('button', { name: 'Undo', exact: true })).toBeDisabled();
});

/** A perfmon log relogged to CSV (PDH-CSV 4.0) for two servers of the sample, one named by its FQDN. */
const PERFMON = [
  '"(PDH-CSV 4.0) (GMT Standard Time)(0)","\\\\ASH-AD-01.corp.example\\Processor(_Total)\\% Processor Time","\\\\ASH-AD-01.corp.example\\Memory\\% Committed Bytes In Use","\\\\ash-dns-01\\Processor(_Total)\\% Processor Time","\\\\ash-dns-01\\PhysicalDisk(_Total)\\Disk Transfers/sec","\\\\ash-dns-01\\System\\Processor Queue Length"',
  '"03/03/2026 09:00:00.000"," ","40"," "," ","1"',
  '"03/03/2026 09:20:00.000","10","42","20","100","0"',
  '"03/03/2026 09:40:00.000","20","44","130","200","2"',
  '',
].join('\n');

test('imports a perfmon CSV: kind detected from the header, what it holds shown, series for the matched servers', async ({ app }) => {
  await writeFile(join(app.filesRoot, 'perfmon-ash.csv'), PERFMON);
  const wb = new Workbench(app);
  await wb.waitUntilReady();
  const imp = new ImportDialogPom(app.page);
  await imp.open();
  await imp.addFile('perfmon-ash.csv');
  await expect(imp.kindOf('perfmon-ash.csv')).toHaveValue('perfmon');
  await expect(imp.column('perfmon-ash.csv', 'Time stamp (first column)')).toHaveValue('(PDH-CSV 4.0) (GMT Standard Time)(0)');
  const summary = imp.file('perfmon-ash.csv').getByRole('list', { name: 'About perfmon-ash.csv' });
  await expect(summary).toContainText('Time stamps in the header\'s zone "GMT Standard Time" (Europe/London, daylight saving followed)');
  await expect(summary).toContainText('2 servers: ASH-AD-01.corp.example, ash-dns-01');
  await expect(imp.importButton).toBeEnabled();
  await imp.screenshot('import-perfmon');

  await imp.run();
  await expect(imp.report).toBeVisible();
  await expect(imp.report).toContainText('series for 2 servers');
  await expect(imp.report.getByRole('region', { name: 'Warnings' })).toContainText('1 counter column not read');
  await expect(imp.report.getByRole('region', { name: 'Warnings' })).toContainText('ash-dns-01\\Processor(_Total)\\% Processor Time');
  await imp.screenshot('import-perfmon-report');
});
