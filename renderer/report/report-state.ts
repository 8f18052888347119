/**
 * Whether the report is mounted, for which scenario and why: 'preview' (the on-screen report the Results pane
 * opens, with its own toolbar) or 'print' (mounted only while Export PDF prints, invisible on screen).
 * A small store of its own, like the dialogs': transient UI state, never saved, not a workbench slice.
 * The mounted ReportLayer reports each render it committed, so a flow can wait until the layout is on the page
 * before printing.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Plan } from '../../core/engine/plan.ts';
import type { Project } from '../../core/model/project.ts';

export type ReportPurpose = 'preview' | 'print';

export type ReportRequest = {
  scenarioId: string;
  purpose: ReportPurpose;
  /** The date printed on the cover, e.g. "2026-11-23". */
  date: string;
  /** Bumped on every request, so a flow waits for the render of its own request. */
  token: number;
  /**
   * The plan and the Project object it was computed from, fixed when the request was made (Export PDF), so
   * plans arriving while it prints do not change what is printed. Absent: the layer shows the scenario's
   * current plan (the preview), and refuses it when the project changed since.
   */
  frozen?: FrozenPlan;
};

export type FrozenPlan = { plan: Plan; input: Project };

export type ReportState = {
  request: ReportRequest | null;
  /** The token of the last request the layer rendered (committed to the DOM). */
  renderedToken: number;
};

export type ReportStore = StoreApi<ReportState>;

export function createReportStore(): ReportStore {
  return createStore<ReportState>()(() => ({ request: null, renderedToken: 0 }));
}

/** The app's report store (one report layer per window). */
export const reportStore: ReportStore = createReportStore();

let nextToken = 1;

/** Mount the report for a scenario; returns the request's token. */
export function showReport(store: ReportStore, scenarioId: string, purpose: ReportPurpose, date: string, frozen?: FrozenPlan): number {
  const token = nextToken++;
  store.setState({ request: frozen ? { scenarioId, purpose, date, token, frozen } : { scenarioId, purpose, date, token } });
  return token;
}

export function closeReport(store: ReportStore): void {
  store.setState({ request: null });
}

/** The layer committed the render of `token`. */
export function markRendered(store: ReportStore, token: number): void {
  if (store.getState().renderedToken !== token) store.setState({ renderedToken: token });
}

/** Resolves true once request `token` is rendered, false after `timeoutMs` (or when another request replaced it). */
export function whenRendered(store: ReportStore, token: number, timeoutMs = 10_000): Promise<boolean> {
  return new Promise((resolve) => {
    const check = (s: ReportState): boolean | null => (s.renderedToken === token ? true : s.request?.token !== token ? false : null);
    const now = check(store.getState());
    if (now !== null) return resolve(now);
    const timer = setTimeout(() => {
      off();
      resolve(false);
    }, timeoutMs);
    const off = store.subscribe((s) => {
      const r = check(s);
      if (r === null) return;
      clearTimeout(timer);
      off();
      resolve(r);
    });
  });
}

/** "2026-11-23" for the report's cover (UTC, so the same moment prints the same date everywhere). */
export function reportDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}
