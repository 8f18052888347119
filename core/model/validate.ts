/**
 * Validation of an estate from any source (a project file, an import, a worker message). Every problem names
 * the field path (e.g. "servers[12].cores") and the offending value, so a consultant can find and fix it.
 */
import { z } from 'zod';
import { Estate, Flow, Server, type EstateInput } from './schema.ts';
import { checkSeries, type SeriesSet } from './series.ts';
import { noTick, type Tick } from '../util/progress.ts';

export type ModelProblem = {
  /** Field path, e.g. "servers[12].cores". */
  path: string;
  message: string;
  /** The offending value (truncated for display by formatProblem). */
  value: unknown;
  /** What kind of problem, for callers that treat them differently. */
  kind: 'schema' | 'duplicate-id' | 'dangling-reference' | 'series' | 'rule';
};

export type Validated<T> = { ok: true; value: T } | { ok: false; problems: ModelProblem[] };

export function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = root;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[p as string];
  }
  return cur;
}

export function formatValue(value: unknown): string {
  let text: string;
  if (value === undefined) text = 'missing';
  else if (typeof value === 'string') text = JSON.stringify(value);
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

export function formatProblem(p: ModelProblem): string {
  return `${p.path || '(root)'}: ${p.message} (value: ${formatValue(p.value)})`;
}

export function zodProblems(error: z.ZodError, input: unknown, prefix: readonly PropertyKey[] = []): ModelProblem[] {
  return error.issues.map((issue) => {
    const path = [...prefix, ...issue.path];
    return { path: pathText(path), message: issue.message, value: valueAt(input, issue.path), kind: 'schema' as const };
  });
}

/** Duplicate ids and references to things that do not exist. */
export function integrityProblems(e: Estate): ModelProblem[] {
  const problems: ModelProblem[] = [];
  const idsOf = <T extends { id: string }>(list: readonly T[], field: string): Set<string> => {
    const seen = new Set<string>();
    list.forEach((item, i) => {
      if (seen.has(item.id)) {
        problems.push({ path: `${field}[${i}].id`, message: `duplicate id in ${field}`, value: item.id, kind: 'duplicate-id' });
      }
      seen.add(item.id);
    });
    return seen;
  };
  const dcs = idsOf(e.dataCentres, 'dataCentres');
  const sites = idsOf(e.userSites, 'userSites');
  idsOf(e.wanLinks, 'wanLinks');
  const depts = idsOf(e.departments, 'departments');
  const apps = idsOf(e.applications, 'applications');
  const zones = idsOf(e.zones, 'zones');
  const products = idsOf(e.products, 'products');
  const servers = idsOf(e.servers, 'servers');
  idsOf(e.flows, 'flows');
  const hostModels = idsOf(e.hostModels, 'hostModels');
  const licences = idsOf(e.licenceModels, 'licenceModels');
  idsOf(e.scenarios, 'scenarios');

  const ref = (ok: boolean, path: string, what: string, value: unknown) => {
    if (!ok) problems.push({ path, message: `refers to a ${what} that does not exist`, value, kind: 'dangling-reference' });
  };

  e.wanLinks.forEach((l, i) => {
    ref(dcs.has(l.a) || sites.has(l.a), `wanLinks[${i}].a`, 'data centre or user site', l.a);
    ref(dcs.has(l.b) || sites.has(l.b), `wanLinks[${i}].b`, 'data centre or user site', l.b);
    if (l.a === l.b) problems.push({ path: `wanLinks[${i}].b`, message: 'a link must join two different endpoints', value: l.b, kind: 'rule' });
  });
  const appById = new Map(e.applications.map((a) => [a.id, a]));
  e.applications.forEach((a, i) => ref(depts.has(a.departmentId), `applications[${i}].departmentId`, 'department', a.departmentId));
  e.zones.forEach((z, i) =>
    z.allowedDataCentreIds?.forEach((d, j) => ref(dcs.has(d), `zones[${i}].allowedDataCentreIds[${j}]`, 'data centre', d)),
  );
  const serverById = new Map(e.servers.map((s) => [s.id, s]));
  e.servers.forEach((s, i) => {
    const at = `servers[${i}]`;
    ref(dcs.has(s.dataCentreId), `${at}.dataCentreId`, 'data centre', s.dataCentreId);
    ref(depts.has(s.departmentId), `${at}.departmentId`, 'department', s.departmentId);
    if (s.applicationId !== null) {
      ref(apps.has(s.applicationId), `${at}.applicationId`, 'application', s.applicationId);
      const app = appById.get(s.applicationId);
      if (app && s.tier !== null && !app.tiers.includes(s.tier)) {
        problems.push({ path: `${at}.tier`, message: `is not a tier of application ${app.id} (${app.tiers.join(', ')})`, value: s.tier, kind: 'dangling-reference' });
      }
    }
    if (s.zoneId !== null) ref(zones.has(s.zoneId), `${at}.zoneId`, 'zone', s.zoneId);
    if (s.drPartnerId !== null) {
      ref(servers.has(s.drPartnerId), `${at}.drPartnerId`, 'server', s.drPartnerId);
      if (s.drPartnerId === s.id) problems.push({ path: `${at}.drPartnerId`, message: 'a server cannot be its own DR partner', value: s.drPartnerId, kind: 'rule' });
    }
    s.licensedProductIds.forEach((p, j) => ref(products.has(p), `${at}.licensedProductIds[${j}]`, 'product', p));
  });
  e.flows.forEach((f, i) => {
    for (const side of ['from', 'to'] as const) {
      const ep = f[side];
      if (ep.kind === 'server') ref(serverById.has(ep.id), `flows[${i}].${side}.id`, 'server', ep.id);
      else ref(sites.has(ep.id), `flows[${i}].${side}.id`, 'user site', ep.id);
    }
  });
  e.licenceModels.forEach((l, i) => ref(products.has(l.productId), `licenceModels[${i}].productId`, 'product', l.productId));
  e.scenarios.forEach((sc, i) => {
    const at = `scenarios[${i}]`;
    sc.keptDataCentreIds.forEach((d, j) => ref(dcs.has(d), `${at}.keptDataCentreIds[${j}]`, 'data centre', d));
    ref(hostModels.has(sc.defaultHostModelId), `${at}.defaultHostModelId`, 'host model', sc.defaultHostModelId);
    for (const [dc, hm] of Object.entries(sc.hostModelByDataCentre)) {
      ref(dcs.has(dc), `${at}.hostModelByDataCentre.${dc}`, 'data centre', dc);
      ref(hostModels.has(hm), `${at}.hostModelByDataCentre.${dc}`, 'host model', hm);
    }
    sc.licenceModelIds.forEach((l, j) => ref(licences.has(l), `${at}.licenceModelIds[${j}]`, 'licence model', l));
    sc.pins.forEach((p, j) => {
      ref(servers.has(p.serverId), `${at}.pins[${j}].serverId`, 'server', p.serverId);
      if (p.dataCentreId !== null) ref(dcs.has(p.dataCentreId), `${at}.pins[${j}].dataCentreId`, 'data centre', p.dataCentreId);
    });
  });
  return problems;
}

/** Parse and check an estate from untrusted input: schema first, then ids and references. */
export function validateEstate(input: unknown): Validated<Estate> {
  const parsed = Estate.safeParse(input);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error, input) };
  const problems = integrityProblems(parsed.data);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: parsed.data };
}

