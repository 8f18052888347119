/**
 * Mounts the report when the report store asks for it: as an on-screen preview (full-window, with Export PDF
 * and Close) or, while Export PDF prints, invisibly on screen and alone on paper (report.css). Builds the
 * report model from the open project, the scenario and its plan (memoised: the input hash reads every series
 * byte) and tells the store once each request is on the page.
 */
import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import type { Plan } from '../../core/engine/plan.ts';
import type { Project } from '../../core/model/project.ts';
import type { Scenario } from '../../core/model/schema.ts';
import { buildReport, type Report } from '../../core/report/model.ts';
import { reportInputHash } from '../../core/report/hash.ts';
import { RUN_BUDGET_MS } from '../app/engine-runner.ts';
import { useWorkbench } from '../store/react.ts';
import { useApp } from '../ui/app-context.ts';
import { closeReport, markRendered, reportStore, type ReportStore } from './report-state.ts';
import { ReportView } from './ReportView.tsx';

/** A CSS string literal (for @page margin boxes). */
const cssString = (s: string) => `"${s.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\n\r]/g, ' ')}"`;

const hashes = new WeakMap<Plan, { project: Project; scenario: Scenario; hash: string }>();

/**
 * The report model. The input hash reads every series byte, so it is cached per plan while the project and
 * the scenario are the same objects (the store replaces them on any edit, which makes a new hash).
 */
export function reportFor(project: Project, scenario: Scenario, plan: Plan, date: string, appVersion: string): Report {
  const settings = { seed: scenario.seed, budgetMs: RUN_BUDGET_MS };
  let cached = hashes.get(plan);
  if (!cached || cached.project !== project || cached.scenario !== scenario) {
    cached = { project, scenario, hash: reportInputHash({ estate: project.estate, series: project.series, scenario, settings }) };
    hashes.set(plan, cached);
  }
  return buildReport({ ...project, scenario, plan, settings, date, appVersion, inputHash: cached.hash });
}

export function ReportLayer({ store = reportStore }: { store?: ReportStore }) {
  const { controller } = useApp();
  const request = useStore(store, (s) => s.request);
  const project = useWorkbench((s) => s.project);
  const plans = useWorkbench((s) => s.plans);
  const scenario = project?.estate.scenarios.find((s) => s.id === request?.scenarioId) ?? null;
  const plan = request ? (plans[request.scenarioId] ?? null) : null;
  const version = controller.appInfo()?.version ?? '';
  const report = useMemo(
    () => (project && scenario && plan && request ? reportFor(project, scenario, plan, request.date, version) : null),
    [project, scenario, plan, request, version],
  );
  const token = request?.token ?? 0;
  useEffect(() => {
    if (token > 0 && report) markRendered(store, token);
  }, [store, token, report]);
  const previewing = request?.purpose === 'preview';
  useEffect(() => {
    if (!previewing) return;
    // Escape closes the preview (a dialog on top handles its own Escape first)
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented && !document.querySelector('.modal-backdrop')) closeReport(store);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [previewing, store]);
  if (!request || !report || !project || !plan) return null;
  const footer = `${report.cover.estateName} · ${report.cover.scenarioName} · ${report.cover.date} · ${report.cover.inputHash.slice(0, 12)}`;
  return (
    <div className="report-layer" data-purpose={request.purpose} data-testid="report-layer">
      <style>{`@page { @bottom-left { content: ${cssString(footer)}; font: 7pt Helvetica, Arial, sans-serif; color: #4b5563; } @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 7pt Helvetica, Arial, sans-serif; color: #4b5563; } }`}</style>
      {request.purpose === 'preview' && (
        <div className="report-toolbar" role="toolbar" aria-label="Report">
          <span className="report-toolbar-title">
            Report preview: {report.cover.scenarioName} (A4, {report.sites.length} sites)
          </span>
          <button type="button" onClick={() => void controller.exportPdf()} data-testid="report-export-pdf">
            Export PDF
          </button>
          <button type="button" onClick={() => closeReport(store)} data-testid="report-close">
            Close
          </button>
        </div>
      )}
      <ReportView report={report} estate={project.estate} plan={plan} />
    </div>
  );
}
