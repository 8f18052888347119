import type { Estate } from './schema.ts';
import type { SeriesSet } from './series.ts';

/** Everything one engagement holds: the estate and its hourly utilisation series. */
export type Project = { estate: Estate; series: SeriesSet };
