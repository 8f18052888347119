/**
 * Mounts the report when the report store asks for it: as an on-screen preview (full-window, with Export PDF
 * and Close) or, while Export PDF prints, invisibly on screen and alone on paper (report.css). The report is
 * built from the plan and the Project object that plan was computed from (the jobs slice's `planInputs`, or the
 * request's frozen pair while printing), never from the project as it is now: a preview of a plan whose project
 * changed since shows that it must be run again instead. Tells the store once each request is on the page.
 */
import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import type { Plan } from '../../core/engine/plan.ts';
import type { Project } from '../../core/model/project.ts';
import { buildReport, type Report } from '../../core/report/model.ts';
import { reportInputHash, type EngineSettings } from '../../core/report/hash.ts';
import { RUN_BUDGET_MS } from '../app/engine-runner.ts';
import { useWorkbench } from '../store/react.ts';
import { isRunInProgress, selectPlanInput, STALE_PLAN_MESSAGE } from '../store/jobs-slice.ts';
import { useApp } from '../ui/app-context.ts';
import { closeReport, markRendered, reportStore, type ReportStore } from './report-state.ts';
import { ReportView } from './ReportView.tsx';

/** A CSS string literal (for @page margin boxes). */
const cssString = (s: string) => `"${s.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\n\r]/g, ' ')}"`;

/** Input hashes by input project, then by "scenario id|seed|budget" (the hash reads every series byte). */
const hashes = new WeakMap<Project, Map<string, string>>();

/** How many input hashes were computed (tests: a run's plans share one). */
export const hashStats = { computed: 0 };

/** The report's input hash of a plan's input project, computed once per (project, scenario, settings). */
export function cachedInputHash(input: Project, scenarioId: string, settings: EngineSettings): string | null {
  const scenario = input.estate.scenarios.find((s) => s.id === scenarioId);
  if (!scenario) return null;
  let byKey = hashes.get(input);
  if (!byKey) hashes.set(input, (byKey = new Map()));
  const key = `${scenarioId}|${settings.seed}|${settings.budgetMs}|${settings.iterations ?? ''}`;
  let hash = byKey.get(key);
  if (hash === undefined) {
    hash = reportInputHash({ estate: input.estate, series: input.series, scenario, settings });
    hashStats.computed++;
    byKey.set(key, hash);
  }
  return hash;
}

/**
 * The report of a plan from the Project object it was computed from (`input`) and the plan's own seed; null
 * when that project has no such scenario.
 */
export function reportFor(input: Project, scenarioId: string, plan: Plan, date: string, appVersion: string): Report | null {
  const scenario = input.estate.scenarios.find((s) => s.id === scenarioId);
  if (!scenario) return null;
  // the settings the engine recorded on the plan (older plans: the UI's run budget)
  const settings = { seed: plan.seed, budgetMs: plan.search?.budgetMs ?? RUN_BUDGET_MS, iterations: plan.search?.iterations ?? null };
  const inputHash = cachedInputHash(input, scenarioId, settings) ?? undefined;
  return buildReport({ ...input, scenario, plan, settings, date, appVersion, inputHash });
}

export function ReportLayer({ store = reportStore }: { store?: ReportStore }) {
  const { controller } = useApp();
  const request = useStore(store, (s) => s.request);
  const scenarioId = request?.scenarioId ?? null;
  const project = useWorkbench((s) => s.project);
  const livePlan = useWorkbench((s) => (scenarioId === null ? null : (s.plans[scenarioId] ?? null)));
  const liveInput = useWorkbench((s) => (scenarioId === null ? undefined : selectPlanInput(s, scenarioId)));
  const running = useWorkbench((s) => scenarioId !== null && isRunInProgress(s, scenarioId));
  const frozen = request?.frozen ?? null;
  const plan = frozen ? frozen.plan : livePlan;
  const input = frozen ? frozen.input : (liveInput ?? null);
  // a frozen request prints the plan with its own input; the live preview refuses a plan of other inputs
  const stale = !frozen && plan !== null && input !== project;
  const version = controller.appInfo()?.version ?? '';
  const date = request?.date ?? '';
  const report = useMemo(
    () => (input && scenarioId !== null && plan && !stale ? reportFor(input, scenarioId, plan, date, version) : null),
    [input, scenarioId, plan, stale, date, version],
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
  if (request && stale && request.purpose === 'preview') {
    return (
      <div className="report-layer" data-purpose="preview" data-testid="report-layer">
        <div className="report-toolbar" role="toolbar" aria-label="Report">
          <span className="report-toolbar-title">Report preview</span>
          <button type="button" onClick={() => closeReport(store)} data-testid="report-close">
            Close
          </button>
        </div>
        <p className="report-stale" role="alert" data-testid="report-stale">
          {STALE_PLAN_MESSAGE}
        </p>
      </div>
    );
  }
  if (!request || !report || !input || !plan) return null;
  const footer = `${report.cover.estateName} · ${report.cover.scenarioName} · ${report.cover.date} · ${report.cover.inputHash.slice(0, 12)}`;
  return (
    <div className="report-layer" data-purpose={request.purpose} data-testid="report-layer">
      <style>{`@page { @bottom-left { content: ${cssString(footer)}; font: 7pt Helvetica, Arial, sans-serif; color: #4b5563; } @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 7pt Helvetica, Arial, sans-serif; color: #4b5563; } }`}</style>
      {request.purpose === 'preview' && (
        <div className="report-toolbar" role="toolbar" aria-label="Report">
          <span className="report-toolbar-title">
            Report preview: {report.cover.scenarioName} (A4, {report.sites.length} sites)
          </span>
          {running && !frozen && (
            <span className="report-toolbar-note" data-testid="report-interim">
              Interim plan, search still running: Export PDF waits for the final plan.
            </span>
          )}
          <button type="button" onClick={() => void controller.exportPdf()} data-testid="report-export-pdf">
            Export PDF
          </button>
          <button type="button" onClick={() => closeReport(store)} data-testid="report-close">
            Close
          </button>
        </div>
      )}
      <ReportView report={report} estate={input.estate} plan={plan} />
    </div>
  );
}
