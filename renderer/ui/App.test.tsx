// @vitest-environment happy-dom
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '../test/render-app.tsx';
import { makeProject } from '../test/fixtures.ts';

afterEach(cleanup);

// happy-dom has no layout: give elements a viewport-sized box so the virtualised table renders rows.
beforeAll(() => {
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue(DOMRect.fromRect({ x: 0, y: 0, width: 1200, height: 560 }));
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(560);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1200);
});
afterAll(() => vi.restoreAllMocks());

async function ready() {
  return screen.findByTestId('app-ready');
}

describe('workbench shell', () => {
  it('opens the sample and shows the status bar', async () => {
    const t = renderApp();
    await ready();
    const status = screen.getByTestId('status-bar');
    expect(status.textContent).toContain('Untitled');
    expect(status.textContent).toContain('200 servers');
    expect(status.textContent).toContain('3 data centres');
    expect(status.textContent).not.toContain('unsaved');
    expect(screen.getAllByTestId('dc-row')).toHaveLength(3);
    for (const name of ['New', 'Open…', 'Save', 'Save As…', 'Import…', 'Export PDF']) {
      expect(screen.getByRole('button', { name })).toBeTruthy();
    }
    await waitFor(() => expect(t.host.callsOf('windowSetState').at(-1)?.args).toEqual({ title: 'Untitled — Consolidation Workbench', dirty: false }));
  });

  it('edits a server with validation, marks unsaved, and undoes with Ctrl+Z', async () => {
    const t = renderApp();
    await ready();
    fireEvent.click(screen.getByRole('tab', { name: 'Servers' }));
    const table = screen.getByTestId('server-table');
    const rows = within(table).getAllByTestId('server-row');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(200);
    fireEvent.click(rows[0]);
    const editor = screen.getByTestId('server-editor');
    const id = rows[0].getAttribute('data-server-id')!;
    const cores = within(editor).getByLabelText('Cores');
    fireEvent.change(cores, { target: { value: '2.5' } });
    fireEvent.click(within(editor).getByRole('button', { name: 'Apply' }));
    expect(within(editor).getByText('Cores must be a whole number')).toBeTruthy();
    expect(t.store.getState().dirty).toBe(false);

    fireEvent.change(within(screen.getByTestId('server-editor')).getByLabelText('Cores'), { target: { value: '48' } });
    fireEvent.change(within(screen.getByTestId('server-editor')).getByLabelText('Memory (GiB)'), { target: { value: '256' } });
    fireEvent.click(within(screen.getByTestId('server-editor')).getByRole('button', { name: 'Apply' }));
    const server = () => t.store.getState().project!.estate.servers.find((s) => s.id === id)!;
    expect(server()).toMatchObject({ cores: 48, memoryGiB: 256 });
    expect(t.store.getState().undoStack).toHaveLength(1);
    expect(screen.getByTestId('status-bar').textContent).toContain('unsaved');

    // the menu's Undo while typing in a field belongs to the field
    const name = within(screen.getByTestId('server-editor')).getByLabelText('Name');
    name.focus();
    act(() => t.host.emit('menuCommand', { command: 'edit:undo' }));
    expect(server().cores).toBe(48);
    name.blur();

    fireEvent.keyDown(window, { key: 'z', ctrlKey: true });
    expect(server().cores).not.toBe(48);
    expect(screen.getByTestId('status-bar').textContent).not.toContain('unsaved');
    fireEvent.keyDown(window, { key: 'y', ctrlKey: true });
    expect(server().cores).toBe(48);
  });

  it('sorts by a column header and filters with the search box', async () => {
    const t = renderApp();
    await ready();
    fireEvent.click(screen.getByRole('tab', { name: 'Servers' }));
    fireEvent.click(screen.getByRole('button', { name: /^Cores/ }));
    fireEvent.click(screen.getByRole('button', { name: /^Cores/ }));
    const first = screen.getAllByTestId('server-row')[0].getAttribute('data-server-id');
    const max = Math.max(...t.project.estate.servers.map((s) => s.cores));
    expect(t.project.estate.servers.find((s) => s.id === first)!.cores).toBe(max);
    const rowIds = () => screen.getAllByTestId('server-row').map((r) => r.getAttribute('data-server-id'));
    fireEvent.click(screen.getAllByTestId('server-row')[0]);
    fireEvent.keyDown(screen.getByLabelText('Server rows: arrow keys move the selection'), { key: 'ArrowDown' });
    expect(t.store.getState().selectedServerId).toBe(rowIds()[1]);
    fireEvent.change(screen.getByLabelText('Search servers'), { target: { value: 'srv-000042' } });
    const rows = screen.getAllByTestId('server-row');
    expect(rows.map((r) => r.getAttribute('data-server-id'))).toEqual(['srv-000042']);
  });

  it('shows the host error for a bad file and keeps the project', async () => {
    const t = renderApp({ files: () => ({ '/data/bad.cwb': new Uint8Array([1, 2]) }) });
    await ready();
    const before = t.store.getState().project;
    t.host.setDialogPath('/data/bad.cwb');
    fireEvent.click(screen.getByRole('button', { name: 'Open…' }));
    const alert = await screen.findByRole('alertdialog');
    expect(alert.textContent).toContain('bad.cwb is not a Consolidation Workbench project.');
    fireEvent.click(within(alert).getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(t.store.getState().project).toBe(before);
    expect(screen.getByTestId('app-ready')).toBeTruthy();
  });

  it('browser mode: opens a project through the in-app file browser', async () => {
    const other = makeProject(7, 2, 1);
    const t = renderApp({ host: 'browser', files: (codec) => ({ '/data/other.cwb': codec.bytesOf(other) }) });
    await ready();
    fireEvent.click(screen.getByRole('button', { name: 'Open…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Open project' });
    await within(dialog).findByRole('button', { name: 'other.cwb' });
    expect(within(dialog).getByRole('button', { name: 'Folder sub' })).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('File path'), { target: { value: '/data/other.cwb' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Open' }));
    await waitFor(() => expect(t.store.getState().project).toBe(other));
    expect(screen.getByTestId('status-bar').textContent).toContain('other.cwb');
    expect(screen.getByTestId('status-bar').textContent).toContain('7 servers');
  });

  it('browser mode: the Open dialog lists recent projects, and one click opens one', async () => {
    const t = renderApp({ host: 'browser' });
    await ready();
    fireEvent.click(screen.getByRole('button', { name: 'Save As…' }));
    const save = await screen.findByRole('dialog', { name: 'Save project as' });
    expect(within(save).queryByRole('region', { name: 'Recent projects' })).toBeNull();
    fireEvent.change(within(save).getByLabelText('File path'), { target: { value: '/data/kept.cwb' } });
    fireEvent.click(within(save).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(t.store.getState().file?.path).toBe('/data/kept.cwb'));
    fireEvent.click(screen.getByRole('button', { name: 'Open…' }));
    const open = await screen.findByRole('dialog', { name: 'Open project' });
    const recent = await within(open).findByRole('region', { name: 'Recent projects' });
    fireEvent.click(within(recent).getByRole('button', { name: 'Recent kept.cwb' }));
    await waitFor(() => expect(t.host.callsOf('projectOpen').at(-1)?.args).toEqual({ path: '/data/kept.cwb' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Open project' })).toBeNull());
  });

  it('browser mode: Save As through the file browser', async () => {
    const t = renderApp({ host: 'browser' });
    await ready();
    fireEvent.click(screen.getByRole('button', { name: 'Save As…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Save project as' });
    const path = within(dialog).getByLabelText('File path');
    await waitFor(() => expect((path as HTMLInputElement).value).toBe('/data/Fixture.cwb'));
    fireEvent.change(path, { target: { value: '/data/plan' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(t.store.getState().file?.path).toBe('/data/plan.cwb'));
    expect(t.host.files.has('/data/plan.cwb')).toBe(true);
  });

  it('menu command toggles the theme; close request asks first', async () => {
    const t = renderApp();
    await ready();
    expect(document.documentElement.dataset.theme).toBe('light');
    act(() => t.host.emit('menuCommand', { command: 'view:theme-toggle' }));
    expect(document.documentElement.dataset.theme).toBe('dark');

    const s = t.store.getState();
    const dc = s.project!.estate.dataCentres[0];
    act(() => s.applyEdit('x', [{ collection: 'dataCentres', id: dc.id, before: { name: dc.name }, after: { name: 'Renamed' } }]));
    act(() => t.host.emit('closeRequest', {}));
    const dialog = await screen.findByRole('dialog', { name: 'Save changes to Untitled?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(t.host.callsOf('windowConfirmClose')).toHaveLength(0);
  });

  it('edits a data centre status as one undoable step', async () => {
    const t = renderApp();
    await ready();
    const row = screen.getAllByTestId('dc-row')[0];
    fireEvent.click(row);
    const editor = screen.getByTestId('dc-editor');
    fireEvent.change(within(editor).getByLabelText('Status'), { target: { value: 'close' } });
    fireEvent.click(within(editor).getByRole('button', { name: 'Apply' }));
    expect(t.store.getState().project!.estate.dataCentres[0].status).toBe('close');
    expect(within(screen.getAllByTestId('dc-row')[0]).getByText('close')).toBeTruthy();
  });
});
