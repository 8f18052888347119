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
