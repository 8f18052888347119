// @vitest-environment happy-dom
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { SummaryCards } from './SummaryCards.tsx';
import { AssignmentTable } from './AssignmentTable.tsx';
import { PlanComparison } from './PlanComparison.tsx';
import { comparePlans, summarise } from './metrics.ts';
import { tinyEstate, tinyPlan } from '../fixtures.ts';

afterEach(cleanup);

// happy-dom has no layout: give elements a box so the virtualised table renders rows.
beforeAll(() => {
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue(DOMRect.fromRect({ x: 0, y: 0, width: 1200, height: 420 }));
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(420);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1200);
});
afterAll(() => vi.restoreAllMocks());

describe('summarise', () => {
  it('derives ratio, gap, costs and overloads from the plan', () => {
    const s = summarise(tinyEstate(), tinyPlan());
    expect(s).toMatchObject({ servers: 4, virtualised: 3, hosts: 3, bound: 2, gapPct: 50, unplaced: 1, linksOverBefore: 0, linksOverAfter: 1, spareHosts: 1 });
    expect(s.ratio).toBe(1);
    expect(s.costBefore).toBe((10_000 + 8_000 + 6_000) * 36);
    expect(s.facilitiesAfter).toBe(10_000 * 36);
    expect(s.costAfter).toBe(10_000 * 36 + 104_400);
    expect(s.saving).toBe(864_000 - 464_400);
    // Hosts and licences 104,400 against the cost bound 87,000.
    expect(s.costBound).toBe(87_000);
    expect(s.costGapPct).toBeCloseTo(20, 9);
    expect(summarise(tinyEstate(), { ...tinyPlan(), bounds: { perSite: {}, total: 2 } })).toMatchObject({ costBound: null, costGapPct: null });
  });
});

describe('SummaryCards', () => {
  it('shows the numbers from the plan', () => {
    render(<SummaryCards estate={tinyEstate()} plan={tinyPlan()} />);
    expect(screen.getByTestId('card-servers').textContent).toContain('4 → 3');
    expect(screen.getByTestId('card-servers').textContent).toContain('ratio 1.0 : 1');
    expect(screen.getByTestId('card-bound').textContent).toContain('3 / 2');
    expect(screen.getByTestId('card-bound').textContent).toContain('gap 50.0%');
    expect(screen.getByTestId('card-bound').textContent).toContain('cost (hosts and licences) 20.0% ($17,400) above its lower bound of $87,000');
    // The headline is the plan's own cost; today's figure only appears against the sites it compares with.
    expect(screen.getByTestId('card-cost').textContent).toMatch(/^Plan cost over 36 months\$464,400/);
    expect(screen.getByTestId('card-cost').textContent).not.toContain('$864,000 → $464,400');
    expect(screen.getByTestId('card-cost').textContent).toContain('licences $12,000');
    expect(screen.getByTestId('card-cost').textContent).toContain('site running cost $864,000 today → $360,000 (saves $504,000)');
    expect(screen.getByTestId('card-wan').textContent).toContain('0 → 1');
    expect(screen.getByTestId('card-unplaced').textContent).toContain('1');
    expect(screen.getByTestId('card-unplaced').className).toContain('tone-bad');
    expect(screen.getByTestId('card-bound').className).toContain('tone-warn');
  });

  it('judges the plan by its cost gap when it has a cost bound (hosts spent to save licences are not a shortfall)', () => {
    const plan = tinyPlan();
    // 50% above the host bound, but the cost (104,400) is within 2.4% of its bound
    render(<SummaryCards estate={tinyEstate()} plan={{ ...plan, bounds: { ...plan.bounds, cost: 102_000 } }} />);
    expect(screen.getByTestId('card-bound').textContent).toContain('gap 50.0%');
    expect(screen.getByTestId('card-bound').textContent).toContain('2.4% ($2,400) above its lower bound of $102,000');
    expect(screen.getByTestId('card-bound').className).toContain('tone-ok');
  });
});

