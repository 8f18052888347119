// @vitest-environment happy-dom
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { emptySeries } from '../../../core/model/series.ts';
import type { Project } from '../../../core/model/project.ts';
import { renderApp } from '../../test/render-app.tsx';
import { tinyEstate, tinyPlan } from '../../views/fixtures.ts';

afterEach(cleanup);
beforeAll(() => {
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue(DOMRect.fromRect({ x: 0, y: 0, width: 1200, height: 560 }));
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(560);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1200);
  // happy-dom has no canvas 2D context: the heatmap draws nothing, which is fine here
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});
afterAll(() => vi.restoreAllMocks());

function tinyProject(): Project {
  const estate = tinyEstate();
  const second = { ...estate.scenarios[0], id: 'sc-2', name: 'Into Dallas', keptDataCentreIds: ['dc-dal'] };
  return { estate: { ...estate, scenarios: [...estate.scenarios, second] }, series: emptySeries('2026-01-04T00:00:00Z', 168, estate.servers.map((s) => s.id)) };
}

describe('runs and results in the shell', () => {
  it('runs from the Scenario pane, opens Results on the first plan, and shows cards, map, heatmap and reasons', async () => {
    const t = renderApp({ project: tinyProject() });
    await screen.findByTestId('app-ready');
    fireEvent.click(screen.getByRole('tab', { name: 'Scenario' }));
    expect(screen.getByRole('combobox', { name: 'Scenario' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Run' }));
    const run = t.engineFake.runs[0];
    expect(run.options.scenarioId).toBe('sc-1');
    act(() => run.progress(40, 5000, 3, 'pack'));
    const bar = screen.getByRole('progressbar');
    expect(bar.getAttribute('value')).toBe('40');
    expect(screen.getByTestId('run-state').textContent).toMatch(/Packing hosts · 40% · best \$5,000, 3 hosts/);
    expect(screen.getByTestId('engine-status').textContent).toContain('Engine running 40%');
    act(() => run.plan(tinyPlan({ final: false })));
    // the Results pane opens on the first plan
    expect(screen.getByTestId('plan-results').getAttribute('data-final')).toBe('false');
    expect(screen.getByTestId('plan-state').textContent).toContain('improving');
    expect(screen.getByTestId('card-servers').textContent).toContain('4 → 3');
    expect(screen.getByTestId('card-wan').textContent).toContain('0 → 1');
    await act(async () => run.result(tinyPlan({ final: true })));
    expect(screen.getByTestId('plan-results').getAttribute('data-final')).toBe('true');
    expect(screen.getByTestId('engine-status').getAttribute('data-status')).toBe('done');

    // Before / After on the map
    const topo = screen.getByTestId('topology');
    expect(topo.getAttribute('data-mode')).toBe('after');
    expect(within(topo).getAllByRole('button', { hidden: true }).length).toBeGreaterThan(0);
    expect(topo.querySelectorAll('[data-overloaded="true"]')).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Before' }));
    expect(screen.getByTestId('topology').getAttribute('data-mode')).toBe('before');
    expect(screen.getByTestId('topology').querySelectorAll('[data-overloaded="true"]')).toHaveLength(0);
    expect(screen.getByTestId('heatmap')).toBeTruthy();
    // a host cell opens its stacked series: the servers sized on demand from the project's series
    const canvas = screen.getByTestId('heatmap').querySelector('canvas');
    if (!canvas) throw new Error('no heatmap canvas');
    fireEvent.click(canvas, { clientX: 1, clientY: 1 });
    const stack = screen.getByTestId('host-stack');
    expect(stack.textContent).toContain('dc-chi-h001');
    expect(stack.querySelectorAll('path.stack-layer')).toHaveLength(2);
    expect(screen.queryByTestId('stack-missing')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Close host panel' }));

    // assignments with reasons; a row selects the server
    const rows = screen.getAllByTestId('assignment-row');
    expect(rows).toHaveLength(4);
    expect(rows[1].textContent).toContain('forced-by-dr');
    fireEvent.click(rows[1]);
    expect(t.store.getState().selectedServerId).toBe('s2');

    // a site on the map filters the assignments and the Estate servers table
    const dallas = screen.getByTestId('topology').querySelector('[data-dc-id="dc-dal"]');
    if (!dallas) throw new Error('no Dallas mark');
    fireEvent.click(dallas);
    expect(t.store.getState().selectedDataCentreId).toBe('dc-dal');
    expect(t.store.getState().serverFilters.dataCentreId).toBe('dc-dal');
    expect(screen.getAllByTestId('assignment-row')).toHaveLength(2);
    // ... and the heatmap (the tiny plan has no Dallas hosts)
    expect(screen.getByTestId('heatmap-site-filter').textContent).toBe('Filtered to Dallas DC');
    fireEvent.click(screen.getByRole('button', { name: 'Clear site' }));
    expect(screen.getAllByTestId('assignment-row')).toHaveLength(4);
    expect(screen.queryByTestId('heatmap-site-filter')).toBeNull();
  });

  it('says when the plan shown was computed from another project', async () => {
    const t = renderApp({ project: tinyProject() });
    await screen.findByTestId('app-ready');
    act(() => {
      t.store.getState().setPlan('sc-1', tinyPlan());
      t.store.getState().setActivePane('results');
    });
    expect(screen.queryByTestId('plan-stale')).toBeNull();
    const project = t.store.getState().project!;
    // the same estate and series in a new project object: nothing the plan ran on changed
    act(() => t.store.getState().replaceProject('Import', { ...project }));
    expect(screen.queryByTestId('plan-stale')).toBeNull();
    act(() => t.store.getState().replaceProject('Import', { ...project, estate: { ...project.estate, servers: project.estate.servers.slice(1) } }));
    expect(screen.getByTestId('plan-stale').textContent).toBe('The estate changed since this plan was computed: run the plan again.');
    act(() => t.store.getState().undo());
    act(() => t.store.getState().undo());
    expect(screen.queryByTestId('plan-stale')).toBeNull();
  });

  it('compares two scenarios once both have plans', async () => {
    const t = renderApp({ project: tinyProject() });
    await screen.findByTestId('app-ready');
    act(() => {
      t.store.getState().setPlan('sc-1', tinyPlan());
      t.store.getState().setPlan('sc-2', tinyPlan({ scenarioId: 'sc-2', hostsUsed: 5 }));
      t.store.getState().setActivePane('results');
    });
    fireEvent.click(screen.getByRole('button', { name: 'Compare' }));
    const cmp = screen.getByTestId('plan-comparison');
    expect(cmp.textContent).toContain('Into Chicago');
    expect(cmp.textContent).toContain('Into Dallas');
    expect(cmp.querySelector('[data-row="hosts"]')?.getAttribute('data-differs')).toBe('true');
  });

  it('shows plans kept in the opened file without a run, stale ones with what changed, and compares a snapshot', async () => {
    const t = renderApp({ project: tinyProject() });
    await screen.findByTestId('app-ready');
    const hashes = { estate: 'a'.repeat(64), series: 'b'.repeat(64), scenario: 'c'.repeat(64) };
    const kept = (scenarioId: string, name: string | null, changed: ('estate' | 'series' | 'scenario')[], hostsUsed: number) => ({
      id: `${name ?? 'latest'}:${scenarioId}`, scenarioId, name, plan: tinyPlan({ scenarioId, hostsUsed }), inputs: hashes, planHash: 'd'.repeat(64), changed,
    });
    act(() => {
      t.store.getState().loadProject(tinyProject(), { path: '/p.cwb', name: 'p.cwb' }, {
        plans: { plans: [kept('sc-1', null, [], 3), kept('sc-2', null, ['series'], 4), kept('sc-1', 'workshop', [], 7)], hashes: null, warnings: [] },
      });
      t.store.getState().setActivePane('results');
    });
    expect(t.store.getState().dirty).toBe(false);
    expect(t.store.getState().engineJob.status).toBe('idle');
    expect(screen.getByTestId('plan-results')).toBeTruthy();
    expect(screen.queryByTestId('plan-stale')).toBeNull();
    const picker = screen.getByRole('combobox', { name: 'Plan of scenario' });
    expect(within(picker).getAllByRole('option').map((o) => o.textContent)).toEqual(['Into Chicago', 'Into Dallas', 'workshop (snapshot)']);
    fireEvent.change(picker, { target: { value: 'sc-2' } });
    expect(screen.getByTestId('plan-stale').textContent).toBe('The utilisation series changed since this plan was computed: run the plan again.');
    fireEvent.change(screen.getByRole('combobox', { name: 'Plan of scenario' }), { target: { value: 'snapshot:workshop:sc-1' } });
    expect(screen.queryByTestId('open-report')).toBeNull();
    expect(screen.getByRole('button', { name: 'Remove snapshot' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Compare' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Scenario B' }), { target: { value: 'snapshot:workshop:sc-1' } });
    const cmp = screen.getByTestId('plan-comparison');
    expect(cmp.textContent).toContain('workshop (snapshot)');
    const hostsRow = cmp.querySelector('[data-row="hosts"]');
    expect(hostsRow?.getAttribute('data-differs')).toBe('true');
  });

  it('keeps the shown plan as a snapshot: unsaved work, no undo step', async () => {
    const t = renderApp({ project: tinyProject() });
    await screen.findByTestId('app-ready');
    act(() => {
      t.store.getState().setPlan('sc-1', tinyPlan());
      t.store.getState().setActivePane('results');
    });
    fireEvent.click(screen.getByRole('button', { name: 'Keep as snapshot' }));
    expect(t.store.getState().snapshots.map((s) => s.name)).toEqual(['Into Chicago #1']);
    expect(t.store.getState().undoStack).toHaveLength(0);
    expect(screen.getByTestId('status-bar').textContent).toContain('unsaved');
    expect((screen.getByRole('combobox', { name: 'Plan of scenario' }) as HTMLSelectElement).value).toMatch(/^snapshot:/);
  });

  it('edits the scenario: a kept-site checkbox and a rule, undone with the store', async () => {
    const t = renderApp({ project: tinyProject() });
    await screen.findByTestId('app-ready');
    fireEvent.click(screen.getByRole('tab', { name: 'Scenario' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Keep Phoenix DC' }));
    expect(t.store.getState().project?.estate.scenarios[0].keptDataCentreIds).toEqual(['dc-chi', 'dc-phx']);
    expect(screen.getByTestId('status-bar').textContent).toContain('unsaved');
    fireEvent.change(screen.getByRole('combobox', { name: 'Sizing statistic' }), { target: { value: 'peak' } });
    expect(t.store.getState().project?.estate.scenarios[0].rules.policy).toBe('peak');
    act(() => t.store.getState().undo());
    expect(screen.getByRole('combobox', { name: 'Sizing statistic' })).toHaveProperty('value', 'p95');
    // clicking a site on the Scenario pane's map toggles keep, undoably
    fireEvent.click(screen.getByRole('button', { name: /^Dallas DC/ }));
    expect(t.store.getState().project?.estate.scenarios[0].keptDataCentreIds).toEqual(['dc-chi', 'dc-phx', 'dc-dal']);
    expect(screen.getByRole('checkbox', { name: 'Keep Dallas DC' })).toHaveProperty('checked', true);
    act(() => t.store.getState().undo());
    expect(screen.getByRole('checkbox', { name: 'Keep Dallas DC' })).toHaveProperty('checked', false);
    fireEvent.click(screen.getByRole('button', { name: 'Duplicate' }));
    expect(screen.getByRole('combobox', { name: 'Scenario' })).toHaveProperty('value', 'sc-1-copy');
  });
});
