/** Two scenarios that both have plans, side by side. */
import { useState } from 'react';
import type { Estate, Scenario } from '../../../core/model/schema.ts';
import { PlanComparison } from '../../views/results/PlanComparison.tsx';
import type { PlansByScenario } from '../../store/jobs-slice.ts';

export function CompareResults({ estate, plans, withPlans }: { estate: Estate; plans: PlansByScenario; withPlans: readonly Scenario[] }) {
  const [aId, setA] = useState<string | null>(null);
  const [bId, setB] = useState<string | null>(null);
  if (withPlans.length < 2) return <p className="empty-state">Run at least two scenarios to compare their plans.</p>;
  const a = withPlans.find((s) => s.id === aId) ?? withPlans[0];
  const b = withPlans.find((s) => s.id === bId) ?? withPlans.find((s) => s.id !== a.id) ?? withPlans[1];
  const pa = plans[a.id];
  const pb = plans[b.id];
  const picker = (label: string, value: string, set: (id: string) => void) => (
    <label>
      {label}{' '}
      <select aria-label={label} value={value} onChange={(e) => set(e.currentTarget.value)}>
        {withPlans.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="compare-results">
      <div className="results-bar">
        {picker('Scenario A', a.id, setA)}
        {picker('Scenario B', b.id, setB)}
      </div>
      {pa && pb && <PlanComparison estate={estate} a={{ scenario: a, plan: pa }} b={{ scenario: b, plan: pb }} />}
    </div>
  );
}
