/**
 * The column-mapping step of a CSV import: guessMapping proposes which header feeds which field (from a
 * synonyms table, with a confidence); the caller shows it, the consultant confirms or changes it, and
 * applyMapping (apply.ts) maps the rows.
 */
import { resolveColumns, type Columns } from './columns.ts';
import { ImportError } from './errors.ts';
import { headerKey, type Table } from './table.ts';
import { detectPerfKind, guessPerfMapping, isPerfKind, looksWide, PERF_FIELDS, PERF_KINDS } from './perf/kinds.ts';

/** The CSV kinds told apart by their columns' names (the performance kinds are recognised by detectPerfKind). */
const COLUMN_KINDS = ['inventory', 'series', 'flows', 'sites', 'links'] as const;
export const IMPORT_KINDS = [...COLUMN_KINDS, ...PERF_KINDS] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export type FieldDef = { field: string; label: string; required: boolean; synonyms: readonly string[] };

const f = (field: string, label: string, required: boolean, synonyms: string[]): FieldDef => ({ field, label, required, synonyms: [field, label, ...synonyms] });

export const FIELDS: Record<ImportKind, readonly FieldDef[]> = {
  inventory: [
    f('name', 'Server name', true, ['server', 'hostname', 'host name', 'servername', 'vm', 'vm name', 'computer', 'computer name', 'device', 'machine', 'asset name']),
    f('id', 'Server id', false, ['server id', 'asset id', 'asset tag', 'uuid', 'ci id', 'serial']),
    f('dataCentre', 'Data centre', false, ['datacenter', 'datacentre', 'data center', 'dc', 'site', 'location', 'facility', 'room']),
    f('department', 'Department', false, ['dept', 'business unit', 'bu', 'owner', 'division', 'cost centre', 'cost center']),
    f('application', 'Application', false, ['app', 'app name', 'application name', 'service', 'system']),
    f('tier', 'Tier', false, ['app tier', 'role', 'layer']),
    f('environment', 'Environment', false, ['env', 'stage', 'lifecycle']),
    f('os', 'Operating system', false, ['os', 'os name', 'operating system', 'platform', 'guest os']),
    f('cores', 'Cores', false, ['cpus', 'cpu', 'vcpu', 'vcpus', 'cpu cores', 'num cpu', 'core count', 'processors', 'logical processors']),
    f('cpuGHz', 'CPU speed', false, ['cpu speed', 'clock', 'ghz', 'cpu ghz', 'cpu mhz', 'speed mhz', 'mhz']),
    f('ratingPerCore', 'Rating per core', false, ['rating', 'specint', 'spec per core', 'per core rating']),
    f('memory', 'Memory', false, ['ram', 'mem', 'memory gb', 'memory gib', 'memory mb', 'ram gb', 'ram mb', 'memory size']),
    f('storage', 'Storage', false, ['disk', 'disk gb', 'storage gb', 'disk size', 'provisioned', 'capacity', 'storage gib', 'disk space']),
    f('iops', 'IOPS', false, ['disk iops', 'io', 'iops peak']),
    f('networkMbps', 'Network Mbps', false, ['network', 'net mbps', 'bandwidth', 'mbps', 'network bandwidth']),
    f('virtualisable', 'Virtualisable', false, ['virtualizable', 'can virtualise', 'can virtualize', 'p2v']),
    f('blocker', 'Blocker', false, ['reason', 'blocker reason', 'constraint']),
    f('sourceKind', 'Physical or virtual', false, ['type', 'server type', 'kind', 'physical', 'virtual']),
    f('zone', 'Zone', false, ['security zone', 'network zone', 'compliance zone']),
  ],
  series: [
    f('server', 'Server', true, ['name', 'server name', 'host', 'hostname', 'vm', 'entity', 'server id', 'id']),
    f('timestamp', 'Time stamp', true, ['time', 'timestamp', 'datetime', 'date', 'date time', 'sample time', 'ts', 'interval start']),
    f('metric', 'Metric', true, ['counter', 'measure', 'kpi', 'stat']),
    f('value', 'Value', true, ['reading', 'sample', 'val', 'average', 'avg']),
  ],
  flows: [
    f('source', 'Source', true, ['from', 'src', 'source server', 'client', 'origin']),
    f('destination', 'Destination', true, ['to', 'dst', 'dest', 'target', 'server']),
    f('mbps', 'Mbps', true, ['bandwidth', 'throughput', 'rate', 'traffic', 'traffic mbps', 'value']),
    f('hour', 'Hour', false, ['hour of day', 'hour of week', 'hr']),
    f('timestamp', 'Time stamp', false, ['time', 'datetime', 'date', 'ts']),
  ],
  sites: [
    f('name', 'Site name', true, ['site', 'location', 'data centre', 'datacenter', 'office', 'branch']),
    f('id', 'Site id', false, ['code', 'site id', 'site code']),
    f('kind', 'Site kind', false, ['type', 'site type', 'category']),
    f('city', 'City', false, ['town', 'metro']),
    f('latitude', 'Latitude', false, ['lat']),
    f('longitude', 'Longitude', false, ['lon', 'lng', 'long']),
    f('timeZone', 'Time zone', false, ['tz', 'timezone', 'zone']),
    f('users', 'Users', false, ['user count', 'staff', 'headcount', 'employees']),
    f('tier', 'Tier', false, ['uptime tier']),
    f('powerKw', 'Power kW', false, ['power', 'kw', 'power capacity']),
    f('rackCapacity', 'Racks', false, ['rack capacity', 'racks', 'rack count']),
    f('costPerMonth', 'Cost per month', false, ['cost', 'monthly cost', 'opex']),
  ],
  links: [
    f('a', 'Endpoint A', true, ['from', 'site a', 'source', 'a end', 'end a']),
    f('b', 'Endpoint B', true, ['to', 'site b', 'destination', 'b end', 'end b']),
    f('bandwidthMbps', 'Bandwidth Mbps', true, ['bandwidth', 'mbps', 'capacity', 'speed']),
    f('latencyMs', 'Latency ms', false, ['latency', 'rtt', 'round trip', 'ms']),
    f('costPerMonth', 'Cost per month', false, ['cost', 'monthly cost']),
    f('id', 'Link id', false, ['circuit', 'circuit id', 'link']),
  ],
  ...PERF_FIELDS,
};