describe('AssignmentTable', () => {
  it('lists assignments, filters by reason and site, searches, selects', () => {
    const onSelect = vi.fn();
    render(<AssignmentTable estate={tinyEstate()} plan={tinyPlan()} onSelectServer={onSelect} />);
    expect(screen.getAllByTestId('assignment-row')).toHaveLength(4);
    const first = screen.getAllByTestId('assignment-row')[0];
    expect(within(first).getByText('s1-name')).toBeTruthy();
    expect(within(first).getByText('Dallas DC')).toBeTruthy();
    expect(within(first).getByText('Chicago DC')).toBeTruthy();
    expect(within(first).getByText('dc-chi-h001')).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: 'Filter by reason' }), { target: { value: 'unplaced' } });
    expect(screen.getAllByTestId('assignment-row').map((r) => r.getAttribute('data-server-id'))).toEqual(['s4']);
    fireEvent.change(screen.getByRole('combobox', { name: 'Filter by reason' }), { target: { value: '' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Filter by site' }), { target: { value: 'dc-dal' } });
    expect(screen.getAllByTestId('assignment-row')).toHaveLength(2);
    fireEvent.change(screen.getByRole('combobox', { name: 'Filter by site' }), { target: { value: '' } });
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search assignments' }), { target: { value: 'DR partner' } });
    expect(screen.getAllByTestId('assignment-row').map((r) => r.getAttribute('data-server-id'))).toEqual(['s2']);
    fireEvent.click(screen.getAllByTestId('assignment-row')[0]);
    expect(onSelect).toHaveBeenCalledWith('s2');
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search assignments' }), { target: { value: 'zzz' } });
    expect(screen.getByText('No assignment matches.')).toBeTruthy();
  });

  it('virtualises a long list', () => {
    const base = tinyPlan();
    const many = Array.from({ length: 5000 }, (_, i) => ({ ...base.assignments[0], serverId: `x${i}` }));
    render(<AssignmentTable estate={tinyEstate()} plan={{ ...base, assignments: many }} />);
    const n = screen.getAllByTestId('assignment-row').length;
    expect(n).toBeGreaterThan(5);
    expect(n).toBeLessThan(200);
  });
});

describe('PlanComparison', () => {
  it('highlights the rows that differ and lists servers whose target differs', () => {
    const estate = tinyEstate();
    const scA = estate.scenarios[0];
    const scB = { ...scA, id: 'sc-2', name: 'Into Chicago and Phoenix', keptDataCentreIds: ['dc-chi', 'dc-phx'] };
    const planA = tinyPlan();
    const planB = tinyPlan({
      scenarioId: 'sc-2',
      assignments: planA.assignments.map((x) => (x.serverId === 's4' ? { ...x, targetDataCentreId: 'dc-phx', hostLabel: 'dc-phx-h001', reason: 'cheapest-feasible' } : x)),
      sites: [...planA.sites, { ...planA.sites[0], dataCentreId: 'dc-phx', hosts: 2 }],
      hostsUsed: 5,
      unplaced: [],
    });
    const { rows, moved } = comparePlans(estate, { scenario: scA, plan: planA }, { scenario: scB, plan: planB });
    expect(rows.find((r) => r.key === 'hosts')).toMatchObject({ a: 3, b: 5, differs: true });
    expect(rows.find((r) => r.key === 'hosts:dc-chi')?.differs).toBe(false);
    expect(rows.find((r) => r.key === 'hosts:dc-phx')).toMatchObject({ a: 0, b: 2, differs: true });
    expect(moved).toEqual([{ serverId: 's4', name: 's4-name', a: null, b: 'dc-phx' }]);
    render(<PlanComparison estate={estate} a={{ scenario: scA, plan: planA }} b={{ scenario: scB, plan: planB }} />);
    const root = screen.getByTestId('plan-comparison');
    expect(root.querySelector('tr[data-row="hosts"]')?.getAttribute('data-differs')).toBe('true');
    expect(root.querySelector('tr[data-row="hosts"]')?.className).toBe('differs');
    expect(root.querySelector('tr[data-row="links"]')?.getAttribute('data-differs')).toBe('false');
    expect(root.querySelector('tr[data-row="hosts"]')?.textContent).toContain('+2');
    expect(root.querySelector('tr[data-row="cost"]')?.getAttribute('data-differs')).toBe('true'); // Phoenix's site cost
    expect(screen.getByTestId('moved-servers').textContent).toContain('s4-name: unplaced → Phoenix DC');
  });
});
