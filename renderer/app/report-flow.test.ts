import { describe, expect, it } from 'vitest';
import { emptySeries } from '../../core/model/series.ts';
import { createWorkbenchStore } from '../store/store.ts';
import { createDialogStore, selectCurrentDialog, type DialogStore } from './dialogs.ts';
import { fakeHost } from '../test/fake-host.ts';
import { fakeCodec } from '../test/fake-host.ts';
import { tinyEstate, tinyPlan } from '../views/fixtures.ts';
import { createReportStore, markRendered, showReport, type ReportStore } from '../report/report-state.ts';
import { exportReportPdf, openReportPreview, reportScenarioId } from './report-flow.ts';
import { suggestedFileName } from './controller.ts';

const tick = () => new Promise((r) => setTimeout(r, 0));

function setup(host: 'browser' | 'electron', withPlan = true) {
  const estate = tinyEstate();
  estate.scenarios.push({ ...estate.scenarios[0], id: 'sc-2', name: 'Other' });
  const project = { estate, series: emptySeries('2026-03-01T00:00:00Z', 168, estate.servers.map((s) => s.id)) };
  const codec = fakeCodec();
  const h = fakeHost({ host, initial: { file: null, bytes: codec.bytesOf(project) } });
  const store = createWorkbenchStore();
  store.getState().loadProject(project, null);
  if (withPlan) store.getState().setPlan('sc-1', tinyPlan());
  const dialogs = createDialogStore();
  const reports = createReportStore();
  const printed: (string | undefined)[] = [];
  /** A stand-in for the mounted ReportLayer: renders (marks) every request it sees, unless told not to. */
  let rendering = true;
  reports.subscribe((s) => {
    if (rendering && s.request && s.renderedToken !== s.request.token) markRendered(reports, s.request.token);
  });
  const deps = {
    host: h.api,
    store,
    dialogs,
    reports,
    isBrowser: host === 'browser',
    print: () => void printed.push(reports.getState().request?.purpose),
    now: () => new Date(Date.UTC(2026, 10, 23, 1, 2)),
    fileName: suggestedFileName,
    renderTimeoutMs: 50,
  };
  return { h, store, dialogs, reports, printed, deps, stopRendering: () => (rendering = false) };
}

async function nextDialog(dialogs: DialogStore) {
  for (let i = 0; i < 50 && !selectCurrentDialog(dialogs.getState()); i++) await tick();
  return selectCurrentDialog(dialogs.getState());
}