/** An estate with its series: both valid, and the series rows are servers of the estate. */
export function validateProject(estateInput: EstateInput | unknown, series: SeriesSet): Validated<{ estate: Estate; series: SeriesSet }> {
  const estate = validateEstate(estateInput);
  if (!estate.ok) return estate;
  const ids = new Set(estate.value.servers.map((s) => s.id));
  const seriesProblems = checkSeries(series, ids).map((p) => ({ ...p, kind: 'series' as const }));
  return seriesProblems.length > 0 ? { ok: false, problems: seriesProblems } : { ok: true, value: { estate: estate.value, series } };
}

/** Servers and flows checked per step by `validateProjectInSteps` (a few ms each). */
export const VALIDATE_CHUNK = 250;

/**
 * `validateProject` in steps of VALIDATE_CHUNK servers or flows, calling `tick` (fraction of the lists checked)
 * after each step and between the other checks, so a worker posts progress even while a large estate is
 * checked. Same result and problems (ordered as the schema's fields) as `validateProject`.
 */
export function validateProjectInSteps(estateInput: EstateInput | unknown, series: SeriesSet, tick: Tick = noTick): Validated<{ estate: Estate; series: SeriesSet }> {
  const input = estateInput as Record<string, unknown> | null;
  const chunked = typeof input === 'object' && input !== null && Array.isArray(input.servers) && Array.isArray(input.flows);
  if (!chunked) return validateProject(estateInput, series);
  const problems: ModelProblem[] = [];
  const shell = Estate.safeParse({ ...input, servers: [], flows: [] });
  if (!shell.success) problems.push(...zodProblems(shell.error, input));
  tick(0);
  const parts: Record<'servers' | 'flows', unknown[]> = { servers: [], flows: [] };
  for (const [field, schema] of [['servers', z.array(Server)], ['flows', z.array(Flow)]] as const) {
    const list = input[field] as unknown[];
    for (let at = 0; at < list.length; at += VALIDATE_CHUNK) {
      const chunk = list.slice(at, at + VALIDATE_CHUNK);
      const r = schema.safeParse(chunk);
      if (r.success) parts[field].push(...r.data);
      else {
        for (const issue of r.error.issues) {
          const [i, ...rest] = issue.path;
          const path = [field, typeof i === 'number' ? i + at : i, ...rest];
          problems.push({ path: pathText(path), message: issue.message, value: valueAt(input, path), kind: 'schema' });
        }
      }
      tick(Math.min(1, (at + VALIDATE_CHUNK) / Math.max(1, list.length)));
    }
  }
  if (problems.length > 0) {
    const order = Object.keys(Estate.shape);
    const rank = (p: ModelProblem) => {
      const k = order.indexOf(p.path.split(/[.[]/)[0]);
      return k < 0 ? -1 : k;
    };
    return { ok: false, problems: problems.map((p, i) => ({ p, i })).sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i).map((x) => x.p) };
  }
  if (!shell.success) throw new Error('unreachable');
  const estate = { ...shell.data, servers: parts.servers, flows: parts.flows } as Estate;
  const integrity = integrityProblems(estate);
  if (integrity.length > 0) return { ok: false, problems: integrity };
  tick(1);
  const ids = new Set(estate.servers.map((s) => s.id));
  const seriesProblems = checkSeries(series, ids).map((p) => ({ ...p, kind: 'series' as const }));
  return seriesProblems.length > 0 ? { ok: false, problems: seriesProblems } : { ok: true, value: { estate, series } };
}