export type FieldGuess = { header: string | null; /** 0 (no idea) to 1 (exact synonym). */ confidence: number };

/** A mapping the consultant confirms: field -> header name (null = not mapped). */
export type Mapping = { kind: ImportKind; columns: Record<string, string | null> };

export type MappingGuess = Mapping & {
  confidence: Record<string, number>;
  /** Required fields no header was found for. */
  missingRequired: string[];
  unusedHeaders: string[];
  /** Mean confidence over required fields: how well the file fits this kind. */
  score: number;
};

/** Strip unit suffixes so "Memory (GB)" and "memory_mb" both read as "memory". */
function baseKey(header: string): string {
  return headerKey(header.replace(/\((.*?)\)|\[(.*?)\]/g, ' ').replace(/[\s_-](gib|gb|mib|mb|tib|tb|mhz|ghz|%|pct|percent|mbps|kbps|ms|kw)$/i, ''));
}

function scoreOf(header: string, def: FieldDef): number {
  const hk = headerKey(header);
  const bk = baseKey(header);
  let best = 0;
  for (const syn of def.synonyms) {
    const sk = headerKey(syn);
    if (sk === '') continue;
    if (hk === sk) return 1;
    if (bk === sk) best = Math.max(best, 0.9);
    else if (sk.length >= 3 && hk.includes(sk)) best = Math.max(best, 0.6);
    else if (hk.length >= 3 && sk.includes(hk)) best = Math.max(best, 0.4);
  }
  return best;
}

