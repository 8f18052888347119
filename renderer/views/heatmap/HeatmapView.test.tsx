// @vitest-environment happy-dom
import { StrictMode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { HeatmapView } from './HeatmapView.tsx';
import { tinyEstate, tinyPlan } from '../fixtures.ts';

afterEach(cleanup);

describe('HeatmapView', () => {
  it('renders a canvas per view, sorts, and opens the host panel on a cell click', () => {
    const series = vi.fn((id: string) => (id === 's1' ? new Float32Array(168).fill(120) : id === 's2' ? new Float32Array(168).fill(60) : null));
    render(
      <StrictMode>
        <HeatmapView estate={tinyEstate()} plan={tinyPlan()} serverSeries={series} width={336} height={120} />
      </StrictMode>,
    );
    const root = screen.getByTestId('heatmap');
    expect(root.getAttribute('data-kind')).toBe('hosts');
    const canvas = root.querySelector('canvas') as HTMLCanvasElement;
    expect(canvas).toBeTruthy();
    expect(canvas.getAttribute('data-rows')).toBe('3');
    expect(canvas.getAttribute('data-cols')).toBe('168');
    expect(canvas.width).toBe(336);
    expect(canvas.height).toBe(72); // 3 rows x 24 px
    expect(screen.getByTestId('heatmap-legend').textContent).toContain('≥ 100% of capacity');
    expect(screen.getByText('dc-chi-h003 (spare)')).toBeTruthy();
    // Hover names the row and the hour; click opens the stacked series.
    fireEvent.mouseMove(canvas, { clientX: 62 * 2 + 1, clientY: 1 });
    expect(screen.getByTestId('heatmap-tooltip').textContent).toContain('dc-chi-h001');
    expect(screen.getByTestId('heatmap-tooltip').textContent).toContain('Tue 14:00 UTC');
    fireEvent.click(canvas, { clientX: 10, clientY: 5 });
    const panel = screen.getByTestId('host-stack');
    expect(panel.textContent).toContain('dc-chi-h001');
    expect(panel.querySelectorAll('path.stack-layer')).toHaveLength(2);
    expect(panel.textContent).toContain('s1-name');
    expect(series).toHaveBeenCalledWith('s1', 'cpu');
    fireEvent.click(screen.getByRole('button', { name: 'Close host panel' }));
    expect(screen.queryByTestId('host-stack')).toBeNull();
  });

  it('switches to sites and links, before and after', () => {
    render(<HeatmapView estate={tinyEstate()} plan={tinyPlan()} width={168} height={200} />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Rows' }), { target: { value: 'sites' } });
    expect(screen.getByTestId('heatmap').getAttribute('data-kind')).toBe('sites');
    expect(screen.getByText('Chicago DC')).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: 'Rows' }), { target: { value: 'links' } });
    expect(screen.getByText('Chicago DC – Dallas DC')).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Before or after' })).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: 'Sort rows' }), { target: { value: 'name' } });
    expect(screen.getByTestId('heatmap').querySelector('canvas')?.getAttribute('data-rows')).toBe('3');
  });

  it('shows today\'s WAN links without a plan', () => {
    render(<HeatmapView estate={tinyEstate()} plan={null} />);
    expect(screen.getByTestId('heatmap').getAttribute('data-kind')).toBe('links');
    expect(screen.getByText('Chicago DC – HQ')).toBeTruthy();
    expect(screen.getByRole('option', { name: 'Hosts × hours' }).hasAttribute('disabled')).toBe(true);
  });

  it('attaches the brush in an effect and removes it on unmount', () => {
    const { unmount, container } = render(
      <StrictMode>
        <HeatmapView estate={tinyEstate()} plan={tinyPlan()} onBrush={() => {}} />
      </StrictMode>,
    );
    const brush = container.querySelector('.heatmap-brush') as SVGGElement;
    // One overlay even though strict mode ran the effect twice.
    expect(brush.querySelectorAll('rect.overlay')).toHaveLength(1);
    unmount();
    expect(brush.querySelectorAll('rect.overlay')).toHaveLength(0);
  });

  it('filters host, site and link rows to a selected site, with a note', () => {
    const base = tinyPlan();
    const plan = { ...base, hosts: [...base.hosts, { ...base.hosts[1], label: 'dc-dal-h001', dataCentreId: 'dc-dal', serverIds: ['s4'] }] };
    const rowsShown = () => screen.getByTestId('heatmap').querySelector('canvas')?.getAttribute('data-rows');
    const { rerender } = render(<HeatmapView estate={tinyEstate()} plan={plan} width={168} height={200} />);
    expect(rowsShown()).toBe('4');
    expect(screen.queryByTestId('heatmap-site-filter')).toBeNull();
    rerender(<HeatmapView estate={tinyEstate()} plan={plan} width={168} height={200} siteId="dc-dal" />);
    expect(rowsShown()).toBe('1');
    expect(screen.getByText('dc-dal-h001')).toBeTruthy();
    expect(screen.getByTestId('heatmap-site-filter').textContent).toBe('Filtered to Dallas DC');
    fireEvent.change(screen.getByRole('combobox', { name: 'Rows' }), { target: { value: 'sites' } });
    expect(rowsShown()).toBe('1');
    expect(screen.getByText('Dallas DC')).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: 'Rows' }), { target: { value: 'links' } });
    // links touching Dallas: Chicago – Dallas and Dallas – Phoenix, not Chicago – HQ
    expect(rowsShown()).toBe('2');
    expect(screen.getByText('Chicago DC – Dallas DC')).toBeTruthy();
    expect(screen.queryByText('Chicago DC – HQ')).toBeNull();
    rerender(<HeatmapView estate={tinyEstate()} plan={plan} width={168} height={200} siteId="dc-chi" />);
    expect(screen.getByTestId('heatmap-site-filter').textContent).toBe('Filtered to Chicago DC');
    expect(rowsShown()).toBe('2');
    fireEvent.change(screen.getByRole('combobox', { name: 'Rows' }), { target: { value: 'hosts' } });
    expect(rowsShown()).toBe('3');
  });
});
