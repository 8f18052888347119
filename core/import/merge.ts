/**
 * mergeImport: an import as one step on a project (the UI makes it undoable by keeping the old project).
 * With no base project it builds a fresh one with valid defaults: DEFAULT_RULES, a default host model and a
 * scenario that keeps all sites. Entities are matched by id: imported servers, flows, links and user sites
 * replace the base's; data centres keep the base's known values and take the import's where the base has
 * none (coordinates, city, time zone, capacity); series are merged hour by hour (imported samples win).
 */
import type { DataCentre, Estate, Scenario } from '../model/schema.ts';
import { emptySeries, MAX_SERIES_HOURS, METRICS, rowIndex, type SeriesSet } from '../model/series.ts';
import { DEFAULT_HOST_MODEL, emptyEstate } from '../model/defaults.ts';
import { formatProblem, validateProject } from '../model/validate.ts';
import type { Project } from '../model/project.ts';
import { ImportError } from './errors.ts';
import { combineReports, ReportBuilder, type QualityReport } from './report.ts';
import type { ImportResult } from './result.ts';
import { MS_PER_HOUR, parseTimestamp, isoUtc } from './time.ts';

export const KEEP_ALL_SCENARIO_ID = 'scenario-keep-all';

export type MergeOptions = {
  /** Estate name of a fresh project. */
  name?: string;
  /** Timeline start of a fresh project's (empty) series when the import has none; ISO UTC on the hour. */
  seriesStartUtc?: string;
};

function byId<T extends { id: string }>(base: readonly T[], imported: readonly T[], combine: (old: T, nu: T) => T = (_o, n) => n): { list: T[]; added: number; updated: number } {
  const out = new Map(base.map((x) => [x.id, x]));
  let added = 0;
  let updated = 0;
  for (const x of imported) {
    const old = out.get(x.id);
    if (old) updated++;
    else added++;
    out.set(x.id, old ? combine(old, x) : x);
  }
  return { list: [...out.values()], added, updated };
}

/** Whether a scenario keeps every one of the data centres (O(kept + dcs)). */
function keepsAll(kept: readonly string[], dcs: readonly DataCentre[]): boolean {
  const set = new Set(kept);
  return dcs.every((d) => set.has(d.id));
}

function fillDataCentre(old: DataCentre, nu: DataCentre): DataCentre {
  const known = old.latitude !== null && old.longitude !== null;
  return {
    ...old,
    city: old.city || nu.city,
    latitude: known ? old.latitude : nu.latitude,
    longitude: known ? old.longitude : nu.longitude,
    timeZone: old.timeZone === 'UTC' ? nu.timeZone : old.timeZone,
    powerKw: old.powerKw || nu.powerKw,
    rackCapacity: old.rackCapacity || nu.rackCapacity,
    costPerMonth: old.costPerMonth || nu.costPerMonth,
  };
}

function hourOf(iso: string): number {
  const t = parseTimestamp(iso, 'UTC');
  return t.ok ? Math.floor(t.value / MS_PER_HOUR) : 0;
}

/** Union of two series (timeline and rows); the second's non-gap values win; at most MAX_SERIES_HOURS. */
export function mergeSeries(a: SeriesSet, b: SeriesSet, keepIds: ReadonlySet<string>, report: ReportBuilder): SeriesSet {
  const aStart = a.serverIds.length === 0 ? hourOf(b.startUtc) : hourOf(a.startUtc);
  const start0 = Math.min(aStart, hourOf(b.startUtc));
  const end = Math.max(aStart + (a.serverIds.length === 0 ? 0 : a.hours), hourOf(b.startUtc) + b.hours);
  const start = Math.max(start0, end - MAX_SERIES_HOURS);
  if (start > start0) report.add('info', 'assumption', `merged series span ${end - start0} hours: the oldest are dropped to keep ${MAX_SERIES_HOURS}`, []);
  const ids = [...new Set([...a.serverIds, ...b.serverIds])].filter((id) => keepIds.has(id));
  const out = emptySeries(isoUtc(start * MS_PER_HOUR), end - start, ids);
  const outRow = rowIndex(out);
  for (const src of [a, b]) {
    if (src.serverIds.length === 0) continue;
    const off = hourOf(src.startUtc) - start;
    src.serverIds.forEach((id, r) => {
      const to = outRow.get(id);
      if (to === undefined) return;
      for (const m of METRICS) {
        for (let h = 0; h < src.hours; h++) {
          const v = src[m][r * src.hours + h];
          const oh = h + off;
          if (!Number.isNaN(v) && oh >= 0 && oh < out.hours) out[m][to * out.hours + oh] = v;
        }
      }
    });
  }
  return out;
}

