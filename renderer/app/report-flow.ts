/**
 * Export PDF and the report preview. The PDF is the snapshot report (renderer/report), never a print of the
 * workbench: the flow mounts the report layer for the scenario (the preview's, else the one the Results pane
 * shows, else the Scenario pane's), waits until it is on the page, then prints. Electron: host.exportPdf asks
 * where and prints the window with printToPDF, where @media print shows only the report. Browser mode: the
 * page's print dialog. The layer is taken down again unless the preview was open.
 *
 * Without a plan for that scenario the flow says so and stops: a run takes seconds to minutes and its result
 * should be looked at before it goes into a report, so it is not started behind the user's back. It refuses,
 * with the reason, while that scenario's run is still searching (the plan would be an interim one) and when
 * the project changed since the plan was computed (an edit, an import, an undo: the report would describe a
 * plan of other inputs). What it prints is frozen in the request: the plan and the Project object it came from.
 * The report's input hash is computed before the report is mounted, in slices between UI tasks.
 */
import type { HostApi } from '../../electron/contract.ts';
import type { WorkbenchStore } from '../store/store.ts';
import type { WorkbenchState } from '../store/types.ts';
import { selectCurrentScenario, selectResultsScenarioId } from '../store/selectors.ts';
import { isPlanStale, isRunInProgress, selectPlanInput, STALE_PLAN_MESSAGE } from '../store/jobs-slice.ts';
import { closeReport, reportDate, reportStore, showReport, whenRendered, type ReportStore } from '../report/report-state.ts';
import { inputHashAsync, settingsOf } from '../report/input-hash.ts';
import { ask, type DialogStore } from './dialogs.ts';

export type ReportFlowDeps = {
  host: HostApi;
  store: WorkbenchStore;
  dialogs: DialogStore;
  /** Browser mode prints with the page's dialog; Electron asks the host for printToPDF. */
  isBrowser: boolean;
  print: () => void;
  now: () => Date;
  /** A safe file name from a base name and an extension (the controller's suggestedFileName). */
  fileName: (base: string, ext: string) => string;
  reports?: ReportStore;
  /** How long to wait for the report to render before giving up. */
  renderTimeoutMs?: number;
};

/** The scenario a report is for: the open preview's, else the Results pane's (when shown), else the current one. */
export function reportScenarioId(state: WorkbenchState, reports: ReportStore = reportStore): string | null {
  const open = reports.getState().request;
  if (open?.purpose === 'preview') return open.scenarioId;
  if (state.activePane === 'results') return selectResultsScenarioId(state) ?? selectCurrentScenario(state)?.id ?? null;
  return selectCurrentScenario(state)?.id ?? null;
}

/** Open the on-screen report of a scenario's plan. */
export function openReportPreview(scenarioId: string, now: () => Date, reports: ReportStore = reportStore): number {
  return showReport(reports, scenarioId, 'preview', reportDate(now()));
}

/** Why a scenario's plan cannot go into a report now (a dialog's title and message), or null when it can. */
export function reportRefusal(state: WorkbenchState, scenarioId: string, scenarioName: string): { title: string; message: string } | null {
  if (!state.plans[scenarioId]) {
    return {
      title: 'Run the plan first',
      message: `There is no plan for "${scenarioName}" yet. Run it in the Scenario pane, look at the results, then export the PDF report.`,
    };
  }
  if (isRunInProgress(state, scenarioId)) {
    return {
      title: 'The plan is still running',
      message: `The engine is still searching for a better plan for "${scenarioName}": the plan on screen is an interim one. Wait until the run finishes (or cancel it), then export the PDF report.`,
    };
  }
  if (isPlanStale(state, scenarioId)) return { title: 'Run the plan again', message: STALE_PLAN_MESSAGE };
  return null;
}

export async function exportReportPdf(deps: ReportFlowDeps): Promise<void> {
  const { host, store, dialogs } = deps;
  const reports = deps.reports ?? reportStore;
  const state = store.getState();
  const estate = state.project?.estate;
  const scenarioId = reportScenarioId(state, reports);
  const scenario = estate?.scenarios.find((s) => s.id === scenarioId);
  if (!estate || !scenario) {
    await ask(dialogs, 'message', { title: 'Export PDF', message: 'There is no scenario to report on. Add a scenario and run the plan first.' });
    return;
  }
  const refusal = reportRefusal(state, scenario.id, scenario.name);
  if (refusal) {
    await ask(dialogs, 'message', refusal);
    return;
  }
  const input = selectPlanInput(state, scenario.id);
  // (not stale: the plan's input is the open project)
  if (!input) return;
  const frozen = { plan: state.plans[scenario.id], input };
  // the input hash reads every series byte: computed first, in slices (the UI stays live), so the report renders at once
  try {
    await inputHashAsync(input, scenario.id, settingsOf(frozen.plan));
  } catch (e) {
    await ask(dialogs, 'error', { title: 'Could not export the PDF', message: `The report's input hash could not be computed: ${e instanceof Error ? e.message : String(e)}` });
    return;
  }
  // the window stayed live meanwhile: an edit, an undo or a new run may have come in (the frozen plan and its
  // input still agree, so only the same refusals as above apply)
  const changed = reportRefusal(store.getState(), scenario.id, scenario.name);
  if (changed) {
    await ask(dialogs, 'message', changed);
    return;
  }
  const before = reports.getState().request;
  let token: number;
  if (before?.purpose === 'preview' && before.scenarioId === scenario.id) {
    // print the open preview as it is, with its plan fixed until the print is done
    token = before.token;
    reports.setState({ request: { ...before, frozen } });
  } else token = showReport(reports, scenario.id, 'print', reportDate(deps.now()), frozen);
  try {
    if (!(await whenRendered(reports, token, deps.renderTimeoutMs))) {
      await ask(dialogs, 'error', { title: 'Could not export the PDF', message: 'The report did not finish rendering.' });
      return;
    }
    if (deps.isBrowser) {
      deps.print();
      return;
    }
    const r = await host.exportPdf({ suggestedName: deps.fileName(`${estate.name} - ${scenario.name} report`, '.pdf'), path: null });
    if (!r.ok && r.error.code !== 'cancelled') await ask(dialogs, 'error', { title: 'Could not export the PDF', message: r.error.message });
  } finally {
    // put back what was there: the preview stays open (showing the live plan again), a print-only mount goes
    if (reports.getState().request?.token === token) {
      if (before) reports.setState({ request: before });
      else closeReport(reports);
    }
  }
}
