/**
 * Sizing: each server's demand per dimension and folded hour, from its utilisation series x its capacity,
 * under the scenario's policy (statistic of the samples that fall on the same folded hour), growth, and with
 * gaps filled conservatively. CPU is in rating units (cores x ratingPerCore x cpu%), which normalises source
 * to target CPUs. Storage is flat (capacity-based). Headroom is not applied here: it reduces host capacity.
 */
import { noTick, type Tick } from '../../util/progress.ts';
import type { Server, SizingPolicy, SizingRules } from '../../model/schema.ts';
import { rowIndex, type SeriesSet } from '../../model/series.ts';
import { DIMENSIONS, type GapFill } from '../plan.ts';
import { BASIS_CODE, profileOf, similarPool, type SimilarPool } from './sizing-basis.ts';

export const DIMS = DIMENSIONS.length;

export type Sizing = {
  /** Folded hours: 24 or 168. */
  hours: number;
  /** Demand, servers (estate order) x DIMS x hours. */
  demand: Float32Array;
  /** Peak over hours per server and dimension, servers x DIMS. */
  peak: Float32Array;
  gapFills: GapFill[];
  /** Sizing basis per server, servers x 2 (CPU, memory): BASIS_CODE of sizing-basis.ts. */
  basis: Uint8Array;
};

