// @vitest-environment happy-dom
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { emptySeries } from '../../../core/model/series.ts';
import type { Project } from '../../../core/model/project.ts';
import { renderApp } from '../../test/render-app.tsx';
import { tinyEstate } from '../../views/fixtures.ts';

afterEach(cleanup);
beforeAll(() => {
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue(DOMRect.fromRect({ x: 0, y: 0, width: 1200, height: 560 }));
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});
afterAll(() => vi.restoreAllMocks());

function licensedProject(): Project {
  const estate = tinyEstate();
  return {
    estate: {
      ...estate,
      products: [{ id: 'p-db', name: 'Oracle DB', vendor: 'Oracle' }, { id: 'p-os', name: 'Windows Server', vendor: 'Microsoft' }],
      licenceModels: [
        { id: 'lm-db', productId: 'p-db', name: 'Oracle EE per core', metric: 'per-host-core', price: 47_500, minCoresPerHost: 16 },
        { id: 'lm-os', productId: 'p-os', name: 'Windows Datacenter', metric: 'per-host-core', price: 400, minCoresPerHost: 16 },
      ],
    },
    series: emptySeries('2026-01-04T00:00:00Z', 168, estate.servers.map((s) => s.id)),
  };
}

describe('ScenarioEditor', () => {
  it('toggles licence models as undoable edits', async () => {
    const t = renderApp({ project: licensedProject() });
    await screen.findByTestId('app-ready');
    fireEvent.click(screen.getByRole('tab', { name: 'Scenario' }));
    const scenario = () => t.store.getState().project?.estate.scenarios[0];
    const item = screen.getByRole('checkbox', { name: 'Oracle EE per core' }).closest('li');
    expect(item?.textContent).toContain('Oracle DB');
    expect(item?.textContent).toContain('$47,500 per host core');
    expect(t.store.getState().dirty).toBe(false);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Oracle EE per core' }));
    expect(scenario()?.licenceModelIds).toEqual(['lm-db']);
    expect(t.store.getState().dirty).toBe(true);
    expect(screen.getByRole('checkbox', { name: 'Oracle EE per core' })).toHaveProperty('checked', true);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Windows Datacenter' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Oracle EE per core' }));
    expect(scenario()?.licenceModelIds).toEqual(['lm-os']);
    act(() => t.store.getState().undo());
    expect(scenario()?.licenceModelIds).toEqual(['lm-db', 'lm-os']);
    act(() => t.store.getState().undo());
    act(() => t.store.getState().undo());
    expect(scenario()?.licenceModelIds).toEqual([]);
    expect(t.store.getState().dirty).toBe(false);
    expect(screen.getByRole('checkbox', { name: 'Oracle EE per core' })).toHaveProperty('checked', false);
  });

  it('renames the scenario on Enter or blur, one undo step, ignoring empty names', async () => {
    const t = renderApp({ project: licensedProject() });
    await screen.findByTestId('app-ready');
    fireEvent.click(screen.getByRole('tab', { name: 'Scenario' }));
    const name = () => t.store.getState().project?.estate.scenarios[0].name;
    const input = () => screen.getByRole('textbox', { name: 'Scenario name' });
    fireEvent.change(input(), { target: { value: '  Into Chicago 2027 ' } });
    expect(name()).toBe('Into Chicago'); // not per keystroke
    fireEvent.keyDown(input(), { key: 'Enter' });
    expect(name()).toBe('Into Chicago 2027');
    expect(t.store.getState().dirty).toBe(true);
    fireEvent.change(input(), { target: { value: '   ' } });
    fireEvent.blur(input());
    expect(name()).toBe('Into Chicago 2027');
    fireEvent.change(input(), { target: { value: 'Chicago only' } });
    fireEvent.blur(input());
    expect(name()).toBe('Chicago only');
    act(() => t.store.getState().undo());
    expect(name()).toBe('Into Chicago 2027');
    expect(input()).toHaveProperty('value', 'Into Chicago 2027');
    act(() => t.store.getState().undo());
    expect(name()).toBe('Into Chicago');
    expect(t.store.getState().dirty).toBe(false);
  });
});
