/** Two kept plans side by side: scenarios' latest plans and snapshots alike. */
import { useState } from 'react';
import type { Estate } from '../../../core/model/schema.ts';
import { PlanComparison } from '../../views/results/PlanComparison.tsx';
import type { PlanOption } from './kept-plan-options.ts';

export function CompareResults({ estate, options }: { estate: Estate; options: readonly PlanOption[] }) {
  const [aKey, setA] = useState<string | null>(null);
  const [bKey, setB] = useState<string | null>(null);
  if (options.length < 2) return <p className="empty-state">Run at least two scenarios, or keep a snapshot, to compare plans.</p>;
  const a = options.find((o) => o.key === aKey) ?? options[0];
  const b = options.find((o) => o.key === bKey) ?? options.find((o) => o.key !== a.key) ?? options[1];
  const picker = (label: string, value: string, set: (key: string) => void) => (
    <label>
      {label}{' '}
      <select aria-label={label} value={value} onChange={(e) => set(e.currentTarget.value)}>
        {options.map((o) => (
          <option key={o.key} value={o.key}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="compare-results">
      <div className="results-bar">
        {picker('Scenario A', a.key, setA)}
        {picker('Scenario B', b.key, setB)}
      </div>
      <PlanComparison estate={estate} a={{ scenario: a.scenario, plan: a.plan }} b={{ scenario: b.scenario, plan: b.plan }} />
    </div>
  );
}