/** Days since 1970-01-01 of a civil date (Hinnant's algorithm): no Date object needed. */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Hours from Sunday 00:00 UTC to an ISO UTC timestamp on the hour, modulo one week. */
export function weekHourOf(isoUtc: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2})/.exec(isoUtc);
  if (!m) return 0;
  const days = daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3]));
  const dow = (((days + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
  return dow * 24 + Number(m[4]);
}

export function foldHours(rules: Pick<SizingRules, 'foldOver'>): number {
  return rules.foldOver === 'day' ? 24 : 168;
}

function statistic(sorted: Float64Array, n: number, policy: SizingPolicy): number {
  if (policy === 'peak') return sorted[n - 1];
  if (policy === 'average') {
    let s = 0;
    for (let i = 0; i < n; i++) s += sorted[i];
    return s / n;
  }
  const p = policy === 'p80' ? 0.8 : 0.95;
  return sorted[Math.max(0, Math.ceil(p * n) - 1)];
}

function sortPrefix(a: Float64Array, n: number): void {
  for (let i = 1; i < n; i++) {
    const v = a[i];
    let j = i - 1;
    while (j >= 0 && a[j] > v) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = v;
  }
}

const METRIC_OF_DIM = ['cpuPct', 'memPct', null, 'iops', 'netMbps'] as const;

/** Scale from the metric's unit to the dimension's unit, and the value used when nothing is known. */
function scaleOf(s: Server, d: number): { scale: number; nameplate: number } {
  switch (d) {
    case 0:
      return { scale: (s.cores * s.ratingPerCore) / 100, nameplate: 100 };
    case 1:
      return { scale: s.memoryGiB / 100, nameplate: 100 };
    case 3:
      return { scale: 1, nameplate: s.iops };
    default:
      return { scale: 1, nameplate: s.networkMbps };
  }
}

type Work = {
  H: number;
  T: number;
  offset: number;
  growth: number;
  policy: SizingPolicy;
  demand: Float32Array;
  peak: Float32Array;
  gapFills: GapFill[];
  scratch: Float64Array;
  hodMax: Float64Array;
  all: Float64Array;
  series: SeriesSet;
  rules: SizingRules;
  pool: SimilarPool | null;
  basis: Uint8Array;
};

/** One server (a plain function: V8 optimises its loops better than inside the generator). */
function sizeServer(w: Work, i: number, s: Server, r: number | undefined): void {
  const { H, T, offset, growth, policy, demand, peak, gapFills, scratch, hodMax, all, series } = w;
  let filled = 0;
  let method: GapFill['method'] = 'hour-of-day max';
  let gapHours = 0;
  if (r !== undefined) {
    for (let t = 0; t < T; t++) {
      const at = r * T + t;
      if (Number.isNaN(series.cpuPct[at]) || Number.isNaN(series.memPct[at]) || Number.isNaN(series.iops[at]) || Number.isNaN(series.netMbps[at])) gapHours++;
    }
  } else gapHours = T;
  // No series (or sizing as allocated): the best evidence there is (sizing-basis.ts), else allocation.
  const profile = r === undefined ? profileOf(s, w.rules, w.pool) : null;
  w.basis[i * 2] = profile === null ? BASIS_CODE.measured : BASIS_CODE[profile.cpuBasis];
  w.basis[i * 2 + 1] = profile === null ? BASIS_CODE.measured : BASIS_CODE[profile.memBasis];
  for (let d = 0; d < DIMS; d++) {
    const base = (i * DIMS + d) * H;
    const metric = METRIC_OF_DIM[d];
    if (metric === null) {
      demand.fill(s.storageGiB * growth, base, base + H);
      peak[i * DIMS + d] = s.storageGiB * growth;
      continue;
    }
    const { scale, nameplate } = scaleOf(s, d);
    if (profile !== null || r === undefined) {
      if (profile === null) continue;
      const v = [profile.cpuPct, profile.memPct, 0, profile.iops ?? nameplate, profile.netMbps ?? nameplate][d];
      demand.fill(v * scale * growth, base, base + H);
      peak[i * DIMS + d] = v * scale * growth;
      if (profile.cpuBasis === 'allocation') {
        filled += H;
        method = 'nameplate';
      }
      continue;
    }
    const values = series[metric].subarray(r * T, (r + 1) * T);
    // Conservative fills: the max of the same hour of day, else the row's p95, else nameplate.
    // (Only needed when some folded hour can be empty: gaps, or a series shorter than the fold.)
    hodMax.fill(Number.NaN);
    let count = 0;
    if (gapHours > 0 || T < H) for (let t = 0; t < T; t++) {
      const v = values[t];
      if (Number.isNaN(v)) continue;
      all[count++] = v;
      const h = (offset + t) % 24;
      if (!(hodMax[h] >= v)) hodMax[h] = v;
    }
    // The row's p95 is only needed when an hour of day has no sample at all: computed on first use.
    let p95 = Number.NaN;
    const rowP95 = (): number => {
      if (Number.isNaN(p95)) {
        p95 = nameplate;
        if (count > 0) {
          const sorted = all.subarray(0, count).sort();
          p95 = sorted[Math.max(0, Math.ceil(0.95 * count) - 1)];
        }
      }
      return p95;
    };
    let pk = 0;
    for (let f = 0; f < H; f++) {
      let k = 0;
      // t = f - offset (mod H), then every H hours.
      for (let t = (f - offset + H) % H; t < T; t += H) {
        const v = values[t];
        if (!Number.isNaN(v)) scratch[k++] = v;
      }
      let v: number;
      if (k === 1) v = scratch[0];
      else if (k > 0) {
        sortPrefix(scratch, k);
        v = statistic(scratch, k, policy);
      } else {
        filled++;
        const h = f % 24;
        if (!Number.isNaN(hodMax[h])) v = hodMax[h];
        else {
          v = rowP95();
          if (method === 'hour-of-day max') method = count > 0 ? 'p95' : 'nameplate';
        }
      }
      const x = v * scale * growth;
      demand[base + f] = x;
      if (x > pk) pk = x;
    }
    peak[i * DIMS + d] = pk;
  }
  if ((profile === null && gapHours > 0) || filled > 0) gapFills.push({ serverId: s.id, gapHours, filledBuckets: filled, method });
}

/**
 * Size every server. `tick` gets the fraction done every few hundred servers (progress).
 * Servers without a series row are sized at nameplate (100 % CPU and memory, their rated IOPS and network).
 */
export function sizeServers(
  servers: readonly Server[],
  series: SeriesSet,
  rules: SizingRules,
  tick: Tick = noTick,
): Sizing {
  const H = foldHours(rules);
  const T = series.hours;
  const offset = weekHourOf(series.startUtc) % H;
  const rows = rowIndex(series);
  tick(0);
  const n = servers.length;
  // A large estate's demand is a few hundred MB: allocating it may set off a full garbage collection.
  const demand = new Float32Array(n * DIMS * H);
  const peak = new Float32Array(n * DIMS);
  const gapFills: GapFill[] = [];
  const growth = 1 + rules.growthPct / 100;
  const maxPerBucket = Math.ceil(T / H) + 1;
  const scratch = new Float64Array(maxPerBucket);
  const hodMax = new Float64Array(24);
  const all = new Float64Array(T);

  const basis = new Uint8Array(n * 2);
  const pool = rules.unmeasuredProfile === 'similar' ? similarPool(servers, rules) : null;
  const work: Work = { H, T, offset, growth, policy: rules.policy, demand, peak, gapFills, scratch, hodMax, all, series, rules, pool, basis };
  tick(0);
  for (let i = 0; i < n; i++) {
    if ((i & 255) === 255) tick(i / n);
    sizeServer(work, i, servers[i], rules.sizing === 'allocated' ? undefined : rows.get(servers[i].id));
  }
  return { hours: H, demand, peak, gapFills, basis };
}
