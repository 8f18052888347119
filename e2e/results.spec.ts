import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';
import { Workbench } from './poms/workbench.pom.ts';
import { RunsAndResults } from './poms/results.pom.ts';

/** The part of a canvas element the check reads (the e2e tsconfig has no DOM types). */
type Canvas2d = { width: number; height: number; getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null };

const MAIN = 'scn-keep-3';
const shots = join('test-results', 'screenshots');

test('runs the main scenario: WAN overloads after the moves, a painted heatmap, reasons per server', async ({ app }, testInfo) => {
  const wb = new Workbench(app);
  await wb.waitUntilReady();
  const r = new RunsAndResults(app.page);
  await r.pickScenario(MAIN);
  await expect(r.scenarioSelect.locator('option:checked')).toHaveText(/^Keep 3/);
  await r.runButton.click();
  // the first plan opens the Results pane while the search goes on
  await expect(r.planResults).toBeVisible({ timeout: 60_000 });
  await expect(r.engineStatus).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  await expect(r.planResults).toHaveAttribute('data-final', 'true');
  await expect(r.summary.getByTestId('card-servers')).toContainText('→');
  const summary = await r.summary.innerText();
  await testInfo.attach('summary', { body: summary, contentType: 'text/plain' });
  console.log(`${summary}\nheatmap: ${await r.heatmap.innerText().then((t) => t.match(/\d+ rows/)?.[0] ?? '?')}`);
  await r.summary.screenshot({ path: join(shots, 'results-summary.png') });

  await r.topologyMode('After');
  const after = await r.overloadedLinks().count();
  expect(after).toBeGreaterThan(0);
  mkdirSync(shots, { recursive: true });
  await r.topology.screenshot({ path: testInfo.outputPath('topology-after.png') });
  await r.topology.screenshot({ path: join(shots, 'results-topology-after.png') });
  await r.topologyMode('Before');
  const before = await r.overloadedLinks().count();
  expect(before).toBeLessThan(after);
  await r.topology.screenshot({ path: join(shots, 'results-topology-before.png') });
  await r.topologyMode('After');

  const canvas = r.heatmap.locator('canvas').first();
  await expect(canvas).toBeVisible();
  const painted = await canvas.evaluate((c: Canvas2d) => {
    const ctx = c.getContext('2d');
    if (!ctx) return 0;
    const { data } = ctx.getImageData(0, 0, c.width, c.height);
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
    return n;
  });
  expect(painted).toBeGreaterThan(0);
  await r.heatmap.screenshot({ path: testInfo.outputPath('heatmap.png') });
  await r.heatmap.screenshot({ path: join(shots, 'results-heatmap.png') });
  await app.page.screenshot({ path: join(shots, 'results-pane.png'), fullPage: true });

  // a site on the map filters the assignments to that data centre
  const chicago = r.topology.locator('[data-dc-id="dc-chi"]');
  await chicago.click();
  await expect(app.page.getByTestId('site-filter')).toBeVisible();
  const rows = app.page.getByTestId('assignment-row');
  await expect(rows.first()).toBeVisible();
  await expect(rows.first().getByRole('gridcell').nth(2)).toContainText(/Chicago/);
});

test('a run can be cancelled', async ({ app }) => {
  const wb = new Workbench(app);
  await wb.waitUntilReady();
  const r = new RunsAndResults(app.page);
  await r.pickScenario(MAIN);
  await r.runButton.click();
  await expect(r.engineStatus).toHaveAttribute('data-status', 'running');
  await expect(r.progress).toBeVisible();
  await app.page.screenshot({ path: join(shots, 'scenario-running.png') });
  // Cancel is in the Scenario pane, and in the Results pane once the first plan has opened it
  await r.cancelButton.click();
  await expect(r.engineStatus).toHaveAttribute('data-status', /cancelled|idle/);
  await expect(r.runButton).toBeEnabled();
});

test('two scenarios compare side by side', async ({ app }) => {
  const wb = new Workbench(app);
  await wb.waitUntilReady();
  const r = new RunsAndResults(app.page);
  await r.runToEnd(MAIN);
  await r.runToEnd('scn-keep-4-phx');
  await app.page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(r.comparison).toBeVisible();
  await expect(r.comparison.locator('[data-row="hosts"]')).toBeVisible();
  await app.page.screenshot({ path: join(shots, 'results-compare.png'), fullPage: true });
});
