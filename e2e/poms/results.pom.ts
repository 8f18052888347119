import { expect, type Locator, type Page } from '@playwright/test';

/** The Scenario pane's run bar and the Results pane. Selectors by role and test id. */
export class RunsAndResults {
  readonly page: Page;
  readonly scenarioSelect: Locator;
  readonly runButton: Locator;
  readonly cancelButton: Locator;
  readonly progress: Locator;
  readonly runState: Locator;
  readonly engineStatus: Locator;
  readonly topology: Locator;
  readonly heatmap: Locator;
  readonly summary: Locator;
  readonly comparison: Locator;
  readonly planResults: Locator;

  constructor(page: Page) {
    this.page = page;
    this.scenarioSelect = page.getByRole('combobox', { name: 'Scenario', exact: true });
    this.runButton = page.getByRole('button', { name: 'Run', exact: true });
    this.cancelButton = page.getByRole('button', { name: 'Cancel', exact: true });
    this.progress = page.getByRole('progressbar');
    this.runState = page.getByTestId('run-state');
    this.engineStatus = page.getByTestId('engine-status');
    this.topology = page.getByTestId('topology');
    this.heatmap = page.getByTestId('heatmap');
    this.summary = page.getByTestId('summary-cards');
    this.comparison = page.getByTestId('plan-comparison');
    this.planResults = page.getByTestId('plan-results');
  }

  async showPane(name: 'Estate' | 'Scenario' | 'Results'): Promise<void> {
    await this.page.getByRole('tablist', { name: 'Panes' }).getByRole('tab', { name, exact: true }).click();
  }

  async pickScenario(id: string): Promise<void> {
    await this.showPane('Scenario');
    await this.scenarioSelect.selectOption(id);
  }

  /** Run a scenario and wait for its final plan (the Results pane opens on the first plan). */
  async runToEnd(id: string): Promise<void> {
    await this.pickScenario(id);
    await this.runButton.click();
    await expect(this.planResults).toBeVisible({ timeout: 60_000 });
    await expect(this.engineStatus).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
    await expect(this.planResults).toHaveAttribute('data-final', 'true');
  }

  async topologyMode(name: 'Before' | 'After'): Promise<void> {
    await this.page.getByRole('group', { name: 'Topology time' }).getByRole('button', { name, exact: true }).click();
    await expect(this.topology).toHaveAttribute('data-mode', name.toLowerCase());
  }

  overloadedLinks(): Locator {
    return this.topology.locator('[data-overloaded="true"]');
  }
}
