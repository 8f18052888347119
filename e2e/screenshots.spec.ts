import { join } from 'node:path';
import { expect, test } from './fixtures.ts';
import { Workbench } from './poms/workbench.pom.ts';

// Screenshots of the workbench in light and dark theme (attached to the report and written to
// test-results/screenshots/), for looking at, not for pixel comparison.
for (const scheme of ['light', 'dark'] as const) {
  test(`screenshots: ${scheme} theme`, async ({ app }) => {
    test.skip(app.mode !== 'browser', 'screenshots are taken in browser mode');
    const wb = new Workbench(app);
    const shot = async (name: string) => {
      const path = join('test-results', 'screenshots', `${name}-${scheme}.png`);
      await app.page.screenshot({ path });
      await test.info().attach(`${name}-${scheme}`, { path, contentType: 'image/png' });
    };
    await wb.waitUntilReady();
    await wb.setTheme(scheme);
    await expect(wb.dataCentreRows.first()).toBeVisible();
    await shot('data-centres');

    await wb.showEstateTab('Servers');
    await wb.serverRows.first().click();
    await expect(wb.editor).toBeVisible();
    await shot('server-editor');

    await wb.toolbarButton('Save As…').click();
    await expect(app.page.getByRole('dialog', { name: 'Save project as' })).toBeVisible();
    await shot('file-browser');
  });
}
