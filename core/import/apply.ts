/** applyMapping: the second half of the CSV mapping step, one entry point for every kind. */
import { mapFlows } from './flows-import.ts';
import { mapInventory } from './inventory.ts';
import type { ImportKind, Mapping } from './mapping.ts';
import { mapGetStat } from './perf/getstat.ts';
import { mapPerfmon } from './perf/perfmon.ts';
import { mapSar } from './perf/sar.ts';
import type { PerfServer } from './perf/sink.ts';
import { mapWide } from './perf/wide.ts';
import type { ImportResult } from './result.ts';
import { mapSeries, type ServerRef } from './series-import.ts';
import { mapLinks, mapSites } from './sites-import.ts';
import type { Table } from './table.ts';

/** What rows may refer to: servers (series, flows), user sites (flows), sites (links). */
export type ApplyContext = {
  /** Servers of the project; performance exports also use their vCPUs, clock and memory (MHz, KB -> %). */
  servers?: readonly (ServerRef | PerfServer)[];
  userSites?: readonly ServerRef[];
  /** Data centres and user sites, for links. */
  sites?: readonly ServerRef[];
  /** Zone for time stamps without an offset (IANA name); default UTC. */
  timeZone?: string;
};

export function applyMapping(kind: ImportKind, table: Table, mapping: Mapping, context: ApplyContext = {}): ImportResult {
  const m: Mapping = { kind, columns: mapping.columns };
  switch (kind) {
    case 'inventory':
      return mapInventory(table, m);
    case 'series':
      return mapSeries(table, m, { servers: context.servers ?? [], timeZone: context.timeZone });
    case 'flows':
      return mapFlows(table, m, { servers: context.servers ?? [], userSites: context.userSites, timeZone: context.timeZone });
    case 'sites':
      return mapSites(table, m);
    case 'links':
      return mapLinks(table, m, { sites: context.sites ?? [] });
    case 'getstat':
      return mapGetStat(table, m, { servers: context.servers ?? [], timeZone: context.timeZone });
    case 'perfmon':
      return mapPerfmon(table, m, { servers: context.servers ?? [], timeZone: context.timeZone });
    case 'sar':
      return mapSar(table, m, { servers: context.servers ?? [], timeZone: context.timeZone });
    case 'wide':
      return mapWide(table, m, { servers: context.servers ?? [], timeZone: context.timeZone });
  }
}
