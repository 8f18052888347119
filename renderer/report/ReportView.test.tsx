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
  it('hashes the current inputs: the same project gives the same hash, an edited one another', () => {
    const estate = tinyEstate();
    const project = { estate, series: emptySeries('2026-03-01T00:00:00Z', 168, estate.servers.map((s) => s.id)) };
    const plan = tinyPlan();
    const a = reportFor(project, estate.scenarios[0], plan, '2026-11-23', '1');
    expect(reportFor(project, estate.scenarios[0], plan, '2026-11-24', '2').cover.inputHash).toBe(a.cover.inputHash);
    const edited = { ...project, estate: { ...estate, servers: estate.servers.map((s, i) => (i === 0 ? { ...s, cores: s.cores + 1 } : s)) } };
    expect(reportFor(edited, estate.scenarios[0], plan, '2026-11-23', '1').cover.inputHash).not.toBe(a.cover.inputHash);
    const reseeded = { ...estate.scenarios[0], seed: 2 };
    expect(reportFor(project, reseeded, { ...plan }, '2026-11-23', '1').cover.inputHash).not.toBe(a.cover.inputHash);
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
    const layer = await screen.findByTestId('report-layer');
    expect(layer.getAttribute('data-purpose')).toBe('preview');
    expect(screen.getByTestId('report-scenario').textContent).toBe(`Scenario: ${scenario.name}`);
    expect(screen.getByTestId('report-hash').textContent).toMatch(/^[0-9a-f]{64}$/);
    fireEvent.click(screen.getByTestId('report-close'));
    expect(screen.queryByTestId('report-layer')).toBeNull();
    openReportPreview(scenario.id, () => new Date(Date.UTC(2026, 0, 2)));
    expect((await screen.findByTestId('report-date')).textContent).toBe('2026-01-02');
  });
});
