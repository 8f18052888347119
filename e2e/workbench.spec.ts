import { writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { encodeWire } from '../core/util/wire.ts';
import { apiRoute } from '../electron/contract.ts';
import { readProjectFile, toHostError } from '../electron/services/project-store.ts';
import { expect, test } from './fixtures.ts';
import { Workbench } from './poms/workbench.pom.ts';

test('first start shows the sample with its 17 data centres', async ({ app }) => {
  const wb = new Workbench(app);
  await wb.waitUntilReady();
  await expect(wb.dataCentreRows).toHaveCount(17);
  await expect(wb.statusBar).toContainText('Untitled');
  await wb.showEstateTab('Servers');
  await expect(wb.serverRows.first()).toBeVisible();
});

test('an edited server survives save and reopen', async ({ app }) => {
  const wb = new Workbench(app);
  await wb.waitUntilReady();
  await wb.showEstateTab('Servers');
  const first = wb.serverRows.first();
  const id = await first.getAttribute('data-server-id');
  expect(id).toBeTruthy();
  const newName = `e2e-renamed-${test.info().testId.slice(0, 6)}`;

  await wb.renameServer(id!, newName);
  await expect(wb.statusBar).toContainText('unsaved');

  const path = join(app.filesRoot, 'edited.cwb');
  await wb.saveAs(path);
  await expect(wb.statusBar).toContainText('edited.cwb');
  await expect(wb.statusBar).not.toContainText('unsaved');
  expect(existsSync(path)).toBe(true);

  // A fresh page, then open the saved file explicitly.
  await wb.page.reload();
  await wb.waitUntilReady();
  await wb.open(path);
  await expect(wb.statusBar).toContainText('edited.cwb');
  await wb.showEstateTab('Servers');
  await wb.search.fill(newName);
  await expect(wb.serverRow(id!)).toContainText(newName);
});

test('a corrupt file shows the error and the app stays usable', async ({ app }) => {
  const wb = new Workbench(app);
  await wb.waitUntilReady();
  const path = join(app.filesRoot, 'corrupt.cwb');
  await writeFile(path, 'PK\u0003\u0004 this is not really a project');
  const read = await readProjectFile(path);
  expect(read.ok).toBe(false);
  const expected = read.ok ? '' : toHostError(read.error).message;

  await wb.open(path);
  await expect(wb.errorDialog.dialog).toBeVisible();
  await expect(wb.errorDialog.dialog).toContainText(expected);
  await app.page.screenshot({ path: join('test-results', 'screenshots', `error-dialog-${app.mode}.png`) });
  await wb.errorDialog.close();
  await expect(wb.errorDialog.dialog).toBeHidden();

  // Still the sample, still working.
  await wb.showEstateTab('Data centres');
  await expect(wb.dataCentreRows).toHaveCount(17);
  await wb.showEstateTab('Servers');
  const id = await wb.serverRows.first().getAttribute('data-server-id');
  await wb.serverRows.first().click();
  await expect(wb.editor).toBeVisible();
  expect(id).toBeTruthy();
});

test('an /api/ request without the token is refused', async ({ app }) => {
  test.skip(app.mode !== 'browser', 'Electron has no HTTP API: IPC only');
  const body = Buffer.from(encodeWire({}));
  const url = `${app.origin}${apiRoute('appInfo')}`;
  const api = app.page.request;
  expect((await api.post(url, { data: body, headers: { 'content-type': 'application/octet-stream' } })).status()).toBe(401);
  expect((await api.post(url, { data: body, headers: { 'x-cwb-token': 'wrong' } })).status()).toBe(401);
  expect((await api.post(`${app.origin}/api/whatever`, { data: body })).status()).toBe(401);
  expect((await api.post(url, { data: body, headers: { 'x-cwb-token': app.token! } })).status()).toBe(200);
  // From the page itself, a fetch without the header is refused too.
  const status = await app.page.evaluate(async (u) => (await fetch(u, { method: 'POST', body: new Uint8Array([0, 0, 0, 0]) })).status, url);
  expect(status).toBe(401);
});
