// @vitest-environment happy-dom
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { emptySeries } from '../../../core/model/series.ts';
import type { Project } from '../../../core/model/project.ts';
import { renderApp } from '../../test/render-app.tsx';
import { tinyEstate, tinyPlan } from '../../views/fixtures.ts';
import { AssignmentTable } from '../../views/results/AssignmentTable.tsx';
import { ServerEditor } from '../estate/ServerEditor.tsx';
import { StoreContext } from '../../store/react.ts';
import { createWorkbenchStore } from '../../store/store.ts';
import { pinOf, removePin, setPin } from './pin-edits.ts';

afterEach(cleanup);
beforeAll(() => {
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue(DOMRect.fromRect({ x: 0, y: 0, width: 1200, height: 560 }));
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(560);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1200);
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});
afterAll(() => vi.restoreAllMocks());

function tinyProject(): Project {
  const estate = tinyEstate();
  return { estate, series: emptySeries('2026-01-04T00:00:00Z', 168, estate.servers.map((s) => s.id)) };
}

const pins = (store: ReturnType<typeof renderApp>['store']) => store.getState().project?.estate.scenarios[0].pins ?? [];

describe('pin edits', () => {
  it('replace a server pin (dropping duplicates), remove it, and read the last one', () => {
    const sc = { pins: [{ serverId: 'a', dataCentreId: 'x', hostLabel: null }, { serverId: 'b', dataCentreId: null, hostLabel: null }, { serverId: 'a', dataCentreId: 'y', hostLabel: null }] };
    expect(pinOf(sc, 'a')?.dataCentreId).toBe('y');
    expect(setPin(sc, 'a', 'z', '  h1 ').pins).toEqual([{ serverId: 'a', dataCentreId: 'z', hostLabel: 'h1' }, sc.pins[1]]);
    expect(setPin(sc, 'c', null, '').pins?.at(-1)).toEqual({ serverId: 'c', dataCentreId: null, hostLabel: null });
    expect(removePin(sc, 'a').pins).toEqual([sc.pins[1]]);
  });
});

describe('pinning in the shell', () => {
  it('pins the selected server to a site the scenario does not keep: the issue shows at once, undo removes the pin', async () => {
    const t = renderApp({ project: tinyProject() });
    await screen.findByTestId('app-ready');
    fireEvent.click(screen.getByRole('tab', { name: 'Scenario' }));
    const list = screen.getByTestId('pin-list');
    expect(list.textContent).toContain('Pins (0)');
    act(() => t.store.getState().selectServer('s1'));
    fireEvent.click(within(list).getByRole('button', { name: 'Pin s1-name…' }));
    const picker = within(list).getByTestId('pin-picker');
    fireEvent.change(within(picker).getByRole('combobox', { name: 'Pin site' }), { target: { value: 'dc-dal' } });
    fireEvent.change(within(picker).getByRole('textbox', { name: 'Pin host label' }), { target: { value: 'dc-dal-h001' } });
    fireEvent.click(within(picker).getByRole('button', { name: 'Pin' }));

    expect(pins(t.store)).toEqual([{ serverId: 's1', dataCentreId: 'dc-dal', hostLabel: 'dc-dal-h001' }]);
    expect(t.store.getState().dirty).toBe(true);
    const row = screen.getByTestId('pin-row');
    expect(row.textContent).toContain('s1-name → Dallas DC');
    expect(within(row).getByRole('alert').textContent).toContain('s1-name is pinned to Dallas DC, which this scenario does not keep');
    // keeping Dallas clears the issue at once
    fireEvent.click(screen.getByRole('checkbox', { name: 'Keep Dallas DC' }));
    expect(within(screen.getByTestId('pin-row')).queryByRole('alert')).toBeNull();

    act(() => t.store.getState().undo());
    expect(within(screen.getByTestId('pin-row')).getByRole('alert')).toBeTruthy();
    act(() => t.store.getState().undo());
    expect(pins(t.store)).toEqual([]);
    expect(screen.queryByTestId('pin-row')).toBeNull();
    expect(screen.queryAllByRole('alert')).toHaveLength(0);
    expect(t.store.getState().dirty).toBe(false);
  });

  it('removes a pin from the list and shows the last run’s pin violations', async () => {
    const project = tinyProject();
    project.estate.scenarios[0].pins = [{ serverId: 's3', dataCentreId: 'dc-chi', hostLabel: 'dc-chi-h002' }];
    const t = renderApp({ project });
    await screen.findByTestId('app-ready');
    act(() => t.store.getState().setPlan('sc-1', tinyPlan({ violations: [{ kind: 'pin', serverIds: ['s3'], message: 's3 is pinned to host dc-chi-h002 but runs on dc-chi-h001' }] })));
    fireEvent.click(screen.getByRole('tab', { name: 'Scenario' }));
    const row = screen.getByTestId('pin-row');
    expect(within(row).getByRole('alert').textContent).toContain('Last run: s3 is pinned to host dc-chi-h002 but runs on dc-chi-h001');
    fireEvent.click(within(row).getByRole('button', { name: 'Remove pin of s3-name' }));
    expect(pins(t.store)).toEqual([]);
    expect(t.store.getState().undoStack.at(-1)?.label).toBe('Unpin s3-name (Into Chicago)');
  });
});

describe('pin picker elsewhere', () => {
  it('the server editor pins in the chosen scenario and offers the plan’s hosts of the site', () => {
    const store = createWorkbenchStore();
    store.getState().loadProject(tinyProject(), null);
    store.getState().setPlan('sc-1', tinyPlan());
    const server = tinyEstate().servers[0];
    render(
      <StoreContext.Provider value={store}>
        <ServerEditor server={server} onClose={() => {}} />
      </StoreContext.Provider>,
    );
    const picker = screen.getByTestId('pin-picker');
    expect(within(picker).getByRole('combobox', { name: 'Pin scenario' })).toBeTruthy();
    expect(within(picker).getByTestId('pin-state').textContent).toContain('Not pinned');
    // the kept site is offered first; the plan's non-spare hosts there are suggestions
    expect(picker.querySelectorAll('datalist option')).toHaveLength(2);
    fireEvent.click(within(picker).getByRole('button', { name: 'Pin' }));
    expect(store.getState().project?.estate.scenarios[0].pins).toEqual([{ serverId: 's1', dataCentreId: 'dc-chi', hostLabel: null }]);
    expect(screen.getByTestId('pin-state').textContent).toContain('Pinned to Chicago DC');
    fireEvent.click(within(screen.getByTestId('pin-picker')).getByRole('button', { name: 'Unpin' }));
    expect(store.getState().project?.estate.scenarios[0].pins).toEqual([]);
  });

  it('the assignment table offers Pin… per row when the caller wires it', () => {
    const onPin = vi.fn();
    const onSelect = vi.fn();
    render(<AssignmentTable estate={tinyEstate()} plan={tinyPlan()} onPinServer={onPin} onSelectServer={onSelect} pinnedServerIds={new Set(['s3'])} />);
    fireEvent.click(screen.getByRole('button', { name: 'Pin s2-name' }));
    expect(onPin).toHaveBeenCalledWith('s2');
    expect(onSelect).toHaveBeenCalledWith('s2');
    expect(screen.getAllByTestId('assignment-row').find((r) => r.getAttribute('data-server-id') === 's3')?.textContent).toContain('(pinned)');
  });
});