describe('report flow', () => {
  it('Electron: mounts the report for print, asks the host for the PDF, then takes it down', async () => {
    const t = setup('electron');
    let mountedDuringCall: unknown = null;
    const exportPdf = t.h.api.exportPdf;
    t.deps.host = { ...t.h.api, exportPdf: async (a) => ((mountedDuringCall = t.reports.getState().request), exportPdf(a)) };
    await exportReportPdf(t.deps);
    expect(mountedDuringCall).toMatchObject({ scenarioId: 'sc-1', purpose: 'print', date: '2026-11-23' });
    expect(t.h.callsOf('exportPdf')[0].args).toEqual({ suggestedName: 'Tiny - Into Chicago report.pdf', path: null });
    expect(t.reports.getState().request).toBeNull();
  });

  it('browser mode: prints while the report is mounted', async () => {
    const t = setup('browser');
    await exportReportPdf(t.deps);
    expect(t.printed).toEqual(['print']);
    expect(t.h.callsOf('exportPdf')).toHaveLength(0);
    expect(t.reports.getState().request).toBeNull();
  });

  it('prints the open preview and leaves it open', async () => {
    const t = setup('browser');
    const token = openReportPreview('sc-1', t.deps.now, t.reports);
    await exportReportPdf(t.deps);
    expect(t.printed).toEqual(['preview']);
    expect(t.reports.getState().request).toMatchObject({ token, purpose: 'preview' });
  });

  it('without a plan for the scenario: says to run it first, mounts and prints nothing', async () => {
    const t = setup('browser', false);
    const done = exportReportPdf(t.deps);
    const d = await nextDialog(t.dialogs);
    expect(d?.kind).toBe('message');
    expect(d?.props).toMatchObject({ title: 'Run the plan first' });
    expect(String((d?.props as { message: string }).message)).toContain('"Into Chicago"');
    d?.resolve(null as never);
    await done;
    expect(t.printed).toEqual([]);
    expect(t.reports.getState().request).toBeNull();
  });

  it('a report that never renders is an error, not a blank PDF', async () => {
    const t = setup('electron');
    t.stopRendering();
    const done = exportReportPdf(t.deps);
    const d = await nextDialog(t.dialogs);
    expect(d?.kind).toBe('error');
    d?.resolve(null as never);
    await done;
    expect(t.h.callsOf('exportPdf')).toHaveLength(0);
    expect(t.reports.getState().request).toBeNull();
  });

  it('reports on the preview, else the Results pane, else the Scenario pane', () => {
    const t = setup('browser');
    const reports: ReportStore = createReportStore();
    t.store.getState().selectScenario('sc-2');
    expect(reportScenarioId(t.store.getState(), reports)).toBe('sc-2');
    t.store.getState().setActivePane('results');
    // the Results pane shows the scenario with a plan
    expect(reportScenarioId(t.store.getState(), reports)).toBe('sc-1');
    showReport(reports, 'sc-2', 'preview', '2026-01-01');
    expect(reportScenarioId(t.store.getState(), reports)).toBe('sc-2');
  });

  it('refuses while the scenario\'s run is still searching: the plan would be an interim one', async () => {
    const t = setup('electron');
    t.store.getState().startJob('sc-1', 5);
    t.store.getState().setPlan('sc-1', tinyPlan(), 5);
    const done = exportReportPdf(t.deps);
    const d = await nextDialog(t.dialogs);
    expect(d?.props).toMatchObject({ title: 'The plan is still running' });
    expect(String((d?.props as { message: string }).message)).toContain('interim');
    d?.resolve(null as never);
    await done;
    expect(t.h.callsOf('exportPdf')).toHaveLength(0);
    expect(t.reports.getState().request).toBeNull();
    // once the run ends, the same plan exports
    t.store.getState().finishJob('done', null, 5);
    await exportReportPdf(t.deps);
    expect(t.h.callsOf('exportPdf')).toHaveLength(1);
  });

  it('refuses a plan computed from another project (edit, import) and accepts it again when undone to that project', async () => {
    const t = setup('browser');
    const project = t.store.getState().project!;
    t.store.getState().replaceProject('Import', { ...project, estate: { ...project.estate, name: 'Imported' } });
    const done = exportReportPdf(t.deps);
    const d = await nextDialog(t.dialogs);
    expect(d?.props).toEqual({ title: 'Run the plan again', message: 'The project changed since this plan was computed: run the plan again.' });
    d?.resolve(null as never);
    await done;
    expect(t.printed).toEqual([]);
    t.store.getState().undo();
    await exportReportPdf(t.deps);
    expect(t.printed).toEqual(['print']);
  });

  it('an edit while the input hash is computed (the window stays live) stops the export with the reason', async () => {
    const t = setup('browser');
    const project = t.store.getState().project!;
    const done = exportReportPdf(t.deps);
    // the hash runs in timer slices: the edit lands before it is done
    t.store.getState().replaceProject('Import', { ...project, estate: { ...project.estate, name: 'Edited meanwhile' } });
    const d = await nextDialog(t.dialogs);
    expect(d?.props).toEqual({ title: 'Run the plan again', message: 'The project changed since this plan was computed: run the plan again.' });
    d?.resolve(null as never);
    await done;
    expect(t.printed).toEqual([]);
    expect(t.reports.getState().request).toBeNull();
  });

  it('an input hash that cannot be computed is an error dialog, and nothing is mounted', async () => {
    const t = setup('browser');
    const project = t.store.getState().project!;
    // a series whose metric cannot be read as float32 bytes makes the hash throw
    t.store.getState().loadProject({ ...project, series: { ...project.series, cpuPct: null as unknown as Float32Array } }, null);
    t.store.getState().setPlan('sc-1', tinyPlan());
    const done = exportReportPdf(t.deps);
    const d = await nextDialog(t.dialogs);
    expect(d?.props).toMatchObject({ title: 'Could not export the PDF' });
    expect(String((d?.props as { message: string }).message)).toContain("input hash could not be computed");
    d?.resolve(null as never);
    await done;
    expect(t.printed).toEqual([]);
    expect(t.reports.getState().request).toBeNull();
  });

  it('prints the plan and project it checked: a plan arriving while it prints does not change the report', async () => {
    const t = setup('electron');
    const checked = t.store.getState().plans['sc-1'];
    const input = t.store.getState().project;
    let during: unknown = null;
    const exportPdf = t.h.api.exportPdf;
    t.deps.host = {
      ...t.h.api,
      exportPdf: async (a) => {
        // another run starts and posts its first plan while the save dialog is open
        t.store.getState().startJob('sc-1', 9);
        t.store.getState().setPlan('sc-1', tinyPlan({ hostsUsed: 99 }), 9);
        during = t.reports.getState().request?.frozen;
        return exportPdf(a);
      },
    };
    await exportReportPdf(t.deps);
    expect(during).toEqual({ plan: checked, input });
    expect((during as { plan: unknown }).plan).toBe(checked);
  });

  it('an open preview is printed with its plan frozen, then shows the live plan again', async () => {
    const t = setup('browser');
    const token = openReportPreview('sc-1', t.deps.now, t.reports);
    let frozen: unknown = null;
    t.deps.print = () => void (frozen = t.reports.getState().request?.frozen);
    await exportReportPdf(t.deps);
    expect(frozen).toMatchObject({ plan: t.store.getState().plans['sc-1'] });
    expect(t.reports.getState().request).toEqual({ scenarioId: 'sc-1', purpose: 'preview', date: '2026-11-23', token });
  });
});
