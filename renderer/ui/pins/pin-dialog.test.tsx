// @vitest-environment happy-dom
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { emptySeries } from '../../../core/model/series.ts';
import { renderApp } from '../../test/render-app.tsx';
import { tinyEstate, tinyPlan } from '../../views/fixtures.ts';

afterEach(cleanup);
beforeAll(() => {
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue(DOMRect.fromRect({ x: 0, y: 0, width: 1200, height: 560 }));
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(560);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1200);
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});
afterAll(() => vi.restoreAllMocks());

describe('Pin… in the Results pane', () => {
  it('opens the pin picker on top of the results (no pane switch), pins, and closes with Escape', async () => {
    const estate = tinyEstate();
    const t = renderApp({ project: { estate, series: emptySeries('2026-01-04T00:00:00Z', 168, estate.servers.map((s) => s.id)) } });
    await screen.findByTestId('app-ready');
    await act(async () => {
      const done = t.engine.run('sc-1');
      t.engineFake.runs[0].result(tinyPlan({ final: true }));
      await done;
    });
    expect(t.store.getState().activePane).toBe('results');
    fireEvent.click(screen.getByRole('button', { name: 'Pin s2-name' }));
    const dialog = screen.getByRole('dialog', { name: 'Pin s2-name' });
    expect(t.store.getState().activePane).toBe('results');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Pin' }));
    expect(t.store.getState().project!.estate.scenarios[0].pins.map((p) => p.serverId)).toEqual(['s2']);
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByTestId('plan-results')).toBeTruthy();
  });
});