export function guessMapping(kind: ImportKind, headers: readonly string[]): MappingGuess {
  const defs = FIELDS[kind];
  const candidates: { field: string; header: number; s: number; order: number }[] = [];
  defs.forEach((def, order) => headers.forEach((h, i) => {
    const s = scoreOf(h, def);
    if (s > 0) candidates.push({ field: def.field, header: i, s, order });
  }));
  candidates.sort((a, b) => b.s - a.s || a.order - b.order || a.header - b.header);
  const columns: Record<string, string | null> = {};
  const confidence: Record<string, number> = {};
  for (const def of defs) {
    columns[def.field] = null;
    confidence[def.field] = 0;
  }
  const usedHeaders = new Set<number>();
  for (const c of candidates) {
    if (columns[c.field] !== null || usedHeaders.has(c.header)) continue;
    columns[c.field] = headers[c.header];
    confidence[c.field] = c.s;
    usedHeaders.add(c.header);
  }
  const required = defs.filter((d) => d.required);
  const missingRequired = required.filter((d) => columns[d.field] === null).map((d) => d.field);
  const fit = required.length === 0 ? 0 : required.reduce((s, d) => s + confidence[d.field], 0) / required.length;
  const guess = { kind, columns, confidence, missingRequired, unusedHeaders: headers.filter((_, i) => !usedHeaders.has(i)), score: fit };
  return isPerfKind(kind) ? guessPerfMapping(kind, headers, guess) : guess;
}

/** How well headers fit a kind: all required fields found first, then their confidence, then the share of headers used. */
function fitOf(guess: MappingGuess, headerCount: number): number {
  const coverage = headerCount === 0 ? 0 : (headerCount - guess.unusedHeaders.length) / headerCount;
  return (guess.missingRequired.length === 0 ? 2 : 0) + guess.score + coverage;
}

/**
 * The kind of CSV the headers fit best: a performance export recognised by its header row first, then the
 * column kinds (ties: the order of IMPORT_KINDS), then a wide series when no column kind fits.
 */
export function guessKind(headers: readonly string[]): { kind: ImportKind; guess: MappingGuess } {
  const perf = detectPerfKind(headers);
  if (perf !== null) return { kind: perf, guess: guessMapping(perf, headers) };
  let best: { kind: ImportKind; guess: MappingGuess; fit: number } | null = null;
  for (const kind of COLUMN_KINDS) {
    const guess = guessMapping(kind, headers);
    const fit = fitOf(guess, headers.length);
    if (best === null || fit > best.fit) best = { kind, guess, fit };
  }
  if ((best === null || best.guess.missingRequired.length > 0) && looksWide(headers)) return { kind: 'wide', guess: guessMapping('wide', headers) };
  return best ?? { kind: 'inventory', guess: guessMapping('inventory', headers) };
}

/** Columns for a confirmed mapping; a mapped header that the table does not have is an error naming it. */
export function columnsOf(table: Table, mapping: Mapping): Columns<string> {
  const aliases: Record<string, readonly string[]> = {};
  for (const def of FIELDS[mapping.kind]) {
    const header = mapping.columns[def.field] ?? null;
    if (header !== null && !table.headers.includes(header)) {
      throw new ImportError(`${table.file}: the mapping sends column "${header}" to ${def.label}, but the file has no such column (columns: ${table.headers.slice(0, 30).join(', ')})`);
    }
    aliases[def.field] = header === null ? [] : [header];
  }
  const missing = FIELDS[mapping.kind].filter((d) => d.required && aliases[d.field].length === 0);
  if (missing.length > 0) {
    throw new ImportError(`${table.file}: a ${mapping.kind} import needs a column for ${missing.map((d) => d.label).join(', ')} (columns found: ${table.headers.slice(0, 30).join(', ') || 'none'})`);
  }
  const c = resolveColumns(table, aliases);
  // resolveColumns matches loosely; a confirmed mapping names exact headers.
  for (const field of Object.keys(aliases)) if (aliases[field].length > 0) c.index[field] = table.headers.indexOf(aliases[field][0]);
  return c;
}
