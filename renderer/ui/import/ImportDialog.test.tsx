// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { HostCallArgs, ImportFileKind, ImportPreview } from '../../../electron/contract.ts';
import { guessMapping, type ImportKind } from '../../../core/import/mapping.ts';
import { emptyCounts, formatReport, type QualityReport } from '../../../core/import/report.ts';
import { renderApp } from '../../test/render-app.tsx';
import { ImportReport, SHOW_ISSUES } from './ImportReport.tsx';
import { makeProject } from '../../test/fixtures.ts';

afterEach(cleanup);

const HEADERS = ['Asset label', 'Location', 'vCPU', 'Memory (GB)'];
const REPORT: QualityReport = {
  files: ['odd.csv'],
  counts: { ...emptyCounts(), serversImported: 3, dataCentres: 2 },
  tables: [{ file: 'odd.csv', sheet: null, rowsRead: 4, rowsUsed: 3, rowsSkipped: 1 }],
  issues: [
    { severity: 'warning', kind: 'bad-value', message: 'cores is not a number: 1 used', at: [{ file: 'odd.csv', sheet: null, row: 3, column: 'vCPU' }] },
    { severity: 'info', kind: 'assumption', message: 'no department: placed in "unassigned"', at: [] },
  ],
};

function preview(kinds: Record<string, ImportFileKind> | undefined): ImportPreview {
  const kind = (kinds?.['/data/odd.csv'] ?? 'sites') as ImportKind;
  return { path: '/data/odd.csv', name: 'odd.csv', kind, headers: HEADERS, guess: guessMapping(kind, HEADERS), error: null };
}

function setup(run: 'ok' | 'fail') {
  const merged = makeProject(23, 3, 4);
  const t = renderApp({
    host: 'browser',
    project: makeProject(20, 3, 4),
    files: () => ({ '/data/odd.csv': new TextEncoder().encode('Asset label,Location\n') }),
    imports: (codec) => ({
      preview: async (a: HostCallArgs<'importPreview'>) => ({ ok: true, value: (a.paths ?? []).map(() => preview(a.kinds)) }),
      run: async () =>
        run === 'ok'
          ? { ok: true, value: { bytes: codec.bytesOf(merged), report: REPORT, reportText: formatReport(REPORT) } }
          : { ok: false, error: { code: 'bad-file', message: 'odd.csv, row 7, column "vCPU": the file ends inside a quoted field' } },
    }),
  });
  return { ...t, merged };
}

async function openImportWithFile() {
  await screen.findByTestId('app-ready');
  fireEvent.click(screen.getByRole('button', { name: 'Import…' }));
  const dialog = await screen.findByRole('dialog', { name: 'Import' });
  fireEvent.click(await within(dialog).findByRole('button', { name: 'Add odd.csv' }));
  await within(dialog).findByRole('article', { name: 'odd.csv' });
  return dialog;
}

