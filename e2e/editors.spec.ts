import { join } from 'node:path';
import { expect, test } from './fixtures.ts';
import { Workbench } from './poms/workbench.pom.ts';
import { RunsAndResults } from './poms/results.pom.ts';
import { ReportPreview } from './poms/report.pom.ts';
import { clippedControls } from './clipping.ts';

const MAIN = 'scn-keep-3';
const ESTATE_TABS = ['Project', 'Data centres', 'Servers', 'Applications', 'Departments', 'User sites', 'WAN links', 'Zones', 'Host models', 'Products', 'Licences'];

// At 1280 x 800 (the smallest window we support): the consultant sets the client and a real host model, every
// pane and estate tab is shot and checked for clipped controls, and the report preview shows the new names.
test('editors at 1280x800: client and host model reach the report; nothing clipped on any pane', async ({ app }) => {
  test.setTimeout(240_000);
  test.skip(app.mode !== 'browser', 'screenshots are taken in browser mode');
  const page = app.page;
  await page.setViewportSize({ width: 1280, height: 800 });
  const wb = new Workbench(app);
  await wb.waitUntilReady();
  const shots: string[] = [];
  const problems: string[] = [];
  const shot = async (name: string) => {
    const path = join('test-results', 'screenshots', `1280-${name}.png`);
    await page.screenshot({ path });
    shots.push(path);
    for (const p of await clippedControls(page)) problems.push(`${name}: ${p}`);
  };
  const tab = (name: string) => page.getByRole('tablist', { name: 'Estate' }).getByRole('tab', { name, exact: true }).click();

  await tab('Project');
  const settings = page.getByTestId('estate-settings');
  await settings.getByLabel('Client', { exact: true }).fill('Acme Logistics');
  await settings.getByLabel('Client', { exact: true }).press('Enter');
  await expect(wb.statusBar).toContainText('unsaved');

  await tab('Host models');
  // the host model of the main scenario (the sample's default)
  const modelRow = page.getByTestId('host-model-row').filter({ hasText: '2-socket 96-core' }).first();
  await modelRow.click();
  const editor = page.getByTestId('host-model-editor');
  await editor.getByLabel('Name', { exact: true }).fill('Dell R760 2x Xeon Gold 6430');
  await editor.getByLabel('Price', { exact: true }).fill('31,500');
  await editor.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('host-model-row').filter({ hasText: 'Dell R760 2x Xeon Gold 6430' })).toHaveCount(1);

  for (const name of ESTATE_TABS) {
    await tab(name);
    const slug = name.toLowerCase().replace(/\s+/g, '-');
    if (name === 'Servers') await wb.serverRows.first().click();
    else if (name !== 'Project') {
      const row = page.locator('[data-entity-id]').first();
      await row.click();
      await expect(page.locator('aside.editor')).toBeVisible();
    }
    await shot(`estate-${slug}`);
  }

  // the server editor's pin box at a wider window too
  await page.setViewportSize({ width: 1600, height: 900 });
  await tab('Servers');
  await wb.serverRows.first().click();
  await expect(page.getByTestId('pin-picker')).toBeVisible();
  await shot('1600-server-editor');
  await page.setViewportSize({ width: 1280, height: 800 });

  // the app icon is served in browser mode (no favicon 404)
  const icon = await page.locator('link[rel="icon"]').getAttribute('href');
  expect(icon).toBeTruthy();
  const iconResponse = await page.request.get(new URL(icon ?? '', page.url()).toString());
  expect(iconResponse.status()).toBe(200);
  expect(iconResponse.headers()['content-type']).toContain('image/png');

  const r = new RunsAndResults(page);
  await r.pickScenario(MAIN);
  await shot('scenario');
  await r.runToEnd(MAIN);
  await shot('results');
  const report = new ReportPreview(page);
  await report.open();
  await expect(report.report.getByText('Acme Logistics').first()).toBeVisible();
  await expect(report.report.getByText('Dell R760 2x Xeon Gold 6430', { exact: false }).first()).toBeAttached();
  // the PDF's document title is the project and the scenario
  expect(await page.title()).toMatch(/^17 data centres into 3 — Keep 3/);
  await shot('report-preview');
  await report.close();

  // Pin… in the assignments opens the picker where the click was
  await r.showPane('Results');
  await page.getByRole('button', { name: /^Pin / }).first().click();
  await expect(page.getByRole('dialog', { name: /^Pin / })).toBeVisible();
  await shot('results-pin-dialog');
  await page.keyboard.press('Escape');

  expect(problems).toEqual([]);
  console.log(`screenshots: ${shots.join(', ')}`);
});
