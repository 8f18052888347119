// Small helpers shared by the packing benchmarks: argument lookup, quantiles, the shared data folder.
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '../..');

/** ../shared/data next to the repository (read-only benchmark data; may be absent). */
export function sharedDataDir(): string {
  return path.resolve(repoRoot, '../shared/data');
}

/** The value after `--flag` (or of `--flag=value`), if given. */
export function argValue(args: string[], flag: string): string | undefined {
  for (let k = 0; k < args.length; k++) {
    if (args[k] === flag) return args[k + 1];
    if (args[k].startsWith(`${flag}=`)) return args[k].slice(flag.length + 1);
  }
  return undefined;
}

/** Quantile of an ascending array (nearest rank). */
export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** This process's user CPU time in ms: a fairer budget clock than wall time on a shared machine. */
export function cpuClock(): number {
  return process.cpuUsage().user / 1000;
}