describe('Import dialog', () => {
  it('maps columns, blocks Import until required fields are mapped, imports as one undoable step and shows the report', async () => {
    const t = setup('ok');
    const before = () => t.store.getState().project;
    await screen.findByTestId('app-ready');
    const original = before();
    const dialog = await openImportWithFile();
    const card = within(dialog).getByRole('article', { name: 'odd.csv' });

    // Detected as sites; the consultant says it is an inventory.
    const kind = within(card).getByLabelText('Holds') as HTMLSelectElement;
    expect(kind.value).toBe('sites');
    fireEvent.change(kind, { target: { value: 'inventory' } });
    await waitFor(() => expect(within(card).getByLabelText('Column for Server name')).toBeTruthy());
    const name = within(card).getByLabelText('Column for Server name') as HTMLSelectElement;
    expect(name.value).toBe('');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect((within(card).getByLabelText('Column for Data centre') as HTMLSelectElement).value).toBe('Location');
    const importButton = within(dialog).getByRole('button', { name: 'Import' });
    expect((importButton as HTMLButtonElement).disabled).toBe(true);
    expect(within(dialog).getByRole('status', { name: 'Before you can import' }).textContent).toContain('odd.csv: choose a column for Server name.');

    fireEvent.change(name, { target: { value: 'Asset label' } });
    expect(name.closest('tr')?.textContent).toContain('your choice');
    expect((importButton as HTMLButtonElement).disabled).toBe(false);
    fireEvent.click(importButton);

    const report = await screen.findByTestId('import-report');
    expect(screen.getByRole('dialog', { name: 'Import report' })).toBeTruthy();
    expect(within(report).getByTestId('import-servers').textContent).toBe('3');
    expect(within(report).getByRole('region', { name: 'Warnings' }).textContent).toContain('odd.csv, row 3, column "vCPU"');
    expect(within(report).getByRole('region', { name: 'Notes' }).textContent).toContain('unassigned');
    expect((within(report).getByLabelText('Report as plain text') as HTMLTextAreaElement).value.split('\n')[0]).toBe('3 servers imported from 1 file: odd.csv');
    const args = t.host.callsOf('importRun')[0].args as HostCallArgs<'importRun'>;
    expect(args.mappings?.['/data/odd.csv'].columns.name).toBe('Asset label');

    expect(before()).toBe(t.merged);
    expect(t.store.getState().dirty).toBe(true);
    // The workbench's shortcuts do not reach the project behind the dialog.
    fireEvent.keyDown(within(report).getByRole('button', { name: 'Close' }), { key: 'z', ctrlKey: true });
    expect(before()).toBe(t.merged);
    fireEvent.click(within(report).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog', { name: /Import/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(before()).toBe(original);
    expect(t.store.getState().dirty).toBe(false);

    // The report stays reachable.
    fireEvent.click(screen.getByRole('button', { name: 'Import…' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Last import report' }));
    expect(within(screen.getByTestId('import-report')).getByTestId('import-servers').textContent).toBe('3');
  });

  it('shows a failed import in the dialog and leaves the project as it was', async () => {
    const t = setup('fail');
    await screen.findByTestId('app-ready');
    const original = t.store.getState().project;
    const dialog = await openImportWithFile();
    fireEvent.change(within(dialog).getByLabelText('Holds'), { target: { value: 'inventory' } });
    await waitFor(() => expect(within(dialog).getByLabelText('Column for Server name')).toBeTruthy());
    fireEvent.change(within(dialog).getByLabelText('Column for Server name'), { target: { value: 'Asset label' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Import' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toBe('odd.csv, row 7, column "vCPU": the file ends inside a quoted field');
    expect(t.store.getState().project).toBe(original);
    expect(t.store.getState().undoStack).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog', { name: 'Import' })).toBeNull();
  });
});

describe('Import dialog in Electron', () => {
  it('goes straight to the native dialog and lists the chosen files; "Choose files…" adds more', async () => {
    const second: ImportPreview = { ...preview({ '/data/odd.csv': 'inventory' }), path: '/data/second.csv', name: 'second.csv' };
    const third: ImportPreview = { ...preview({ '/data/odd.csv': 'inventory' }), path: '/data/third.csv', name: 'third.csv' };
    // what the native dialog returns, one answer per "Choose files…": the first file, a new one, then the first again with another
    const answers = [[preview({ '/data/odd.csv': 'inventory' })], [second], [preview({ '/data/odd.csv': 'inventory' }), third]];
    const t = renderApp({
      host: 'electron',
      imports: () => ({ preview: async (a: HostCallArgs<'importPreview'>) => ({ ok: true, value: a.paths === null ? (answers.shift() ?? []) : [] }) }),
    });
    await screen.findByTestId('app-ready');
    fireEvent.click(screen.getByRole('button', { name: 'Import…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import' });
    await within(dialog).findByRole('article', { name: 'odd.csv' });
    expect(t.host.callsOf('importPreview').map((c) => c.args)).toEqual([{ paths: null, jobId: expect.any(String) }]);
    expect(within(dialog).queryByRole('region', { name: 'Choose files' })).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Choose files…' }));
    await within(dialog).findByRole('article', { name: 'second.csv' });
    expect(within(dialog).getAllByTestId('import-file').map((el) => el.getAttribute('aria-label'))).toEqual(['odd.csv', 'second.csv']);
    // the same file chosen again is dropped: once third.csv (from the same answer) is listed, odd.csv is still there once
    fireEvent.click(within(dialog).getByRole('button', { name: 'Choose files…' }));
    await within(dialog).findByRole('article', { name: 'third.csv' });
    expect(t.host.callsOf('importPreview')).toHaveLength(3);
    expect(within(dialog).getAllByTestId('import-file').map((el) => el.getAttribute('aria-label'))).toEqual(['odd.csv', 'second.csv', 'third.csv']);
  });
});

describe('Import report', () => {
  it('lists at most SHOW_ISSUES issues per severity, counts the rest, and keeps them all in the plain text', () => {
    const many = Array.from({ length: SHOW_ISSUES + 30 }, (_, i) => ({
      severity: 'warning' as const,
      kind: 'bad-value' as const,
      message: `problem ${i}`,
      at: [{ file: 'big.csv', sheet: null, row: i + 2, column: null }],
    }));
    const report: QualityReport = { ...REPORT, issues: [...many, ...REPORT.issues] };
    const reportText = formatReport(report);
    render(<ImportReport view={{ report, reportText, files: ['big.csv'], at: '' }} onBack={() => {}} onClose={() => {}} />);
    const warnings = screen.getByRole('region', { name: 'Warnings' });
    expect(warnings.querySelectorAll(':scope > ul > li.import-issue')).toHaveLength(SHOW_ISSUES);
    expect(within(warnings).getByTestId('import-issues-more-warning').textContent).toBe('… and 31 more (all in the plain text)');
    expect(screen.queryByTestId('import-issues-more-info')).toBeNull();
    const text = (screen.getByLabelText('Report as plain text') as HTMLTextAreaElement).value;
    expect(text).toContain(`problem ${SHOW_ISSUES + 29}`);
    expect(text).toContain(`Warnings (${SHOW_ISSUES + 31}):`);
  });
});
