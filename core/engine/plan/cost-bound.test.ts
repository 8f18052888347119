import { describe, expect, it } from 'vitest';
import { planCostLowerBound } from './cost-bound.ts';
import { COST_HORIZON_MONTHS } from '../plan.ts';

describe('planCostLowerBound', () => {
  const perSite = {
    'dc-a': { peakOfSum: 2, classes: 4, antiAffinity: 1, bound: 4, hardRules: 3 },
    'dc-b': { peakOfSum: 1, classes: 1, antiAffinity: 1, bound: 1 },
  };
  const models: Record<string, { price: number; costPerMonth: number }> = { 'dc-a': { price: 1000, costPerMonth: 10 }, 'dc-b': { price: 2000, costPerMonth: 0 } };
  const inForce = [
    { id: 'l-ora', metric: 'per-host-core' as const, price: 100 },
    { id: 'l-vm', metric: 'per-vm' as const, price: 50 },
  ];

  it('prices the hard-rules hosts per site, per-host licences on their bound units and per-VM licences as placed', () => {
    const licences = [
      { licenceModelId: 'l-ora', metric: 'per-host-core', units: 48, cost: 4800, boundUnits: 32 },
      { licenceModelId: 'l-vm', metric: 'per-vm', units: 10, cost: 500 },
    ];
    // dc-a: 3 hosts (hardRules, not the pooled bound 4) x (1000 + 10 x horizon); dc-b: 1 host (no hardRules) x 2000.
    const hosts = 3 * (1000 + 10 * COST_HORIZON_MONTHS) + 1 * 2000;
    expect(planCostLowerBound(perSite, (d) => models[d], licences, inForce)).toBe(hosts + 32 * 100 + 500);
  });

  it('counts nothing for a site without a model or a per-host licence without a bound', () => {
    const licences = [{ licenceModelId: 'l-ora', metric: 'per-host-core', units: 48, cost: 4800 }];
    expect(planCostLowerBound(perSite, (d) => (d === 'dc-b' ? models[d] : undefined), licences, inForce)).toBe(2000);
  });
});
