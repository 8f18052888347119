import type { Locator, Page } from '@playwright/test';

/** Browser mode's in-app file browser: "Open project", "Save project as", or "Export as …" for exports. */
export class FileDialog {
  readonly dialog: Locator;
  constructor(
    page: Page,
    readonly kind: 'open' | 'save' | 'export',
  ) {
    const name = kind === 'open' ? 'Open project' : kind === 'save' ? 'Save project as' : /^Export as /;
    this.dialog = page.getByRole('dialog', { name });
  }

  async choose(path: string): Promise<void> {
    await this.dialog.getByRole('textbox', { name: 'File path' }).fill(path);
    await this.dialog.getByRole('button', { name: this.kind === 'open' ? 'Open' : 'Save', exact: true }).click();
  }
}
