import type { Locator, Page } from '@playwright/test';

/** The alert the workbench shows for a host error. */
export class ErrorDialog {
  readonly dialog: Locator;
  constructor(page: Page) {
    this.dialog = page.getByRole('alertdialog');
  }

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'OK' }).click();
  }
}
