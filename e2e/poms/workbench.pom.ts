import { expect, type Locator, type Page } from '@playwright/test';
import type { AppUnderTest } from '../fixtures.ts';
import { FileDialog } from './file-dialog.pom.ts';
import { ErrorDialog } from './error-dialog.pom.ts';

/** The workbench window: toolbar, estate tables, server editor, status bar. Selectors by role and test id. */
export class Workbench {
  readonly page: Page;
  readonly ready: Locator;
  readonly dataCentreRows: Locator;
  readonly serverTable: Locator;
  readonly serverRows: Locator;
  readonly search: Locator;
  readonly editor: Locator;
  readonly statusBar: Locator;
  readonly errorDialog: ErrorDialog;

  constructor(readonly app: AppUnderTest) {
    const page = app.page;
    this.page = page;
    this.ready = page.getByTestId('app-ready');
    this.dataCentreRows = page.getByTestId('dc-row');
    this.serverTable = page.getByTestId('server-table');
    this.serverRows = this.serverTable.getByTestId('server-row');
    this.search = page.getByLabel('Search servers');
    this.editor = page.getByTestId('server-editor');
    this.statusBar = page.getByTestId('status-bar');
    this.errorDialog = new ErrorDialog(page);
  }

  toolbarButton(name: 'New' | 'Open…' | 'Save' | 'Save As…'): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** The Estate pane's sub-tabs: Data centres, Servers, Applications, WAN links. */
  async showEstateTab(name: 'Data centres' | 'Servers'): Promise<void> {
    await this.page.getByRole('tablist', { name: 'Estate' }).getByRole('tab', { name, exact: true }).click();
  }

  /** Switch to the given theme with the toolbar's toggle (its label names the theme it switches to). */
  async setTheme(theme: 'light' | 'dark'): Promise<void> {
    const toggle = this.page.getByRole('button', { name: theme === 'dark' ? 'Dark theme' : 'Light theme', exact: true });
    if (await toggle.isVisible()) await toggle.click();
  }

  async waitUntilReady(): Promise<void> {
    await expect(this.ready).toBeVisible({ timeout: 60_000 });
  }

  serverRow(id: string): Locator {
    return this.serverTable.locator(`[data-testid="server-row"][data-server-id="${id}"]`);
  }

  /** Open the server's editor, set its name, apply. */
  async renameServer(id: string, name: string): Promise<void> {
    await this.showEstateTab('Servers');
    await this.serverRow(id).click();
    await expect(this.editor).toBeVisible();
    await this.editor.getByLabel('Name', { exact: true }).fill(name);
    await this.editor.getByRole('button', { name: 'Apply' }).click();
  }

  async saveAs(path: string): Promise<void> {
    await this.app.answerNextDialog(path);
    await this.toolbarButton('Save As…').click();
    if (this.app.mode === 'browser') await new FileDialog(this.page, 'save').choose(path);
  }

  async open(path: string): Promise<void> {
    await this.app.answerNextDialog(path);
    await this.toolbarButton('Open…').click();
    if (this.app.mode === 'browser') await new FileDialog(this.page, 'open').choose(path);
  }
}
