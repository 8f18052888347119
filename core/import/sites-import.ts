/**
 * Sites CSV -> data centres and user sites; links CSV -> WAN links between known sites. A site is a user
 * site when its kind says so (office, branch, user) or, without a kind, when it has a users count.
 * Data-centre ids follow the RVTools rule ("dc-<name>"), so a sites file completes the data centres an
 * RVTools import found (coordinates, time zone) when merged.
 */
import type { DataCentre, UserSite, WanLink } from '../model/schema.ts';
import { columnsOf, type Mapping } from './mapping.ts';
import { emptyCounts, ReportBuilder } from './report.ts';
import { emptyResult, newDataCentre, type ImportResult } from './result.ts';
import { dataCentreId } from './rvtools.ts';
import { serverMatcher, type ServerRef } from './series-import.ts';
import { slug, type Table } from './table.ts';
import { isKnownTimeZone } from './time.ts';
import { UniqueIds } from './unique-ids.ts';

export function mapSites(table: Table, mapping: Mapping): ImportResult {
  const c = columnsOf(table, mapping);
  const report = new ReportBuilder();
  const count = report.table(table);
  const dcs: DataCentre[] = [];
  const sites: UserSite[] = [];
  const ids = new Set<string>();
  table.rows.forEach((row, i) => {
    const name = c.text(row, 'name');
    if (name === '') {
      count.rowsSkipped++;
      report.addGrouped('warning', 'missing-field', 'site row without a name: skipped', c.ref(i, 'name'));
      return;
    }
    const num = (field: string, what: string, min: number, max: number): number | null => {
      const n = c.number(row, field);
      if (n === null) return null;
      if (!n.ok || n.value < min || n.value > max) {
        report.addGrouped('warning', 'bad-value', `${what} ${n.ok ? `is outside ${min} to ${max}` : n.reason.replace(/ \(.*\)$/, '')}: ignored`, c.ref(i, field));
        return null;
      }
      return n.value;
    };
    const kindText = c.text(row, 'kind').toLowerCase();
    const users = num('users', 'users', 0, 1e9);
    const isUser = kindText !== '' ? /user|office|branch|campus|store|shop|hq|site/.test(kindText) && !/dc|data|centre|center/.test(kindText) : users !== null;
    const idText = c.text(row, 'id');
    const id = idText !== '' ? slug(idText) : isUser ? `site-${slug(name)}` : dataCentreId(name);
    if (ids.has(id)) {
      count.rowsSkipped++;
      report.addGrouped('warning', 'duplicate', `duplicate site "${name}" (id ${id}): later row skipped`, c.ref(i, 'name'));
      return;
    }
    ids.add(id);
    let lat = num('latitude', 'latitude', -90, 90);
    let lon = num('longitude', 'longitude', -180, 180);
    if ((lat === null) !== (lon === null)) {
      report.addGrouped('warning', 'missing-field', 'only one of latitude / longitude given: coordinates left unknown', c.ref(i, lat === null ? 'latitude' : 'longitude'));
      lat = null;
      lon = null;
    }
    let tz = c.text(row, 'timeZone');
    if (tz !== '' && !isKnownTimeZone(tz)) {
      report.addGrouped('warning', 'bad-value', 'time zone is not an IANA name (e.g. Europe/London): UTC used', c.ref(i, 'timeZone'));
      tz = '';
    }
    const base = { id, name, city: c.text(row, 'city'), latitude: lat, longitude: lon, timeZone: tz === '' ? 'UTC' : tz };
    if (isUser) sites.push({ ...base, users: Math.round(users ?? 0) });
    else {
      const dc = { ...newDataCentre(id, name), ...base };
      const tier = num('tier', 'tier', 1, 4);
      if (tier !== null) dc.tier = Math.round(tier);
      dc.powerKw = num('powerKw', 'power kW', 0, 1e7) ?? 0;
      dc.rackCapacity = Math.round(num('rackCapacity', 'racks', 0, 1e6) ?? 0);
      dc.costPerMonth = num('costPerMonth', 'cost per month', 0, 1e12) ?? 0;
      dcs.push(dc);
    }
    count.rowsUsed++;
  });
  const result = emptyResult(report.build({ ...emptyCounts(), dataCentres: dcs.length, userSites: sites.length }));
  result.dataCentres = dcs;
  result.userSites = sites;
  return result;
}

export function mapLinks(table: Table, mapping: Mapping, options: { sites: readonly ServerRef[] }): ImportResult {
  const c = columnsOf(table, mapping);
  const report = new ReportBuilder();
  const count = report.table(table);
  const site = serverMatcher(options.sites);
  const links: WanLink[] = [];
  const linkIds = new UniqueIds();
  table.rows.forEach((row, i) => {
    const skip = (message: string, field: string) => {
      count.rowsSkipped++;
      report.addGrouped('warning', 'unmatched', message, c.ref(i, field));
    };
    const a = site(c.text(row, 'a'));
    const b = site(c.text(row, 'b'));
    if (!a) return skip('link endpoint A is not a known data centre or user site: skipped', 'a');
    if (!b) return skip('link endpoint B is not a known data centre or user site: skipped', 'b');
    if (a === b) return skip('link joins a site to itself: skipped', 'b');
    const bw = c.number(row, 'bandwidthMbps');
    if (bw === null || !bw.ok || bw.value <= 0 || bw.value > 1e9) return skip('bandwidth is not a positive number: skipped', 'bandwidthMbps');
    const opt = (field: string) => {
      const n = c.number(row, field);
      const ok = n?.ok === true && n.value >= 0 && n.value <= 1e12;
      if (n !== null && !ok) report.addGrouped('warning', 'bad-value', `${field} is not a non-negative number: 0 used`, c.ref(i, field));
      return ok && n?.ok ? n.value : 0;
    };
    const id = linkIds.claim(c.text(row, 'id') !== '' ? slug(c.text(row, 'id')) : `link-${a}-${b}`.slice(0, 190));
    links.push({ id, a, b, bandwidthMbps: bw.value, latencyMs: opt('latencyMs'), costPerMonth: opt('costPerMonth'), measuredPeakUtilisationPct: null });
    count.rowsUsed++;
  });
  const result = emptyResult(report.build({ ...emptyCounts(), wanLinks: links.length }));
  result.wanLinks = links;
  return result;
}
