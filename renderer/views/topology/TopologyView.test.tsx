// @vitest-environment happy-dom
import { StrictMode, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { TopologyView } from './TopologyView.tsx';
import { HourSlider } from './HourSlider.tsx';
import { tinyEstate, tinyPlan } from '../fixtures.ts';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('TopologyView', () => {
  it('renders one mark per data centre with an accessible label, and selects on click', () => {
    const onSelect = vi.fn();
    render(
      <StrictMode>
        <TopologyView estate={tinyEstate()} plan={null} keptIds={['dc-chi']} mode="before" hour={null} selectedDcId={null} onSelectDc={onSelect} />
      </StrictMode>,
    );
    const root = screen.getByTestId('topology');
    expect(root.getAttribute('data-layout')).toBe('geo');
    const marks = root.querySelectorAll('[data-dc-id]');
    expect([...marks].map((m) => m.getAttribute('data-dc-id')).sort()).toEqual(['dc-chi', 'dc-dal', 'dc-phx']);
    const dallas = screen.getByRole('button', { name: /Dallas DC \(Dallas, TX\), closing, 2 servers/ });
    fireEvent.click(dallas);
    expect(onSelect).toHaveBeenLastCalledWith('dc-dal');
    fireEvent.keyDown(screen.getByRole('button', { name: /Chicago DC/ }), { key: 'Enter' });
    expect(onSelect).toHaveBeenLastCalledWith('dc-chi');
    fireEvent.click(root.querySelector('svg') as SVGSVGElement);
    expect(onSelect).toHaveBeenLastCalledWith(null);
    expect(root.querySelectorAll('[data-user-site-id]')).toHaveLength(1);
    expect(root.querySelectorAll('[data-link-id].link')).toHaveLength(3);
    // Without a plan, today's loads come from routing the flows: HQ's link is over at Tue 14:00.
    const legend = within(screen.getByTestId('overloaded-links'));
    expect(legend.getByText(/Chicago DC – HQ/)).toBeTruthy();
    expect(legend.getByText(/Tue 14:00 UTC/)).toBeTruthy();
  });

  it('flags overloaded links in after mode and shows the heaviest flows on hover', () => {
    const estate = tinyEstate();
    const { rerender } = render(<TopologyView estate={estate} plan={tinyPlan()} keptIds={['dc-chi']} mode="before" hour={62} selectedDcId="dc-chi" onSelectDc={() => {}} />);
    const root = screen.getByTestId('topology');
    const chiDal = () => root.querySelector('.link[data-link-id="l-chi-dal"]') as Element;
    expect(chiDal().getAttribute('data-overloaded')).toBe('false');
    expect(screen.getByRole('button', { name: /Chicago DC/ }).getAttribute('aria-pressed')).toBe('true');
    rerender(<TopologyView estate={estate} plan={tinyPlan()} keptIds={['dc-chi']} mode="after" hour={62} selectedDcId="dc-chi" onSelectDc={() => {}} />);
    expect(chiDal().getAttribute('data-overloaded')).toBe('true');
    expect(chiDal().getAttribute('class')).toContain('link-over');
    expect(chiDal().getAttribute('data-link-class')).toBe('bad');
    expect(screen.getByRole('button', { name: /Chicago DC/ }).getAttribute('aria-label')).toContain('3 hosts');
    const legend = within(screen.getByTestId('overloaded-links'));
    expect(legend.getByText(/Tue 14:00–16:00 UTC/)).toBeTruthy();
    fireEvent.mouseMove(chiDal(), { clientX: 100, clientY: 100 });
    const tip = screen.getByTestId('topology-tooltip');
    expect(tip.textContent).toContain('Bandwidth: 1,000 Mbps');
    expect(tip.textContent).toContain('Latency: 18 ms');
    expect(tip.textContent).toContain('s1-name → HQ: 700 Mbps');
    fireEvent.mouseLeave(chiDal());
    expect(screen.queryByTestId('topology-tooltip')).toBeNull();
    // At a quiet hour the link is green again but stays listed as overloaded over the week.
    rerender(<TopologyView estate={estate} plan={tinyPlan()} keptIds={['dc-chi']} mode="after" hour={10} selectedDcId={null} onSelectDc={() => {}} />);
    expect(chiDal().getAttribute('data-link-class')).toBe('ok');
    expect(chiDal().getAttribute('data-overloaded')).toBe('true');
  });

  it('falls back to a graph layout without coordinates', () => {
    render(<TopologyView estate={tinyEstate(false)} plan={null} keptIds={[]} mode="before" hour={null} selectedDcId={null} onSelectDc={() => {}} />);
    const root = screen.getByTestId('topology');
    expect(root.getAttribute('data-layout')).toBe('graph');
    expect(root.querySelectorAll('[data-dc-id]')).toHaveLength(3);
  });

  it('unmounts cleanly (zoom listeners removed)', () => {
    const { unmount } = render(
      <StrictMode>
        <TopologyView estate={tinyEstate()} plan={null} keptIds={[]} mode="before" hour={null} selectedDcId={null} onSelectDc={() => {}} />
      </StrictMode>,
    );
    unmount();
    expect(screen.queryByTestId('topology')).toBeNull();
  });
});

describe('HourSlider', () => {
  function Harness() {
    const [hour, setHour] = useState<number | null>(62);
    return <HourSlider hour={hour} onChange={setHour} stepMs={100} />;
  }

  it('labels the hour, plays through the week and stops on pause', () => {
    vi.useFakeTimers();
    render(
      <StrictMode>
        <Harness />
      </StrictMode>,
    );
    expect(screen.getByText('Tue 14:00 UTC')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    act(() => vi.advanceTimersByTime(100));
    expect(screen.getByText('Tue 15:00 UTC')).toBeTruthy();
    act(() => vi.advanceTimersByTime(100));
    expect(screen.getByText('Tue 16:00 UTC')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    act(() => vi.advanceTimersByTime(1000));
    expect(screen.getByText('Tue 16:00 UTC')).toBeTruthy();
    fireEvent.change(screen.getByRole('slider', { name: 'Hour of the week' }), { target: { value: '167' } });
    expect(screen.getByText('Sat 23:00 UTC')).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Peak' }));
    expect(screen.getByText('Peak over the week')).toBeTruthy();
  });
});
