/** Size limits a .cwb must respect before the codec spends memory on it. Tests and hosts may lower them. */
export type Limits = {
  /** The whole file. */
  maxFileBytes: number;
  /** Entries in the zip directory. */
  maxEntries: number;
  /** Uncompressed size of any one entry, declared or real. */
  maxEntryBytes: number;
  /** Sum of the uncompressed sizes of the entries the codec reads. */
  maxTotalBytes: number;
  /** A JSON entry (manifest, estate, series index): the text must fit in one JavaScript string. */
  maxJsonBytes: number;
};

export const GiB = 1024 ** 3;
export const MiB = 1024 ** 2;
export const KiB = 1024;

export const DEFAULT_LIMITS: Limits = {
  maxFileBytes: GiB,
  maxEntries: 64,
  maxEntryBytes: GiB,
  maxTotalBytes: 1.5 * GiB,
  maxJsonBytes: 256 * MiB,
};

export function withDefaults(limits: Partial<Limits> | undefined): Limits {
  return { ...DEFAULT_LIMITS, ...limits };
}

/** The manifest's counts (format 2 on); a budget is sized from them before an entry is inflated or parsed. */
export type EntryCounts = {
  dataCentres: number;
  servers: number;
  applications: number;
  scenarios: number;
  seriesRows: number;
  seriesHours: number;
};

/**
 * What one entry may cost. JSON entries are scanned (bytes, no allocation) before they are decoded and parsed:
 * `maxValues` bounds every value (a container, a number, a string...), `maxContainers` the objects and arrays
 * (the costliest to parse, ~64 bytes of heap each), `maxDepth` the nesting. Binary entries use only maxBytes.
 */
export type EntryBudget = { maxBytes: number; maxValues: number; maxContainers: number; maxDepth: number };

/**
 * The ceilings: the most any project opened by this version holds, whatever its manifest claims (a generated
 * estate takes ~1.05 KB, ~100 values and ~9.4 containers of estate JSON per server, so ~60,000 servers fit).
 * They keep the open of a hostile file that claims the largest counts bounded in time and memory.
 */
export const ESTATE_CEILING: EntryBudget = { maxBytes: 64 * MiB, maxValues: 6_400_000, maxContainers: 700_000, maxDepth: 32 };

const min = (a: EntryBudget, b: EntryBudget): EntryBudget => ({
  maxBytes: Math.min(a.maxBytes, b.maxBytes),
  maxValues: Math.min(a.maxValues, b.maxValues),
  maxContainers: Math.min(a.maxContainers, b.maxContainers),
  maxDepth: Math.min(a.maxDepth, b.maxDepth),
});
const sat = (n: number): number => (Number.isFinite(n) ? n : Number.MAX_SAFE_INTEGER);

/**
 * Per entry (or "folder/*" for every entry in a folder), its budget from the manifest's counts (null: a format 1 file, which has none: the ceilings).
 * The estate allows 4x what a generated estate needs per server, data centre, application and scenario (pins:
 * one per server per scenario). A new entry gets its own line here; entries not listed are never read.
 */
export const ENTRY_BUDGETS: Readonly<Record<string, (counts: EntryCounts | null, limits: Limits) => EntryBudget>> = {
  'manifest.json': () => ({ maxBytes: MiB, maxValues: 10_000, maxContainers: 1_000, maxDepth: 8 }),
  'estate.json': (c) => {
    if (!c) return ESTATE_CEILING;
    const things = c.dataCentres + c.applications + c.scenarios;
    const perServer = 1 + c.scenarios / 8;
    return min(ESTATE_CEILING, {
      maxBytes: sat(MiB + c.servers * perServer * 4 * KiB + things * 16 * KiB),
      maxValues: sat(100_000 + c.servers * perServer * 400 + things * 2_000),
      maxContainers: sat(10_000 + c.servers * perServer * 40 + things * 200),
      maxDepth: 32,
    });
  },
  // the index: start, hours, a row id per server (ids are at most 200 characters) and the metric slots
  'series.json': (c, limits) => {
    const rows = c ? c.seriesRows : limits.maxJsonBytes / 256;
    return { maxBytes: sat(Math.min(limits.maxJsonBytes, 64 * KiB + rows * 256)), maxValues: sat(1_000 + rows), maxContainers: 64, maxDepth: 4 };
  },
  // format 1 kept the values in series.json: 4 arrays of hours numbers per server (pilot files, small)
  'series.json@1': (_c, limits) => ({ maxBytes: Math.min(limits.maxJsonBytes, 64 * MiB), maxValues: 8_000_000, maxContainers: 200_000, maxDepth: 4 }),
  // kept plans (format 3): the index of at most 48 plans, and each plan (assignments per server, host loads
  // per hour), never more than the estate's own ceiling of JSON
  'plans.json': () => ({ maxBytes: 4 * MiB, maxValues: 200_000, maxContainers: 20_000, maxDepth: 16 }),
  'plans/*': (c, limits) => ({
    maxBytes: c ? sat(Math.min(limits.maxEntryBytes, 4 * MiB + c.servers * 4 * KiB + c.servers * c.seriesHours * 8)) : limits.maxEntryBytes,
    maxValues: 0,
    maxContainers: 0,
    maxDepth: 0,
  }),
  // four float32 metrics per row and hour, exactly
  'series.bin': (c, limits) => ({
    maxBytes: c ? Math.min(limits.maxEntryBytes, c.seriesRows * c.seriesHours * 16) : limits.maxEntryBytes,
    maxValues: 0,
    maxContainers: 0,
    maxDepth: 0,
  }),
};

/** The budget of `entry` (refusing what the table does not list: it is never read). */
export function entryBudget(entry: string, counts: EntryCounts | null, limits: Limits): EntryBudget {
  const folder = `${entry.slice(0, entry.indexOf('/') + 1)}*`; // "plans/3.plan" -> "plans/*"
  const key = Object.hasOwn(ENTRY_BUDGETS, entry) ? entry : entry.includes('/') && Object.hasOwn(ENTRY_BUDGETS, folder) ? folder : null;
  const rule = key === null ? undefined : ENTRY_BUDGETS[key];
  const b = rule ? rule(counts, limits) : { maxBytes: 0, maxValues: 0, maxContainers: 0, maxDepth: 0 };
  return { ...b, maxBytes: Math.min(b.maxBytes, limits.maxEntryBytes, b.maxValues > 0 ? limits.maxJsonBytes : Infinity) };
}
