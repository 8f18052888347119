/**
 * Application planning: which catalogue application comes next, how critical it is, where it lives today
 * (its home data centre, chosen so servers spread over the sites in proportion to their size) and where its
 * DR copy runs, which database and middleware it licenses.
 */
import type { Application } from '../model/schema.ts';
import type { Rng } from '../util/random.ts';
import { APP_CATALOGUE, PCI_SITES_TODAY, TIER_LAYOUTS, type AppSpec } from './catalogue.ts';
import { DATA_CENTRES, byDistance, distanceKm } from './geography.ts';

export type Platform = 'linux' | 'windows';

export type AppPlan = {
  app: Application;
  spec: AppSpec;
  /** Unique short code used in server names ("erp", "erp2"). */
  code: string;
  /** Index into DATA_CENTRES. */
  homeDc: number;
  /** Index into DATA_CENTRES of the DR site, -1 when the application has no DR copy. */
  drDc: number;
  /** Tiers whose production servers have a DR partner. */
  drTiers: readonly string[];
  platform: Platform;
  dbProductId: string | null;
  middleware: boolean;
  /**
   * The user latency budget the owners ask for, settled once the users and the WAN are known (latency.ts):
   * "regional" (tight, only when all users are in one region), "national" (80-100 ms) or none.
   */
  latencyWish: LatencyWish;
};

export type LatencyWish = 'regional' | 'national' | null;

const CRITICALITY = [
  { value: 'mission-critical', weight: 0.1, availability: 99.99 },
  { value: 'high', weight: 0.3, availability: 99.95 },
  { value: 'medium', weight: 0.4, availability: 99.9 },
  { value: 'low', weight: 0.2, availability: 99.5 },
] as const;

/** Index drawn with probability proportional to weights[i]. */
export function weightedIndex(rng: Rng, weights: readonly number[]): number {
  let total = 0;
  for (const w of weights) total += w;
  let x = rng.next() * total;
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i];
    if (x < 0) return i;
  }
  return weights.length - 1;
}

const DC_SHARE = (() => {
  const total = DATA_CENTRES.reduce((s, d) => s + d.weight, 0);
  return DATA_CENTRES.map((d) => d.weight / total);
})();
const DC_WEIGHTS = DATA_CENTRES.map((d) => d.weight);
const PCI_DC = DATA_CENTRES.map((d) => PCI_SITES_TODAY.includes(d.id));

/** Tracks servers placed per data centre so new applications go where the estate is short of its share. */
export type DcLedger = { assigned: Float64Array; total: number };

export function newLedger(): DcLedger {
  return { assigned: new Float64Array(DATA_CENTRES.length), total: 0 };
}

export function recordServers(ledger: DcLedger, dcIndex: number, count: number): void {
  ledger.assigned[dcIndex] += count;
  ledger.total += count;
}

function chooseHomeDc(rng: Rng, ledger: DcLedger, size: number, pciOnly: boolean): number {
  if (!pciOnly && rng.chance(0.25)) return weightedIndex(rng, DC_WEIGHTS);
  let best = -1;
  let bestDeficit = -Infinity;
  for (let i = 0; i < DATA_CENTRES.length; i++) {
    if (pciOnly && !PCI_DC[i]) continue;
    const deficit = DC_SHARE[i] * (ledger.total + size) - ledger.assigned[i];
    if (deficit > bestDeficit) {
      bestDeficit = deficit;
      best = i;
    }
  }
  return best;
}

/** A DR site 400 km or more away (a PCI application's DR stays on a PCI site): the nearest, sometimes the next. */
function chooseDrDc(rng: Rng, home: number, pciOnly: boolean): number {
  const order = byDistance(DATA_CENTRES[home], DATA_CENTRES).filter(
    (i) => i !== home && distanceKm(DATA_CENTRES[home], DATA_CENTRES[i]) >= 400 && (!pciOnly || PCI_DC[i]),
  );
  return order.length > 1 && rng.chance(0.3) ? order[1] : order[0];
}

/** Plan the `index`-th application (0-based): the catalogue is cycled, repeats get a numbered code. */
export function planApplication(rng: Rng, index: number, ledger: DcLedger, expectedSize: number): AppPlan {
  const spec = APP_CATALOGUE[index % APP_CATALOGUE.length];
  const round = Math.floor(index / APP_CATALOGUE.length);
  const code = round === 0 ? spec.code : `${spec.code}${round + 1}`;
  const name = round === 0 ? spec.name : `${spec.name} ${round + 1}`;
  let crit = CRITICALITY[weightedIndex(rng, CRITICALITY.map((c) => c.weight))];
  if (spec.pci && (crit.value === 'medium' || crit.value === 'low')) crit = CRITICALITY[1];
  const tiers: string[] = [...TIER_LAYOUTS[spec.layout]];
  const userFacing = spec.layout !== 'etl';
  const pci = spec.pci === true;
  const homeDc = chooseHomeDc(rng, ledger, expectedSize, pci);
  const drTiers = crit.value === 'mission-critical' ? tiers.filter((t) => t === 'db' || t === 'app') : crit.value === 'high' ? ['db'] : [];
  const drDc = drTiers.length > 0 ? chooseDrDc(rng, homeDc, pci) : -1;
  const platform: Platform = rng.chance(0.45) ? 'windows' : 'linux';
  const dbRoll = rng.next();
  const dbProductId = platform === 'windows' ? (dbRoll < 0.75 ? 'prod-mssql-ent' : null) : dbRoll < 0.55 ? 'prod-oracle-ee' : null;
  // Settled by assignLatencyBudgets once the users and the WAN exist; most applications ask for none.
  const latencyWish: LatencyWish = userFacing && rng.chance(0.4) ? rng.pick<LatencyWish>(['regional', 'national', null]) : null;
  const app: Application = {
    id: `app-${code}`,
    name,
    departmentId: spec.departmentId,
    tiers,
    criticality: crit.value,
    availabilityTargetPct: crit.availability,
    userLatencyBudgetMs: null,
    tierLatencyBudgetMs: rng.chance(0.3) ? rng.pick([1, 2, 5]) : null,
  };
  return {
    app,
    spec,
    code,
    homeDc,
    drDc,
    drTiers,
    platform,
    dbProductId: tiers.includes('db') ? dbProductId : null,
    middleware: tiers.includes('app') && platform === 'linux' && rng.chance(0.55),
    latencyWish,
  };
}
