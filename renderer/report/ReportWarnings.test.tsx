// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { tinyPlan } from '../views/fixtures.ts';
import { renderApp } from '../test/render-app.tsx';
import { closeReport, reportStore } from './report-state.ts';
import { openReportPreview } from '../app/report-flow.ts';

afterEach(() => {
  closeReport(reportStore);
  cleanup();
});

describe('report preview warnings and title', () => {
  it('warns about the missing client and the "(edit me)" host model, and links to their editors', async () => {
    const t = renderApp();
    await screen.findByTestId('app-ready');
    const estate = t.store.getState().project!.estate;
    const scenario = estate.scenarios[0];
    const model = estate.hostModels.find((h) => h.id === scenario.defaultHostModelId)!;
    expect(model.name).toContain('(edit me)');
    expect(estate.client).toBe('');
    await act(async () => {
      const done = t.engine.run(scenario.id);
      t.engineFake.runs[0].result(tinyPlan({ scenarioId: scenario.id, final: true }));
      await done;
    });
    act(() => void openReportPreview(scenario.id, () => new Date(Date.UTC(2026, 0, 2))));
    await screen.findByTestId('report-hash');
    // the PDF's title is the project and the scenario, not the window's
    await waitFor(() => expect(document.title).toBe(`${estate.name} — ${scenario.name}`));
    const warnings = screen.getByTestId('report-warnings');
    expect(warnings.textContent).toContain('No client is named');
    expect(warnings.textContent).toContain(`Host model "${model.name}" is a placeholder`);

    fireEvent.click(within(warnings).getByRole('button', { name: 'Edit the host model' }));
    expect(screen.queryByTestId('report-layer')).toBeNull();
    expect(document.title).not.toBe(`${estate.name} — ${scenario.name}`);
    const editor = screen.getByTestId('host-model-editor');
    expect(editor.getAttribute('aria-label')).toBe(`Edit host model ${model.name}`);
    fireEvent.change(within(editor).getByLabelText('Name'), { target: { value: 'Dell R760' } });
    fireEvent.click(within(editor).getByRole('button', { name: 'Apply' }));

    act(() => void openReportPreview(scenario.id, () => new Date(Date.UTC(2026, 0, 2))));
    // the plan was computed before the edit: the preview asks for a new run instead
    expect(await screen.findByTestId('report-stale')).toBeTruthy();
    act(() => closeReport(reportStore));
    act(() => t.store.getState().focusEstate('settings', null));
    expect(screen.getByTestId('estate-settings')).toBeTruthy();
  });
});
