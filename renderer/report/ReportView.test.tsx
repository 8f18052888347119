// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { emptySeries } from '../../core/model/series.ts';
import { buildReport } from '../../core/report/model.ts';
import { tinyEstate, tinyPlan } from '../views/fixtures.ts';
import { renderApp } from '../test/render-app.tsx';
import { ReportView } from './ReportView.tsx';
import { hostHeatmapImage } from './ReportHeatmap.tsx';
import { placeLabels } from './ReportMap.tsx';
import { reportFor } from './ReportLayer.tsx';
import { hashStats, inputHashAsync, peekInputHash, settingsOf } from './input-hash.ts';
import { closeReport, reportStore } from './report-state.ts';
import { openReportPreview } from '../app/report-flow.ts';

afterEach(() => {
  closeReport(reportStore);
  cleanup();
});

function tinyReport() {
  const estate = tinyEstate();
  const plan = tinyPlan();
  const series = emptySeries('2026-03-01T00:00:00Z', 168, estate.servers.map((s) => s.id));
  return { estate, plan, report: buildReport({ estate, series, scenario: estate.scenarios[0], plan, settings: { seed: 1, budgetMs: 6000 }, date: '2026-11-23', appVersion: '9.9.9' }) };
}

describe('ReportView', () => {
  it('lays out every section with the cover hash, the map, the heatmaps and the tables', () => {
    const { estate, plan, report } = tinyReport();
    render(<ReportView report={report} estate={estate} plan={plan} />);
    const root = screen.getByTestId('report');
    expect([...root.querySelectorAll('section.report-page')].map((s) => s.getAttribute('aria-label') ?? s.querySelector('h2')?.textContent)).toEqual([
      'Cover',
      'Executive summary',
      'WAN map after the moves',
      'Host utilisation by hour of the week',
      'Sites',
      'Unplaced workloads and violations',
      'Assumptions',
    ]);
    expect(screen.getByTestId('report-hash').textContent).toBe(report.cover.inputHash);
    expect(screen.getByTestId('report-scenario').textContent).toBe('Scenario: Into Chicago');
    expect(screen.getByTestId('report-kpi-servers').textContent).toContain('4 → 3');
    // hosts against their bound, and the plan's hosts-and-licences cost (104,400) against its bound
    expect(root.textContent).toContain('3 hosts against a lower bound of 2: 50.0% above the bound. Hosts and licences cost $104,400, $17,400 (20.0%) above their lower bound of $87,000.');
    // the map: Chicago kept, the others closed, links classed by load after
    const map = screen.getByTestId('report-map');
    expect([...map.querySelectorAll('[data-dc-id]')].map((g) => `${g.getAttribute('data-dc-id')}:${g.getAttribute('data-status')}`).sort()).toEqual(['dc-chi:keep', 'dc-dal:closed', 'dc-phx:closed']);
    expect(map.querySelector('[data-link-id="l-chi-dal"]')?.getAttribute('data-link-class')).toBe('bad');
    expect(within(map).getByText(/Chicago \(3 hosts\)/)).toBeTruthy();
    // heatmaps are PNG data URLs on the page
    for (const dim of ['cpu', 'memory']) expect(screen.getByTestId(`report-heatmap-${dim}`).querySelector('img')?.getAttribute('src')).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
    // tables
    const wan = within(screen.getByTestId('report-wan'));
    expect(wan.getByText('Chicago DC – Dallas DC')).toBeTruthy();
    const hosts = screen.getByTestId('report-hosts-dc-chi');
    expect(hosts.querySelectorAll('thead th')[0].textContent).toBe('Host');
    expect([...hosts.querySelectorAll('tbody tr')].map((r) => r.firstElementChild?.textContent)).toEqual(['dc-chi-h001', 'dc-chi-h002', 'dc-chi-h003']);
    expect(within(screen.getByTestId('report-unplaced')).getByText('s4-name')).toBeTruthy();
    expect(screen.getByTestId('report-site-table').textContent).toContain('$900,000');
    expect(screen.getByText('Engine seed').nextElementSibling?.textContent).toBe('1');
  });

  it('a site whose power and rack capacity are unknown (0) reads "unknown", not "of 0"', () => {
    const { estate, plan } = tinyReport();
    const unknown = { ...plan, sites: plan.sites.map((s) => ({ ...s, powerLimitKw: 0, rackLimit: 0 })) };
    const series = emptySeries('2026-03-01T00:00:00Z', 168, estate.servers.map((s) => s.id));
    const report = buildReport({ estate, series, scenario: estate.scenarios[0], plan: unknown, settings: { seed: 1, budgetMs: 6000 }, date: '2026-11-23', appVersion: '9.9.9' });
    render(<ReportView report={report} estate={estate} plan={unknown} />);
    const facts = screen.getByTestId('report').querySelector('[data-site-id="dc-chi"] .report-site-facts')?.textContent ?? '';
    expect(facts).toContain('power 1.8 kW of unknown; racks 1.0 of unknown;');
    cleanup();
    render(<ReportView report={tinyReport().report} estate={estate} plan={plan} />);
    expect(screen.getByTestId('report').querySelector('[data-site-id="dc-chi"] .report-site-facts')?.textContent).toContain('power 1.8 kW of 500.0 kW; racks 1.0 of 90;');
  });

  it('heatmap image: hosts grouped by site, one band per site', () => {
    const img = hostHeatmapImage({ ...tinyPlan(), hosts: [...tinyPlan().hosts, { ...tinyPlan().hosts[0], label: 'dc-dal-h001', dataCentreId: 'dc-dal' }] }, 'cpu');
    expect(img?.bands).toEqual([
      { site: 'dc-chi', from: 0, to: 3 },
      { site: 'dc-dal', from: 3, to: 4 },
    ]);
    expect(hostHeatmapImage({ hosts: [], hours: 168 }, 'cpu')).toBeNull();
  });
});

