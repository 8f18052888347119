import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { test } from '../fixtures.ts';

/** File > Import (browser mode: the dialog's own file browser): files, kinds, column mapping, report. */
export class ImportDialogPom {
  readonly dialog: Locator;
  readonly reportDialog: Locator;
  readonly report: Locator;
  readonly importButton: Locator;
  readonly problems: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Import', exact: true });
    this.reportDialog = page.getByRole('dialog', { name: 'Import report' });
    this.report = page.getByTestId('import-report');
    this.importButton = this.dialog.getByRole('button', { name: 'Import', exact: true });
    this.problems = this.dialog.getByRole('status', { name: 'Before you can import' });
    this.error = this.dialog.getByRole('alert');
  }

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Import…', exact: true }).click();
    await expect(this.dialog).toBeVisible();
  }

  /** Add a file of the folder the file browser shows. */
  async addFile(name: string): Promise<void> {
    await this.dialog.getByRole('button', { name: `Add ${name}`, exact: true }).click();
    await expect(this.file(name)).toBeVisible();
  }

  /** Add the RVTools_tab*.csv set of a sub-folder, then go back up. */
  async addRvtoolsFolder(folder: string, count: number): Promise<void> {
    await this.dialog.getByRole('button', { name: `Folder ${folder}`, exact: true }).click();
    await this.dialog.getByRole('button', { name: `Add RVTools CSVs (${count})` }).click();
    await expect(this.file(`RVTools export in ${folder}`)).toBeVisible();
    await this.dialog.getByRole('button', { name: 'Up one folder' }).click();
  }

  file(name: string): Locator {
    return this.dialog.getByRole('article', { name, exact: true });
  }

  kindOf(name: string): Locator {
    return this.file(name).getByLabel('Holds');
  }

  async setKind(name: string, label: string): Promise<void> {
    await this.kindOf(name).selectOption({ label });
  }

  column(name: string, field: string): Locator {
    return this.file(name).getByLabel(`Column for ${field}`, { exact: true });
  }

  async mapColumn(name: string, field: string, header: string): Promise<void> {
    await this.column(name, field).selectOption(header);
  }

  async run(): Promise<void> {
    await this.importButton.click();
  }

  async close(): Promise<void> {
    await this.reportDialog.getByRole('button', { name: 'Close' }).click();
    await expect(this.reportDialog).toBeHidden();
  }

  /** A screenshot into test-results/screenshots/, attached to the report. */
  async screenshot(name: string): Promise<void> {
    const path = join('test-results', 'screenshots', `${name}.png`);
    await this.page.screenshot({ path });
    await test.info().attach(name, { path, contentType: 'image/png' });
  }
}
