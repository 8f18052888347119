import { expect, type Locator, type Page } from '@playwright/test';

/** The report preview (opened from the Results pane) and the map's image export buttons. */
export class ReportPreview {
  readonly page: Page;
  readonly openButton: Locator;
  readonly layer: Locator;
  readonly report: Locator;
  readonly hash: Locator;
  readonly scenario: Locator;
  readonly exportPdfButton: Locator;
  readonly closeButton: Locator;
  /** The preview's notice that the plan's project changed since the run. */
  readonly stale: Locator;
  /** The Results pane's notice of the same. */
  readonly resultsStale: Locator;

  constructor(page: Page) {
    this.page = page;
    this.openButton = page.getByTestId('open-report');
    this.layer = page.getByTestId('report-layer');
    this.report = page.getByTestId('report');
    this.hash = page.getByTestId('report-hash');
    this.scenario = page.getByTestId('report-scenario');
    this.exportPdfButton = page.getByTestId('report-export-pdf');
    this.closeButton = page.getByTestId('report-close');
    this.stale = page.getByTestId('report-stale');
    this.resultsStale = page.getByTestId('plan-stale');
  }

  /** The message dialog Export PDF shows when it refuses (title as given). */
  refusal(title: string): Locator {
    return this.page.getByRole('dialog', { name: title });
  }

  async open(): Promise<void> {
    await this.openButton.click();
    await expect(this.layer).toHaveAttribute('data-purpose', 'preview');
    await expect(this.hash).toHaveText(/^[0-9a-f]{64}$/, { timeout: 30_000 });
    await expect(this.report.locator('img').first()).toHaveAttribute('src', /^data:image\/png;base64,iVBORw0KGgo/);
  }

  async close(): Promise<void> {
    await this.closeButton.click();
    await expect(this.layer).toHaveCount(0);
  }

  /** The map's export button (Results pane). */
  mapExport(format: 'svg' | 'png'): Locator {
    return this.page.getByTestId(`topology-export-${format}`);
  }
}
