/** manifest.json: what the file is, which format version, which app wrote it and when, and counts. */
import { z } from 'zod';
import type { Project } from '../model/project.ts';

export const FORMAT = 'cwb';
/** The format version this app writes. Versions 1 and 2 are migrated on open (migrations.ts). */
export const CURRENT_FORMAT_VERSION = 3;

const IsoUtc = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/, 'must be an ISO 8601 UTC timestamp');
const Count = z.number().int().nonnegative();

export const Manifest = z.object({
  format: z.literal(FORMAT),
  formatVersion: z.number().int().positive(),
  appVersion: z.string().min(1).max(100),
  createdUtc: IsoUtc,
  modifiedUtc: IsoUtc,
  counts: z.object({
    dataCentres: Count,
    servers: Count,
    applications: Count,
    scenarios: Count,
    seriesRows: Count,
    seriesHours: Count,
  }),
});
export type Manifest = z.infer<typeof Manifest>;

/** Just enough of any version's manifest to decide how to read the rest. */
export const ManifestHead = z.object({ format: z.string(), formatVersion: z.number().int().positive() });

export const ISO_UTC = IsoUtc;

export function buildManifest(project: Project, meta: { appVersion: string; nowUtc: string; createdUtc?: string }): Manifest {
  const { estate, series } = project;
  return {
    format: FORMAT,
    formatVersion: CURRENT_FORMAT_VERSION,
    appVersion: meta.appVersion,
    createdUtc: meta.createdUtc ?? meta.nowUtc,
    modifiedUtc: meta.nowUtc,
    counts: {
      dataCentres: estate.dataCentres.length,
      servers: estate.servers.length,
      applications: estate.applications.length,
      scenarios: estate.scenarios.length,
      seriesRows: series.serverIds.length,
      seriesHours: series.hours,
    },
  };
}
