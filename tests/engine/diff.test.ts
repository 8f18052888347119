import { describe, expect, it } from 'vitest';
import { diffPlans, ruleChanges } from '../../core/engine/plan/diff.ts';
import { Estate } from '../../core/model/schema.ts';
import { estate, project, run, server } from './fixtures.ts';

describe('scenario diff', () => {
  const base = estate({
    servers: [server('a1'), server('a2'), server('b1', { dataCentreId: 'dc-b' }), server('b2', { dataCentreId: 'dc-b', departmentId: 'd2' })],
  });
  // Scenario 2: dc-b closes, departments are segregated, one pin added.
  const withSecond = Estate.parse({
    ...base,
    scenarios: [
      ...base.scenarios,
      { ...base.scenarios[0], id: 's2', name: 's2', keptDataCentreIds: ['dc-a'], rules: { segregateDepartments: true }, pins: [{ serverId: 'a2', dataCentreId: 'dc-a', hostLabel: 'dc-a-h009' }] },
    ],
  });

  it('lists the rule changes', () => {
    const changes = ruleChanges(withSecond, withSecond.scenarios[0], withSecond.scenarios[1]);
    expect(changes.map((c) => c.field).sort()).toEqual(['keptDataCentreIds', 'pins', 'rules.segregateDepartments']);
    expect(changes.find((c) => c.field === 'rules.segregateDepartments')).toEqual({ field: 'rules.segregateDepartments', before: false, after: true });
  });

  it('attributes each moved server to the rule change that explains it', () => {
    const p = project(withSecond);
    const plan1 = run(p, 's1');
    const plan2 = run(p, 's2');
    const diff = diffPlans(withSecond, plan1, plan2, withSecond.scenarios[0], withSecond.scenarios[1]);
    const moved = new Map(diff.moves.map((m) => [m.serverId, m]));
    expect(moved.get('b1')).toMatchObject({ from: { site: 'dc-b' }, to: { site: 'dc-a' }, causes: ['keptDataCentreIds'] });
    expect(moved.get('b2')?.causes).toEqual(['keptDataCentreIds']);
    expect(moved.get('a2')).toMatchObject({ to: { site: 'dc-a', host: 'dc-a-h009' } });
    expect(moved.get('a2')?.causes).toContain('pins');
    // a1 stays at dc-a but changes host (the re-packing of a segregated dc-a): only a re-packing rule explains it.
    expect(moved.get('a1')).toMatchObject({ from: { site: 'dc-a' }, to: { site: 'dc-a' } });
    expect(moved.get('a1')?.causes).toEqual(['rules.segregateDepartments']);
  });

  it('no change, no moves', () => {
    const p = project(base);
    const plan = run(p);
    expect(diffPlans(base, plan, run(p), base.scenarios[0], base.scenarios[0])).toEqual({ changes: [], moves: [] });
  });
});
