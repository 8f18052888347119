/** What an import produces before it is merged into a project. */
import type { Application, DataCentre, Department, Flow, Server, UsageSummary, UserSite, WanLink, Zone } from '../model/schema.ts';
import type { SeriesSet } from '../model/series.ts';
import type { QualityReport } from './report.ts';

export type ImportResult = {
  servers: Server[];
  dataCentres: DataCentre[];
  departments: Department[];
  applications: Application[];
  zones: Zone[];
  userSites: UserSite[];
  wanLinks: WanLink[];
  flows: Flow[];
  series: SeriesSet | null;
  report: QualityReport;
  /** Performance summaries for servers already in the project (summary-import.ts); merged onto their usage. */
  summaries?: { serverId: string; summary: UsageSummary }[];
};

/** Imports know no departments: every server goes to this placeholder until the consultant assigns one. */
export const UNASSIGNED_DEPARTMENT: Department = { id: 'unassigned', name: 'Unassigned', refusesSharing: false };

/** Rating units per GHz of base clock, per core (see rvtools-hosts.ts: ratingPerCore = 20 x GHz). */
export const RATING_PER_GHZ = 20;
/** Rating per core when the CPU is unknown: a 2.0 GHz core. */
export const DEFAULT_RATING_PER_CORE = 40;

export function newDataCentre(id: string, name: string): DataCentre {
  return {
    id,
    name,
    city: '',
    latitude: null,
    longitude: null,
    timeZone: 'UTC',
    tier: 3,
    powerKw: 0,
    rackCapacity: 0,
    racksUsed: 0,
    status: 'candidate',
    costPerMonth: 0,
  };
}

export function emptyResult(report: QualityReport): ImportResult {
  return { servers: [], dataCentres: [], departments: [], applications: [], zones: [], userSites: [], wanLinks: [], flows: [], series: null, report };
}