export function mergeImport(base: Project | null, imported: ImportResult, options: MergeOptions = {}): { project: Project; report: QualityReport } {
  const notes = new ReportBuilder();
  const e0 = base?.estate ?? emptyEstate(options.name ?? 'Imported estate', 'Built by import');
  if (base === null) notes.add('info', 'assumption', `new project: default sizing rules, a placeholder host model "${DEFAULT_HOST_MODEL.name}" and a scenario keeping all sites`, []);
  const servers = byId(e0.servers, imported.servers);
  if (servers.updated > 0) notes.add('info', 'duplicate', `${servers.updated} servers already in the project were replaced by the imported ones (same id); ${servers.added} added`, []);
  const dcs = byId(e0.dataCentres, imported.dataCentres, fillDataCentre);
  const apps = byId(e0.applications, imported.applications, (o, n) => ({ ...o, tiers: [...new Set([...o.tiers, ...n.tiers])] }));
  const estate: Estate = {
    ...e0,
    servers: servers.list,
    dataCentres: dcs.list,
    departments: byId(e0.departments, imported.departments, (o) => o).list,
    applications: apps.list,
    zones: byId(e0.zones, imported.zones, (o) => o).list,
    userSites: byId(e0.userSites, imported.userSites).list,
    wanLinks: byId(e0.wanLinks, imported.wanLinks).list,
    flows: byId(e0.flows, imported.flows).list,
  };
  const baseDcIds = new Set(e0.dataCentres.map((d) => d.id));
  const newDcIds = dcs.list.map((d) => d.id).filter((id) => !baseDcIds.has(id));
  const newDcSet = new Set(newDcIds);
  const unknownFacility = dcs.list.filter((d) => newDcSet.has(d.id) && (d.powerKw <= 0 || d.rackCapacity <= 0)).map((d) => d.name);
  if (unknownFacility.length > 0) {
    notes.add('info', 'assumption', `power and rack capacity unknown for ${unknownFacility.length} new data centre(s) (${unknownFacility.slice(0, 5).join(', ')}${unknownFacility.length > 5 ? ', ...' : ''}): not enforced until set in the data-centre editor`, []);
  }
  let scenarios: Scenario[] = e0.scenarios.map((sc) =>
    keepsAll(sc.keptDataCentreIds, e0.dataCentres) ? { ...sc, keptDataCentreIds: [...sc.keptDataCentreIds, ...newDcIds] } : sc,
  );
  if (scenarios.length === 0) {
    scenarios = [{ id: KEEP_ALL_SCENARIO_ID, name: 'Keep all sites', description: 'Every data centre kept (the starting point)', keptDataCentreIds: dcs.list.map((d) => d.id), defaultHostModelId: estate.hostModels[0]?.id ?? DEFAULT_HOST_MODEL.id, hostModelByDataCentre: {}, rules: {}, licenceModelIds: [], pins: [], seed: 1 }];
  }
  if (estate.hostModels.length === 0) estate.hostModels = [DEFAULT_HOST_MODEL];
  estate.scenarios = scenarios;

  const keep = new Set(estate.servers.map((s) => s.id));
  const start = options.seriesStartUtc ?? '2026-01-04T00:00:00Z';
  const baseSeries = base?.series ?? emptySeries(start, 168, []);
  const series = imported.series ? mergeSeries(baseSeries, imported.series, keep, notes) : baseSeries;

  const checked = validateProject(estate, series);
  if (!checked.ok) {
    const shown = checked.problems.slice(0, 8).map(formatProblem).join('; ');
    throw new ImportError(`the imported project does not pass validation (${checked.problems.length} problems): ${shown}`);
  }
  const report = combineReports([imported.report, notes.build(imported.report.counts)], imported.report.counts);
  return { project: { estate: checked.value.estate, series: checked.value.series }, report };
}