describe('reportFor', () => {
  it("hashes the plan's input project with the plan's seed, once per (project, scenario, seed)", () => {
    const estate = tinyEstate();
    const project = { estate, series: emptySeries('2026-03-01T00:00:00Z', 168, estate.servers.map((s) => s.id)) };
    const plan = tinyPlan();
    const before = hashStats.computed;
    const a = reportFor(project, 'sc-1', plan, '2026-11-23', '1')!;
    expect(a.cover.inputHash).toMatch(/^[0-9a-f]{64}$/);
    // the same input project: the same hash, not computed again, for any plan of the run
    expect(reportFor(project, 'sc-1', plan, '2026-11-24', '2')!.cover.inputHash).toBe(a.cover.inputHash);
    expect(reportFor(project, 'sc-1', { ...plan, final: true }, '2026-11-23', '1')!.cover.inputHash).toBe(a.cover.inputHash);
    expect(hashStats.computed - before).toBe(1);
    // a plan computed from an edited project hashes that project
    const edited = { ...project, estate: { ...estate, servers: estate.servers.map((s, i) => (i === 0 ? { ...s, cores: s.cores + 1 } : s)) } };
    expect(reportFor(edited, 'sc-1', plan, '2026-11-23', '1')!.cover.inputHash).not.toBe(a.cover.inputHash);
    // the seed is the plan's
    const reseeded = reportFor(project, 'sc-1', { ...plan, seed: plan.seed + 1 }, '2026-11-23', '1')!;
    expect(reseeded.cover.inputHash).not.toBe(a.cover.inputHash);
    expect(reseeded.assumptions.flatMap((g) => g.items).find((i) => i.label === 'Engine seed')?.value).toBe(String(plan.seed + 1));
    expect(reportFor(project, 'no-such-scenario', plan, '2026-11-23', '1')).toBeNull();
  });
});

describe('input hash in slices', () => {
  it('gives the one-go hash, lets other tasks run meanwhile, and is computed once for concurrent requests', async () => {
    const estate = tinyEstate();
    const servers = Array.from({ length: 300 }, (_, i) => ({ ...estate.servers[0], id: `srv-${i}`, name: `srv-${i}` }));
    const big = { ...estate, servers };
    const project = { estate: big, series: emptySeries('2026-03-01T00:00:00Z', 24 * 7 * 8, servers.map((s) => s.id)) };
    const plan = tinyPlan();
    const settings = settingsOf(plan);
    expect(peekInputHash(project, 'sc-1', settings)).toBeNull();
    const before = hashStats.computed;
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const [a, b] = await Promise.all([inputHashAsync(project, 'sc-1', settings, 0), inputHashAsync(project, 'sc-1', settings, 0)]);
    clearInterval(timer);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(b).toBe(a);
    expect(hashStats.computed - before).toBe(1);
    expect(peekInputHash(project, 'sc-1', settings)).toBe(a);
    // the same as the report's one-go hash of a copy of the project
    expect(reportFor({ ...project }, 'sc-1', plan, '2026-11-23', '1')?.cover.inputHash).toBe(a);
    // ~6.4 MB of series (4 metrics) in 256 KB slices, one slice per task: other tasks ran between them
    expect(ticks).toBeGreaterThanOrEqual(5);
    expect(await inputHashAsync(project, 'no-such-scenario', settings)).toBeNull();
  });
});

describe('map labels', () => {
  it('kept sites first, beside the mark, never over another label or outside the map', () => {
    const labels = placeLabels(
      [
        { id: 'b', x: 100, y: 115, r: 5, kept: false, text: 'Closed' },
        { id: 'a', x: 80, y: 100, r: 10, kept: true, text: 'Kept (10 hosts)' },
        { id: 'c', x: 950, y: 300, r: 5, kept: false, text: 'East' },
      ],
      960,
      600,
    );
    const by = new Map(labels.map((l) => [l.id, l]));
    expect(labels.map((l) => l.id)).toEqual(['a', 'b', 'c']);
    // the kept label takes the right of its mark; the closed one next to it goes elsewhere
    expect(by.get('a')!.box.x).toBe(80 + 10 + 3);
    const a = by.get('a')!.box;
    const b = by.get('b')!.box;
    expect(a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h).toBe(false);
    // its right and left would hit the kept label or mark: below its mark
    expect(b.y).toBe(115 + 5 + 3);
    // near the right edge: to the left of the mark
    const c = by.get('c')!.box;
    expect(c.x + c.w).toBeLessThanOrEqual(950 - 5);
    for (const l of labels) expect(l.box.x >= 0 && l.box.x + l.box.w <= 960 && l.box.y >= 0 && l.box.y + l.box.h <= 600).toBe(true);
  });
});

