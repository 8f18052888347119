import { describe, expect, it } from 'vitest';
import type { HostCallArgs, HostResult, HostReturns, ImportFileKind, ImportPreview } from '../../electron/contract.ts';
import { guessMapping, IMPORT_KINDS } from '../../core/import/mapping.ts';
import { emptyCounts, formatReport, type QualityReport } from '../../core/import/report.ts';
import { createWorkbenchStore } from '../store/store.ts';
import { fakeCodec, fakeHost } from '../test/fake-host.ts';
import { makeProject } from '../test/fixtures.ts';
import { createImportFlow, groupFiles, importOptions, importProblems } from './import-flow.ts';

const ODD_HEADERS = ['Asset label', 'Location', 'vCPU', 'Memory (GB)'];

function previewOf(path: string, kind: ImportFileKind | null, headers: string[], error: string | null = null): ImportPreview {
  const csv = kind !== null && kind !== 'rvtools' && (IMPORT_KINDS as readonly string[]).includes(kind);
  return { path, name: path.split('/').pop() ?? path, kind, headers, guess: csv ? guessMapping(kind as (typeof IMPORT_KINDS)[number], headers) : null, error };
}

const REPORT: QualityReport = {
  files: ['odd.csv'],
  counts: { ...emptyCounts(), serversImported: 3 },
  tables: [{ file: 'odd.csv', sheet: null, rowsRead: 3, rowsUsed: 3, rowsSkipped: 0 }],
  issues: [{ severity: 'warning', kind: 'bad-value', message: 'cores is not a number: 1 used', at: [{ file: 'odd.csv', sheet: null, row: 3, column: 'vCPU' }] }],
};

function setup(options: { run?: 'ok' | 'fail'; browser?: boolean; pending?: Promise<HostResult<HostReturns['importRun']>> } = {}) {
  const codec = fakeCodec();
  const store = createWorkbenchStore();
  const base = makeProject(10);
  store.getState().loadProject(base, { path: '/p/a.cwb', name: 'a.cwb' });
  const merged = makeProject(13);
  const chosen = ['/data/odd.csv', '/data/rv/RVTools_tabvInfo.csv'];
  const previews: Record<string, (kinds?: Record<string, ImportFileKind>) => ImportPreview> = {
    '/data/odd.csv': (k) => previewOf('/data/odd.csv', k?.['/data/odd.csv'] ?? 'sites', ODD_HEADERS),
    '/data/rv/RVTools_tabvInfo.csv': () => previewOf('/data/rv/RVTools_tabvInfo.csv', 'rvtools', []),
    '/data/junk.csv': () => previewOf('/data/junk.csv', null, [], 'junk.csv: cannot tell what this CSV holds'),
  };
  const host = fakeHost({
    host: options.browser ? 'browser' : 'electron',
    initial: { file: null, bytes: codec.bytesOf(base) },
    imports: {
      preview: async (a: HostCallArgs<'importPreview'>) => ({ ok: true, value: (a.paths ?? chosen).map((p) => previews[p](a.kinds)) }),
      run: async (): Promise<HostResult<HostReturns['importRun']>> =>
        options.pending ? options.pending : options.run === 'fail'
          ? { ok: false, error: { code: 'bad-file', message: 'broken.xlsx, sheet vInfo, row 7, column "CPUs": not a number' } }
          : { ok: true, value: { bytes: codec.bytesOf(merged), report: REPORT, reportText: formatReport(REPORT) } },
    },
  });
  const flow = createImportFlow({ host: host.api, store, codec, now: () => new Date('2026-11-23T02:00:00Z'), appInfo: () => ({ name: 'CW', version: '0.1.0', host: options.browser ? 'browser' : 'electron', filesRoot: null, platform: 'linux' }) });
  return { flow, store, host, base, merged, codec };
}

