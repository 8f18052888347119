// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { renderApp } from '../../test/render-app.tsx';
import { integrityProblems } from '../../../core/model/validate.ts';

afterEach(cleanup);

async function openTab(name: string) {
  await screen.findByTestId('app-ready');
  fireEvent.click(screen.getByRole('tab', { name }));
}

describe('entity editors', () => {
  it('adds a department with the keyboard (Enter applies), and undo removes it', async () => {
    const t = renderApp();
    await openTab('Departments');
    fireEvent.click(screen.getByRole('button', { name: 'Add department' }));
    const editor = screen.getByTestId('dept-editor');
    const name = within(editor).getByLabelText('Name');
    fireEvent.change(name, { target: { value: 'Finance' } });
    expect((within(editor).getByLabelText('Id') as HTMLInputElement).value).toBe('dept-finance');
    fireEvent.click(within(editor).getByLabelText('Refuses to share hosts with other departments'));
    fireEvent.submit(name.closest('form')!);
    const depts = () => t.store.getState().project!.estate.departments;
    expect(depts().at(-1)).toEqual({ id: 'dept-finance', name: 'Finance', refusesSharing: true });
    expect(screen.getAllByTestId('dept-row')).toHaveLength(2);
    act(() => t.store.getState().undo());
    expect(depts().map((d) => d.id)).toEqual(['dept-1']);
  });

  it('shows errors that name the field and applies nothing', async () => {
    const t = renderApp();
    await openTab('Data centres');
    fireEvent.click(screen.getAllByTestId('dc-row')[0]);
    const editor = screen.getByTestId('dc-editor');
    fireEvent.change(within(editor).getByLabelText('Latitude'), { target: { value: '123' } });
    fireEvent.change(within(editor).getByLabelText('Longitude'), { target: { value: '8.7' } });
    fireEvent.change(within(editor).getByLabelText('Tier'), { target: { value: 'four' } });
    const before = t.store.getState().project;
    fireEvent.click(within(editor).getByRole('button', { name: 'Apply' }));
    const alerts = within(editor).getAllByRole('alert').map((a) => a.textContent);
    expect(alerts).toEqual(['Latitude must be between -90 and 90', 'Tier must be a number']);
    expect(t.store.getState().project).toBe(before);
  });

  it('Escape reverts the typing, a second Escape closes the editor', async () => {
    renderApp();
    await openTab('Host models');
    fireEvent.click(screen.getAllByTestId('host-model-row')[0]);
    const editor = screen.getByTestId('host-model-editor');
    const name = within(editor).getByLabelText('Name') as HTMLInputElement;
    const original = name.value;
    fireEvent.change(name, { target: { value: 'Dell R760 2x Xeon 6430' } });
    fireEvent.keyDown(name, { key: 'Escape' });
    expect(name.value).toBe(original);
    fireEvent.keyDown(name, { key: 'Escape' });
    expect(screen.queryByTestId('host-model-editor')).toBeNull();
  });

  it('sets the client name in the project settings, undoably', async () => {
    const t = renderApp();
    await openTab('Project');
    const form = screen.getByTestId('estate-settings');
    fireEvent.change(within(form).getByLabelText('Client'), { target: { value: 'Acme Logistics' } });
    fireEvent.change(within(form).getByLabelText('Currency'), { target: { value: 'EU' } });
    fireEvent.submit(form);
    expect(within(form).getByRole('alert').textContent).toBe('Currency must be a 3-letter code (e.g. USD, EUR)');
    fireEvent.change(within(screen.getByTestId('estate-settings')).getByLabelText('Currency'), { target: { value: 'eur' } });
    fireEvent.submit(screen.getByTestId('estate-settings'));
    expect(t.store.getState().project!.estate).toMatchObject({ client: 'Acme Logistics', currency: 'EUR' });
    act(() => t.store.getState().undo());
    expect(t.store.getState().project!.estate.client).toBe('');
    expect((within(screen.getByTestId('estate-settings')).getByLabelText('Client') as HTMLInputElement).value).toBe('');
  });

  it('deleting a referenced data centre asks: cancel keeps it, reassign moves its servers', async () => {
    const t = renderApp();
    await openTab('Data centres');
    const estate = () => t.store.getState().project!.estate;
    const servers = estate().servers.filter((s) => s.dataCentreId === 'dc-0').length;
    expect(servers).toBeGreaterThan(0);
    fireEvent.click(screen.getAllByTestId('dc-row')[0]);
    fireEvent.click(within(screen.getByTestId('dc-editor')).getByRole('button', { name: 'Delete…' }));
    let dialog = screen.getByRole('alertdialog');
    expect(within(dialog).getByTestId('delete-references').textContent).toContain('server');
    // servers need a data centre: clearing is not offered
    expect((within(dialog).getByLabelText('Clear them', { exact: false }) as HTMLInputElement).disabled).toBe(true);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(estate().dataCentres).toHaveLength(3);
    fireEvent.click(within(screen.getByTestId('dc-editor')).getByRole('button', { name: 'Delete…' }));
    dialog = screen.getByRole('alertdialog');
    fireEvent.change(within(dialog).getByLabelText('Reassign to data centre'), { target: { value: 'dc-2' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(estate().dataCentres.map((d) => d.id)).toEqual(['dc-1', 'dc-2']);
    expect(estate().servers.filter((s) => s.dataCentreId === 'dc-0')).toHaveLength(0);
    expect(integrityProblems(estate())).toEqual([]);
    act(() => t.store.getState().undo());
    expect(estate().dataCentres.map((d) => d.id)).toEqual(['dc-0', 'dc-1', 'dc-2']);
    expect(estate().servers.filter((s) => s.dataCentreId === 'dc-0')).toHaveLength(servers);
  });

  it('Escape in the delete dialog cancels', async () => {
    const t = renderApp();
    await openTab('Applications');
    fireEvent.click(screen.getAllByTestId('app-row')[0]);
    fireEvent.click(within(screen.getByTestId('app-editor')).getByRole('button', { name: 'Delete…' }));
    fireEvent.keyDown(screen.getByRole('alertdialog'), { key: 'Escape' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(t.store.getState().project!.estate.applications).toHaveLength(4);
  });
});