describe('the report in the app', () => {
  it('opens from the Results pane, shows the plan of its scenario, closes', async () => {
    const t = renderApp();
    await screen.findByTestId('app-ready');
    const scenario = t.store.getState().project!.estate.scenarios[0];
    // no plan: no Report button (the Results pane is empty)
    act(() => t.store.getState().setActivePane('results'));
    expect(screen.queryByTestId('open-report')).toBeNull();
    await act(async () => {
      const done = t.engine.run(scenario.id);
      t.engineFake.runs[0].result(tinyPlan({ scenarioId: scenario.id }));
      await done;
    });
    fireEvent.click(await screen.findByTestId('open-report'));
    // (a moment of "Preparing the report" while the input hash is computed in slices)
    await screen.findByTestId('report-scenario');
    const layer = screen.getByTestId('report-layer');
    expect(layer.getAttribute('data-purpose')).toBe('preview');
    expect(screen.queryByTestId('report-pending')).toBeNull();
    expect(screen.getByTestId('report-scenario').textContent).toBe(`Scenario: ${scenario.name}`);
    expect(screen.getByTestId('report-hash').textContent).toMatch(/^[0-9a-f]{64}$/);
    fireEvent.click(screen.getByTestId('report-close'));
    expect(screen.queryByTestId('report-layer')).toBeNull();
    openReportPreview(scenario.id, () => new Date(Date.UTC(2026, 0, 2)));
    expect((await screen.findByTestId('report-date')).textContent).toBe('2026-01-02');
  });

  it('says it is preparing while the input hash is computed in slices, then shows the report', async () => {
    const t = renderApp();
    await screen.findByTestId('app-ready');
    const scenario = t.store.getState().project!.estate.scenarios[0];
    await act(async () => {
      const done = t.engine.run(scenario.id);
      t.engineFake.runs[0].result(tinyPlan({ scenarioId: scenario.id, final: true }));
      await done;
    });
    act(() => void openReportPreview(scenario.id, () => new Date(Date.UTC(2026, 0, 2))));
    expect(screen.getByTestId('report-pending').textContent).toContain("hashing the plan's inputs (200 servers");
    expect(screen.queryByTestId('report-hash')).toBeNull();
    expect((await screen.findByTestId('report-hash')).textContent).toMatch(/^[0-9a-f]{64}$/);
    expect(screen.queryByTestId('report-pending')).toBeNull();
  });

  it("reports the project the run was given, refuses once the project changed, shows an interim plan as such", async () => {
    const t = renderApp();
    await screen.findByTestId('app-ready');
    const scenario = t.store.getState().project!.estate.scenarios[0];
    let given: unknown = null;
    const run = t.engineFake.client.run;
    t.engineFake.client.run = (project, options) => ((given = project), run(project, options));
    let done: Promise<void> = Promise.resolve();
    act(() => {
      done = t.engine.run(scenario.id);
    });
    expect(given).toBe(t.store.getState().project);
    // the first plan of a run that goes on: the preview says it is interim
    act(() => t.engineFake.runs[0].plan(tinyPlan({ scenarioId: scenario.id })));
    expect(t.store.getState().planInputs[scenario.id]).toBe(given);
    act(() => void openReportPreview(scenario.id, () => new Date(Date.UTC(2026, 0, 2))));
    expect((await screen.findByTestId('report-interim')).textContent).toContain('search still running');
    await act(async () => {
      t.engineFake.runs[0].result(tinyPlan({ scenarioId: scenario.id, final: true }));
      await done;
    });
    expect(screen.queryByTestId('report-interim')).toBeNull();
    const hash = screen.getByTestId('report-hash').textContent;
    // an edit after the run: the preview refuses the plan instead of mixing it with the edited estate
    act(() => {
      const s = t.store.getState();
      s.applyEdit('Rename', [{ collection: 'scenarios', id: scenario.id, before: { name: scenario.name }, after: { name: 'Renamed' } }]);
    });
    expect(screen.getByTestId('report-stale').textContent).toBe('The project changed since this plan was computed: run the plan again.');
    expect(screen.queryByTestId('report-hash')).toBeNull();
    // the import-style undo back to the very project the run was given shows the report again, same hash
    act(() => t.store.getState().replaceProject('Import', given as never));
    expect(screen.getByTestId('report-hash').textContent).toBe(hash);
  });
});
