/**
 * Mounts the report when the report store asks for it: as an on-screen preview (full-window, with Export PDF
 * and Close) or, while Export PDF prints, invisibly on screen and alone on paper (report.css). The report is
 * built from the plan and the Project object that plan was computed from (the jobs slice's `planInputs`, or the
 * request's frozen pair while printing), never from the project as it is now: a preview of a plan whose project
 * changed since shows that it must be run again instead. Tells the store once each request is on the page.
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { Plan } from '../../core/engine/plan.ts';
import type { Project } from '../../core/model/project.ts';
import { buildReport, type Report } from '../../core/report/model.ts';
import { useWorkbench } from '../store/react.ts';
import { isRunInProgress, selectPlanInput, STALE_PLAN_MESSAGE } from '../store/jobs-slice.ts';
import { useApp } from '../ui/app-context.ts';
import { cachedInputHash, inputHashAsync, peekInputHash, settingsOf } from './input-hash.ts';
import { closeReport, markRendered, reportStore, type ReportStore } from './report-state.ts';
import { ReportView } from './ReportView.tsx';
import { ReportWarnings } from './ReportWarnings.tsx';

/** A CSS string literal (for @page margin boxes). */
const cssString = (s: string) => `"${s.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\n\r]/g, ' ')}"`;

/**
 * The report of a plan from the Project object it was computed from (`input`) and the plan's own seed; null
 * when that project has no such scenario. `inputHash` when known (else it is computed now, in one go).
 */
export function reportFor(input: Project, scenarioId: string, plan: Plan, date: string, appVersion: string, inputHash?: string): Report | null {
  const scenario = input.estate.scenarios.find((s) => s.id === scenarioId);
  if (!scenario) return null;
  const settings = settingsOf(plan);
  const hash = inputHash ?? cachedInputHash(input, scenarioId, settings) ?? undefined;
  return buildReport({ ...input, scenario, plan, settings, date, appVersion, inputHash: hash });
}

/**
 * The input hash of (input, scenario, plan settings): null while it is being computed in slices (the UI stays
 * live), then the hash; re-renders the caller when it arrives.
 */
function useInputHash(input: Project | null, scenarioId: string | null, plan: Plan | null): { hash: string | null; error: string | null } {
  const known = input && scenarioId !== null && plan ? peekInputHash(input, scenarioId, settingsOf(plan)) : null;
  // the last computation's outcome, with what it was for
  const [done, setDone] = useState<{ input: Project; scenarioId: string; plan: Plan; hash: string | null; error: string | null } | null>(null);
  useEffect(() => {
    if (!input || scenarioId === null || !plan || known !== null) return;
    let live = true;
    const finish = (hash: string | null, error: string | null) => live && setDone({ input, scenarioId, plan, hash, error });
    inputHashAsync(input, scenarioId, settingsOf(plan)).then(
      (hash) => finish(hash, hash === null ? "the plan's scenario is not in the project it was computed from" : null),
      (e: unknown) => finish(null, e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [input, scenarioId, plan, known]);
  const mine = done !== null && done.input === input && done.scenarioId === scenarioId && done.plan === plan ? done : null;
  return { hash: known ?? mine?.hash ?? null, error: mine?.error ?? null };
}

/** The preview's frame when there is no report to show: the toolbar with Close, and why. */
function PreviewNotice({ onClose, children }: { onClose: () => void; children: ReactNode }) {
  return (
    <div className="report-layer" data-purpose="preview" data-testid="report-layer">
      <div className="report-toolbar" role="toolbar" aria-label="Report">
        <span className="report-toolbar-title">Report preview</span>
        <button type="button" onClick={onClose} data-testid="report-close">
          Close
        </button>
      </div>
      {children}
    </div>
  );
}

function PreviewWarnings({ input, scenarioId, store }: { input: Project; scenarioId: string; store: ReportStore }) {
  const scenario = input.estate.scenarios.find((s) => s.id === scenarioId);
  return scenario ? <ReportWarnings estate={input.estate} scenario={scenario} store={store} /> : null;
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
  // the input hash reads every series byte: computed in slices first, the report is built once it is known
  const { hash, error: hashError } = useInputHash(stale ? null : input, scenarioId, plan);
  const report = useMemo(
    () => (input && scenarioId !== null && plan && !stale && hash !== null ? reportFor(input, scenarioId, plan, date, version, hash) : null),
    [input, scenarioId, plan, stale, date, version, hash],
  );
  const token = request?.token ?? 0;
  useEffect(() => {
    if (token > 0 && report) markRendered(store, token);
  }, [store, token, report]);
  // the PDF's document title (its metadata and the print dialog's file name): the project and the scenario
  const docTitle = report ? `${report.cover.estateName} — ${report.cover.scenarioName}` : null;
  useEffect(() => {
    if (docTitle === null) return;
    const before = document.title;
    document.title = docTitle;
    return () => {
      document.title = before;
    };
  }, [docTitle]);
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
      <PreviewNotice onClose={() => closeReport(store)}>
        <p className="report-stale" role="alert" data-testid="report-stale">
          {STALE_PLAN_MESSAGE}
        </p>
      </PreviewNotice>
    );
  }
  if (request && !stale && input && plan && !report && request.purpose === 'preview') {
    return (
      <PreviewNotice onClose={() => closeReport(store)}>
        {hashError === null ? (
          <p className="report-pending" role="status" data-testid="report-pending">
            Preparing the report: hashing the plan&apos;s inputs ({input.estate.servers.length.toLocaleString('en-US')} servers and their series)...
          </p>
        ) : (
          <p className="report-stale" role="alert" data-testid="report-hash-error">
            The report&apos;s input hash could not be computed: {hashError}
          </p>
        )}
      </PreviewNotice>
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
      {request.purpose === 'preview' && scenarioId !== null && <PreviewWarnings input={input} scenarioId={scenarioId} store={store} />}
      <ReportView report={report} estate={input.estate} plan={plan} />
    </div>
  );
}
