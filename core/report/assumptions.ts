/**
 * The rules in force for a report's plan, as label/value lines a reader can check: sizing (policy, folding,
 * headroom, growth, overcommit, N+1, segregation), zones, maintenance windows, licence models, host models,
 * pins and the engine settings. Pure.
 */
import { DIMENSIONS, horizonMonthsOf } from '../engine/plan.ts';
import { effectiveRules, type Estate, type MaintenanceWindow, type Scenario } from '../model/schema.ts';
import type { EngineSettings } from './hash.ts';

export type AssumptionItem = { label: string; value: string };
export type AssumptionGroup = { title: string; items: AssumptionItem[] };

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const POLICY: Record<string, string> = {
  average: 'hourly average',
  p80: '80th percentile of each hour',
  p95: '95th percentile of each hour',
  peak: 'peak of each hour',
};
const METRIC: Record<string, string> = { 'per-host-core': 'per host core', 'per-socket': 'per socket', 'per-vm': 'per VM' };
const yesNo = (b: boolean) => (b ? 'yes' : 'no');
const pad = (n: number) => String(n).padStart(2, '0');
const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** "Sat, Sun 02:00–06:00 America/Chicago" */
export function windowLabel(w: MaintenanceWindow): string {
  const days = [...w.days].sort((a, b) => a - b).map((d) => DAYS[d] ?? String(d));
  const end = (w.startHour + w.durationHours) % 24;
  return `${days.join(', ')} ${pad(w.startHour)}:00–${pad(end)}:00 ${w.timeZone}`;
}

export function buildAssumptions(estate: Estate, scenario: Scenario, settings: EngineSettings): AssumptionGroup[] {
  const rules = effectiveRules(estate, scenario);
  const sizing: AssumptionItem[] = [
    { label: 'Sizing policy', value: POLICY[rules.policy] ?? rules.policy },
    { label: 'Series folded over', value: rules.foldOver === 'week' ? 'one week (168 hours)' : 'one day (24 hours)' },
    { label: 'Headroom kept free', value: DIMENSIONS.map((d) => `${d} ${rules.headroomPct[d]}%`).join(', ') },
    { label: 'Growth over the horizon', value: `${rules.growthPct}%` },
    { label: 'CPU overcommit (vCPU : core)', value: `${rules.cpuOvercommit} : 1` },
    { label: 'N+1 spare host per site', value: yesNo(rules.nPlusOne) },
    { label: 'Departments segregated', value: yesNo(rules.segregateDepartments) },
    { label: 'Environments segregated', value: yesNo(rules.segregateEnvironments) },
  ];
  const overridden = Object.keys(scenario.rules).filter((k) => k !== 'headroomPct' || Object.keys(scenario.rules.headroomPct ?? {}).length > 0);
  sizing.push({ label: 'Overridden by the scenario', value: overridden.length > 0 ? overridden.sort().join(', ') : 'nothing (project defaults)' });

  const dcName = new Map(estate.dataCentres.map((d) => [d.id, d.name]));
  const zoneServers = new Map<string, number>();
  for (const s of estate.servers) if (s.zoneId !== null) zoneServers.set(s.zoneId, (zoneServers.get(s.zoneId) ?? 0) + 1);
  const zones: AssumptionItem[] = estate.zones.map((z) => ({
    label: `${z.name} (${z.kind})`,
    value: [
      count(zoneServers.get(z.id) ?? 0, 'server'),
      z.dedicatedHosts ? 'dedicated hosts' : 'shares hosts',
      z.allowedDataCentreIds === null ? 'any site' : `only in ${z.allowedDataCentreIds.map((id) => dcName.get(id) ?? id).join(', ')}`,
    ].join('; '),
  }));

  const windows = new Map<string, number>();
  let windowed = 0;
  for (const s of estate.servers) {
    if (!s.maintenanceWindow) continue;
    windowed++;
    const key = windowLabel(s.maintenanceWindow);
    windows.set(key, (windows.get(key) ?? 0) + 1);
  }
  const windowItems: AssumptionItem[] = [
    { label: 'Servers with a window', value: `${count(windowed, 'server')} of ${estate.servers.length.toLocaleString('en-US')}; each host holds the servers of one window (servers without one fill in)` },
    ...[...windows.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, 12)
      .map(([label, n]) => ({ label, value: count(n, 'server') })),
  ];
  if (windows.size > 12) windowItems.push({ label: 'Other windows', value: `${windows.size - 12} more patterns` });

  const product = new Map(estate.products.map((p) => [p.id, p.name]));
  const inForce = new Set(scenario.licenceModelIds);
  const licences: AssumptionItem[] = estate.licenceModels
    .filter((m) => inForce.has(m.id))
    .map((m) => ({
      label: `${m.name} (${product.get(m.productId) ?? m.productId})`,
      value: `${METRIC[m.metric] ?? m.metric}, ${estate.currency} ${m.price.toLocaleString('en-US')} per unit${m.minCoresPerHost > 0 ? `, at least ${m.minCoresPerHost} cores per host` : ''}`,
    }));
  if (licences.length === 0) licences.push({ label: 'Licence models', value: 'none in force: licences are not charged' });

  const models = new Map(estate.hostModels.map((m) => [m.id, m]));
  const modelText = (id: string) => {
    const m = models.get(id);
    return m ? `${m.name}: ${m.sockets} x ${m.cores / m.sockets} cores, ${m.memoryGiB} GiB, ${estate.currency} ${m.price.toLocaleString('en-US')}` : id;
  };
  const hosts: AssumptionItem[] = [
    { label: 'Default host model', value: modelText(scenario.defaultHostModelId) },
    ...Object.entries(scenario.hostModelByDataCentre)
      .sort((a, b) => (a[0] < b[0] ? -1 : 1))
      .map(([dc, id]) => ({ label: `Host model in ${dcName.get(dc) ?? dc}`, value: modelText(id) })),
  ];

  const run: AssumptionItem[] = [
    { label: 'Kept data centres', value: scenario.keptDataCentreIds.map((id) => dcName.get(id) ?? id).join(', ') || 'none' },
    { label: 'Pins (manual placements)', value: count(scenario.pins.length, 'pin') },
    { label: 'Engine seed', value: String(settings.seed) },
    settings.effort !== undefined
      ? {
          label: 'Search effort',
          value: `${settings.effort} (${(settings.iterations ?? 0).toLocaleString('en-US')} work units); plan found at ${(settings.foundAt ?? 0).toLocaleString('en-US')} work units (reproducible: \`cwb plan --effort ${settings.foundAt ?? 0}\` gives the same plan)`,
        }
      : {
          label: 'Improvement search budget',
          value:
            settings.iterations != null
              ? `${settings.iterations.toLocaleString('en-US')} work units (reproducible: the same seed and budget give the same plan)`
              : `${(settings.budgetMs / 1000).toLocaleString('en-US')} s of search time`,
        },
    { label: 'Cost horizon', value: `${horizonMonthsOf(estate)} months (hosts bought, run, licensed and kept sites run over it)` },
  ];

  return [
    { title: 'Sizing rules', items: sizing },
    { title: 'Scenario and engine', items: run },
    { title: 'Host models', items: hosts },
    { title: 'Security zones', items: zones.length > 0 ? zones : [{ label: 'Zones', value: 'none defined' }] },
    { title: 'Maintenance windows', items: windowItems },
    { title: 'Licence models in force', items: licences },
  ];
}
