/**
 * Hourly utilisation of the sample servers, written straight into the Float32Arrays of a SeriesSet: a load
 * shape in the server's local time (office hours, evening peaks or nightly batch), database night jobs,
 * weekend-night backups on IOPS and network, day-to-day variation and noise. About 10% of servers idle, some
 * are memory-bound (high, flat memory), DR standbys only replicate, and ~2% have a run of missing hours.
 */
import type { Server } from '../model/schema.ts';
import type { SeriesSet } from '../model/series.ts';
import type { Rng } from '../util/random.ts';
import type { ServerTraits } from './servers.ts';
import type { ShapeTables } from './shapes.ts';

export const IDLE_SHARE = 0.1;
export const MEMORY_BOUND_SHARE = 0.08;
export const GAP_SHARE = 0.02;

type Params = {
  cpuBase: number; cpuAmp: number; cpuNight: number; cpuNoise: number;
  memBase: number; memAmp: number;
  ioBase: number; ioAmp: number; ioNight: number; ioBackup: number;
  netBase: number; netAmp: number; netNight: number; netBackup: number;
};

const u = (rng: Rng, lo: number, hi: number) => lo + (hi - lo) * rng.next();

function params(rng: Rng, s: Server, t: ServerTraits): Params {
  const envScale = s.environment === 'prod' ? 1 : s.environment === 'test' ? 0.3 : 0.15;
  const p: Params = {
    cpuBase: u(rng, 3, 10), cpuAmp: u(rng, 20, 55) * envScale, cpuNight: u(rng, 0, 5), cpuNoise: u(rng, 1.5, 5),
    memBase: u(rng, 30, 65), memAmp: u(rng, 3, 12),
    ioBase: u(rng, 0.05, 0.15), ioAmp: u(rng, 0.2, 0.5) * envScale, ioNight: u(rng, 0, 0.1), ioBackup: u(rng, 0.3, 0.6),
    netBase: u(rng, 0.05, 0.12), netAmp: u(rng, 0.2, 0.5) * envScale, netNight: u(rng, 0, 0.1), netBackup: u(rng, 0.3, 0.6),
  };
  if (t.role === 'db') {
    p.cpuBase = u(rng, 8, 15);
    p.cpuAmp = u(rng, 15, 35) * envScale;
    p.cpuNight = u(rng, 10, 30);
    p.ioNight = u(rng, 0.2, 0.4);
    p.memBase = u(rng, 60, 80);
  } else if (t.role === 'cache') {
    p.memBase = u(rng, 70, 85);
    p.cpuAmp *= 0.5;
  } else if (t.role === 'infra') {
    p.cpuAmp *= 0.3;
    if (t.shape === 'batch') p.ioBackup = u(rng, 0.5, 0.8);
  }
  if (t.standby) {
    Object.assign(p, { cpuBase: u(rng, 2, 6), cpuAmp: 0, cpuNight: u(rng, 3, 10), memBase: u(rng, 30, 50), memAmp: 0, ioAmp: u(rng, 0.05, 0.15), netAmp: u(rng, 0.1, 0.2) });
  } else if (rng.chance(IDLE_SHARE)) {
    Object.assign(p, {
      cpuBase: u(rng, 0.5, 2.5), cpuAmp: u(rng, 0, 1.5), cpuNight: 0, cpuNoise: u(rng, 0.2, 0.8), memBase: u(rng, 8, 25), memAmp: 0,
      ioBase: u(rng, 0.005, 0.02), ioAmp: 0, ioNight: 0, netBase: u(rng, 0.005, 0.02), netAmp: 0, netNight: 0,
    });
  } else if (rng.chance(MEMORY_BOUND_SHARE / (1 - IDLE_SHARE))) {
    p.memBase = u(rng, 82, 93);
    p.memAmp = u(rng, 0, 3);
    p.cpuAmp *= 0.4;
  }
  // Keep the I/O envelope below the server's rated peak (the fill loop clamps the noise on top).
  const io = p.ioBase + p.ioAmp + p.ioNight + p.ioBackup;
  if (io > 0.95) for (const k of ['ioBase', 'ioAmp', 'ioNight', 'ioBackup'] as const) p[k] *= 0.95 / io;
  const net = p.netBase + p.netAmp + p.netNight + p.netBackup;
  if (net > 0.95) for (const k of ['netBase', 'netAmp', 'netNight', 'netBackup'] as const) p[k] *= 0.95 / net;
  return p;
}

const clampPct = (x: number) => (x < 0 ? 0 : x > 100 ? 100 : x);

/** Fill every row of `series` (rows in the order of `servers`); `tablesByDc[dc]` are the shapes in that site's zone. */
export function fillSeries(rng: Rng, series: SeriesSet, servers: readonly Server[], traits: readonly ServerTraits[], tablesByDc: readonly ShapeTables[]): void {
  const H = series.hours;
  const days = Math.ceil(H / 24);
  const dayFactor = new Float64Array(days);
  const { cpuPct, memPct, iops, netMbps } = series;
  for (let r = 0; r < servers.length; r++) {
    const s = servers[r];
    const t = traits[r];
    const p = params(rng, s, t);
    const tables = tablesByDc[t.dc];
    const main = tables[t.shape];
    const night = tables.batch;
    const backup = tables.backup;
    for (let d = 0; d < days; d++) dayFactor[d] = 0.85 + 0.3 * rng.next();
    const ioScale = s.iops;
    const netScale = s.networkMbps;
    // Parameters in locals: the loop below runs servers x hours times.
    const { cpuBase, cpuAmp, cpuNight, cpuNoise, memBase, memAmp, ioBase, ioAmp, ioNight, ioBackup, netBase, netAmp, netNight, netBackup } = p;
    let nCpu = 0;
    let nIo = 0;
    const base = r * H;
    for (let h = 0; h < H; h++) {
      const f = dayFactor[(h / 24) | 0];
      const m = main[h];
      const n = night[h];
      const b = backup[h];
      // One draw feeds both noise processes: its high and low 16 bits are independent uniforms.
      const x = rng.next() * 65536;
      const hi = x | 0;
      nCpu = 0.6 * nCpu + 0.8 * (hi / 65536 - 0.5);
      nIo = 0.5 * nIo + 0.5 * (x - hi - 0.5);
      const i = base + h;
      cpuPct[i] = clampPct(cpuBase + (cpuAmp * m + cpuNight * n) * f + cpuNoise * nCpu);
      memPct[i] = clampPct(memBase + memAmp * m + 0.8 * nCpu);
      const io = (ioBase + (ioAmp * m + ioNight * n) * f + ioBackup * b) * (1 + 0.3 * nIo);
      iops[i] = io <= 0 ? 0 : io >= 1 ? ioScale : io * ioScale;
      const net = (netBase + (netAmp * m + netNight * n) * f + netBackup * b) * (1 + 0.3 * nIo);
      netMbps[i] = net <= 0 ? 0 : net >= 1 ? netScale : net * netScale;
    }
    if (rng.chance(GAP_SHARE)) {
      const start = rng.int(0, H - 1);
      const end = Math.min(H, start + rng.int(3, 36));
      for (let h = start; h < end; h++) {
        const i = base + h;
        cpuPct[i] = Number.NaN;
        memPct[i] = Number.NaN;
        iops[i] = Number.NaN;
        netMbps[i] = Number.NaN;
      }
    }
  }
}