describe('import flow', () => {
  it('chooses files with the native dialog, asks for the missing column, imports as one undoable step', async () => {
    const { flow, store, host, base, merged, codec } = setup();
    flow.open();
    await flow.chooseFiles();
    expect(host.callsOf('importPreview')[0].args).toEqual({ paths: null, jobId: expect.any(String) });
    let s = flow.state.getState();
    expect(s.files.map((f) => [f.name, f.kind])).toEqual([['odd.csv', 'sites'], ['RVTools_tabvInfo.csv', 'rvtools']]);

    // "Location" made it look like a site list: change it to an inventory, then map the server name.
    await flow.setKind('/data/odd.csv', 'inventory');
    expect(host.callsOf('importPreview')[1].args).toEqual({ paths: ['/data/odd.csv'], kinds: { '/data/odd.csv': 'inventory' }, jobId: expect.any(String) });
    s = flow.state.getState();
    expect(s.files[0]).toMatchObject({ kind: 'inventory', detected: 'sites', columns: { name: null, dataCentre: 'Location', cores: 'vCPU' } });
    expect(s.files[0].confidence.dataCentre).toBeGreaterThan(0);
    expect(importProblems(s)).toEqual(['odd.csv: choose a column for Server name.']);
    expect(await flow.run()).toBe(false);
    expect(host.callsOf('importRun')).toHaveLength(0);

    flow.setColumn('/data/odd.csv', 'name', 'Asset label');
    expect(flow.state.getState().files[0].confidence.name).toBeUndefined();
    flow.setTimeZone('Europe/Rome');
    expect(importProblems(flow.state.getState())).toEqual([]);
    expect(await flow.run()).toBe(true);

    const args = host.callsOf('importRun')[0].args as HostCallArgs<'importRun'>;
    expect(args.paths).toEqual(['/data/odd.csv', '/data/rv/RVTools_tabvInfo.csv']);
    expect(args.kinds).toEqual({ '/data/odd.csv': 'inventory', '/data/rv/RVTools_tabvInfo.csv': 'rvtools' });
    expect(args.mappings?.['/data/odd.csv']).toMatchObject({ kind: 'inventory', columns: { name: 'Asset label', dataCentre: 'Location' } });
    expect(Object.keys(args.mappings ?? {})).toEqual(['/data/odd.csv']);
    expect(args.timeZone).toBe('Europe/Rome');
    expect(args.base && codec.decode(args.base)).toEqual({ ok: true, project: base });

    expect(store.getState().project).toBe(merged);
    expect(store.getState().dirty).toBe(true);
    expect(store.getState().undoStack.map((e) => e.label)).toEqual(['Import 2 files']);
    s = flow.state.getState();
    expect(s).toMatchObject({ step: 'report', busy: null, error: null, files: [] });
    expect(s.lastReport?.reportText.split('\n')[0]).toBe('3 servers imported from 1 file: odd.csv');

    store.getState().undo();
    expect(store.getState().project).toBe(base);
    expect(store.getState().dirty).toBe(false);
    store.getState().redo();
    expect(store.getState().project).toBe(merged);
  });

  it('shows the running import\'s progress and Cancel stops it in the host', async () => {
    let answer: (r: HostResult<HostReturns['importRun']>) => void = () => {};
    const pending = new Promise<HostResult<HostReturns['importRun']>>((r) => (answer = r));
    const { flow, store, host, base } = setup({ pending });
    flow.open();
    await flow.chooseFiles();
    flow.removeFile('/data/odd.csv');
    const running = flow.run();
    await Promise.resolve();
    const { jobId } = host.callsOf('importRun')[0].args as HostCallArgs<'importRun'>;
    expect(jobId).toEqual(expect.any(String));
    expect(flow.state.getState()).toMatchObject({ busy: 'importing', jobId });
    // another job's progress is not ours
    host.emit('importProgress', { jobId: 'other', phase: 'reading', file: 'x.csv', rows: 5, totalRows: 5 });
    expect(flow.state.getState().progress).toBeNull();
    const progress = { jobId: jobId!, phase: 'reading' as const, file: 'RVTools_tabvInfo.csv', rows: 120_000, totalRows: 120_000 };
    host.emit('importProgress', progress);
    expect(flow.state.getState().progress).toEqual(progress);
    await flow.cancelRun();
    expect(host.callsOf('importCancel').map((c) => c.args)).toEqual([{ jobId }]);
    answer({ ok: false, error: { code: 'cancelled', message: 'Import cancelled' } });
    expect(await running).toBe(false);
    expect(flow.state.getState()).toMatchObject({ busy: null, jobId: null, progress: null, step: 'files' });
    expect(store.getState().project).toBe(base);
  });

  it('shows a failed import in the dialog and leaves the project alone', async () => {
    const { flow, store, base } = setup({ run: 'fail' });
    flow.open();
    await flow.chooseFiles();
    flow.removeFile('/data/odd.csv');
    expect(await flow.run()).toBe(false);
    const s = flow.state.getState();
    expect(s).toMatchObject({ step: 'files', busy: null, error: 'broken.xlsx, sheet vInfo, row 7, column "CPUs": not a number' });
    expect(s.files).toHaveLength(1);
    expect(store.getState().project).toBe(base);
    expect(store.getState().undoStack).toHaveLength(0);
    expect(store.getState().dirty).toBe(false);
  });

  it('adds files by path in browser mode without duplicates, and keeps unreadable files out of the run', async () => {
    const { flow, host } = setup({ browser: true });
    expect(flow.isBrowser()).toBe(true);
    flow.open();
    await flow.addPaths(['/data/junk.csv', '/data/rv/RVTools_tabvInfo.csv']);
    await flow.addPaths(['/data/junk.csv']);
    expect(host.callsOf('importPreview')).toHaveLength(1);
    expect(flow.state.getState().files.map((f) => f.name)).toEqual(['junk.csv', 'RVTools_tabvInfo.csv']);
    expect(importProblems(flow.state.getState())).toEqual(['junk.csv: cannot tell what this CSV holds']);
    expect(await flow.run()).toBe(false);
    flow.removeFile('/data/junk.csv');
    expect(importProblems(flow.state.getState())).toEqual([]);
    await flow.listFiles(null);
    expect(host.callsOf('filesList')[0].args).toEqual({ dir: null, extensions: ['xlsx', 'csv'] });
  });

  it('a cancelled dialog is no error; the last report stays reachable after reopening', async () => {
    const { flow, host } = setup();
    flow.open();
    const original = host.api.importPreview;
    host.api.importPreview = async (a) => (host.calls.push({ name: 'importPreview', args: a }), { ok: false, error: { code: 'cancelled', message: 'Cancelled' } });
    await flow.chooseFiles();
    expect(flow.state.getState()).toMatchObject({ error: null, busy: null, files: [] });
    host.api.importPreview = original;
    await flow.addPaths(['/data/rv/RVTools_tabvInfo.csv']);
    await flow.run();
    flow.close();
    flow.open();
    expect(flow.state.getState()).toMatchObject({ open: true, step: 'files' });
    flow.showReport();
    expect(flow.state.getState().step).toBe('report');
    expect(flow.state.getState().lastReport?.files).toEqual(['RVTools_tabvInfo.csv']);
  });

  it('does not import over edits made while the host worked', async () => {
    const { flow, store } = setup();
    flow.open();
    await flow.addPaths(['/data/rv/RVTools_tabvInfo.csv']);
    const running = flow.run();
    store.getState().loadProject(makeProject(4), null);
    expect(await running).toBe(false);
    expect(flow.state.getState().error).toMatch(/changed while importing/);
    expect(store.getState().project!.estate.servers).toHaveLength(4);
  });

  it('drops a preview that answers after its dialog was closed, even when the dialog was opened again', async () => {
    const codec = fakeCodec();
    const store = createWorkbenchStore();
    store.getState().loadProject(makeProject(10), null);
    const pending: ((v: ImportPreview[]) => void)[] = [];
    const host = fakeHost({
      host: 'electron',
      initial: { file: null, bytes: codec.bytesOf(makeProject(10)) },
      imports: {
        preview: (a: HostCallArgs<'importPreview'>) =>
          new Promise<HostResult<ImportPreview[]>>((resolve) => pending.push((v) => resolve({ ok: true, value: v.length ? v : (a.paths ?? []).map((p) => previewOf(p, 'inventory', ODD_HEADERS)) }))),
        run: async () => ({ ok: false, error: { code: 'internal', message: 'not used' } }),
      },
    });
    const flow = createImportFlow({ host: host.api, store, codec, now: () => new Date(0), appInfo: () => null });
    flow.open();
    const late = flow.chooseFiles();
    expect(flow.state.getState().busy).toBe('reading');
    flow.close();
    flow.open();
    const fresh = flow.addPaths(['/data/new.csv']);
    // the first session's answer arrives now: nothing of it reaches the second session
    pending[0]([previewOf('/data/old.csv', 'inventory', ODD_HEADERS)]);
    await late;
    expect(flow.state.getState().files).toEqual([]);
    expect(flow.state.getState().busy).toBe('reading');
    pending[1]([]);
    await fresh;
    expect(flow.state.getState().files.map((f) => f.path)).toEqual(['/data/new.csv']);
    expect(flow.state.getState().busy).toBeNull();
  });

  it('builds per-path options and flags an unknown time zone', () => {
    const files = [previewOf('/a.csv', 'links', ['from', 'to', 'capacity'])].map((p) => ({ ...p, detected: p.kind, columns: p.guess!.columns, confidence: p.guess!.confidence }));
    expect(importOptions(files)).toEqual({ kinds: { '/a.csv': 'links' }, mappings: { '/a.csv': { kind: 'links', columns: files[0].columns } } });
    expect(importProblems({ files, timeZone: 'Mars/Olympus' })).toEqual(['"Mars/Olympus" is not a known time zone.']);
    expect(importProblems({ files: [], timeZone: 'UTC' })).toEqual(['Add at least one file to import.']);
  });
});

describe('groupFiles', () => {
  it('shows the RVTools CSVs of one folder as one export, other files one by one', () => {
    const file = (path: string, kind: ImportFileKind) => ({ path, name: path.split('/').pop()!, detected: kind, kind, headers: [], columns: null, confidence: {}, error: null });
    const files = [file('/d/inv.csv', 'inventory'), file('/d/rv/RVTools_tabvInfo.csv', 'rvtools'), file('/d/x.xlsx', 'rvtools'), file('/d/rv/RVTools_tabvHost.csv', 'rvtools'), file('/e/RVTools_tabvInfo.csv', 'rvtools')];
    expect(groupFiles(files).map((g) => (g.type === 'file' ? g.file.name : `${g.dir}: ${g.files.map((f) => f.name).join(' ')}`))).toEqual([
      'inv.csv',
      '/d/rv: RVTools_tabvInfo.csv RVTools_tabvHost.csv',
      'x.xlsx',
      'RVTools_tabvInfo.csv',
    ]);
  });
});
