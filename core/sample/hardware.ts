/**
 * What a sample server is made of: physical or VM, CPU generation (older CPUs rate lower per core), cores,
 * memory, storage, peak IOPS and network, OS, rack space and power; why some cannot be virtualised; when they
 * may be patched.
 */
import type { Blocker, MaintenanceWindow, Server } from '../model/schema.ts';
import type { Rng } from '../util/random.ts';
import type { Platform } from './applications.ts';
import { weightedIndex } from './applications.ts';

type Env = Server['environment'];

/** CPU generations by purchase year: rating per core (SPECint-like) and the largest core count bought. */
const GENERATIONS = [
  { year: 2014, rating: 28, maxCores: 16, weight: 1 },
  { year: 2016, rating: 34, maxCores: 24, weight: 2 },
  { year: 2018, rating: 41, maxCores: 32, weight: 3 },
  { year: 2020, rating: 49, maxCores: 40, weight: 2.5 },
  { year: 2022, rating: 58, maxCores: 56, weight: 1.5 },
] as const;
const GEN_WEIGHTS = GENERATIONS.map((g) => g.weight);

type TierSize = {
  physicalCores: readonly number[];
  vcpus: readonly number[];
  memPerCore: number;
  storage: readonly [number, number];
  iops: readonly [number, number];
  net: readonly [number, number];
  physicalShare: number;
};

const SIZES: Record<string, TierSize> = {
  web: { physicalCores: [8, 12, 16], vcpus: [2, 4], memPerCore: 4, storage: [80, 200], iops: [300, 1000], net: [100, 600], physicalShare: 0.35 },
  api: { physicalCores: [8, 12, 16], vcpus: [2, 4, 8], memPerCore: 4, storage: [80, 200], iops: [300, 1200], net: [100, 500], physicalShare: 0.35 },
  app: { physicalCores: [12, 16, 24, 32], vcpus: [4, 8], memPerCore: 8, storage: [150, 500], iops: [500, 2000], net: [100, 600], physicalShare: 0.45 },
  cache: { physicalCores: [8, 16], vcpus: [4, 8], memPerCore: 16, storage: [100, 200], iops: [500, 3000], net: [200, 800], physicalShare: 0.4 },
  db: { physicalCores: [16, 24, 32, 48], vcpus: [4, 8, 16], memPerCore: 16, storage: [500, 6000], iops: [3000, 20000], net: [200, 1500], physicalShare: 0.7 },
  batch: { physicalCores: [16, 24, 32], vcpus: [4, 8], memPerCore: 8, storage: [300, 1500], iops: [1000, 6000], net: [100, 800], physicalShare: 0.55 },
  etl: { physicalCores: [16, 24, 32, 48], vcpus: [8, 16], memPerCore: 8, storage: [1000, 8000], iops: [2000, 15000], net: [300, 2000], physicalShare: 0.55 },
  infra: { physicalCores: [4, 8, 12], vcpus: [2, 4], memPerCore: 4, storage: [100, 2000], iops: [200, 3000], net: [50, 500], physicalShare: 0.3 },
};

const OS: Record<Platform, readonly (readonly string[])[]> = {
  windows: [['Windows Server 2012 R2'], ['Windows Server 2016'], ['Windows Server 2016', 'Windows Server 2019'], ['Windows Server 2019'], ['Windows Server 2022']],
  linux: [['RHEL 7'], ['RHEL 7', 'SLES 12'], ['RHEL 7', 'SLES 15'], ['RHEL 8', 'Oracle Linux 8'], ['RHEL 9', 'Ubuntu 22.04']],
};

export type Hardware = {
  sourceKind: 'physical' | 'vm';
  sourceHost: string | null;
  sourceCluster: string | null;
  cores: number;
  ratingPerCore: number;
  memoryGiB: number;
  storageGiB: number;
  iops: number;
  networkMbps: number;
  os: string;
  rackUnits: number;
  powerW: number;
};

const roundTo = (x: number, step: number) => Math.max(step, Math.round(x / step) * step);
const between = (rng: Rng, [lo, hi]: readonly [number, number]) => lo + (hi - lo) * rng.next() * rng.next() ** 0.5;

/** Hardware of one server of `tier` ("infra" for servers without an application) in `dcCode`. */
export function drawHardware(rng: Rng, tier: string, env: Env, platform: Platform, dcCode: string): Hardware {
  const size = SIZES[tier] ?? SIZES.app;
  const gen = GENERATIONS[weightedIndex(rng, GEN_WEIGHTS)];
  const physical = rng.chance(env === 'prod' ? size.physicalShare : size.physicalShare * 0.4);
  const rating = Math.round(gen.rating * (0.95 + 0.1 * rng.next()) * 2) / 2;
  const scale = env === 'prod' ? 1 : 0.3;
  let cores: number;
  let memoryGiB: number;
  let sourceHost: string | null = null;
  let sourceCluster: string | null = null;
  if (physical) {
    cores = Math.min(rng.pick(size.physicalCores), gen.maxCores);
    memoryGiB = cores * size.memPerCore * (gen.year <= 2016 ? 0.5 : 1);
  } else {
    const vcpus = rng.pick(size.vcpus);
    cores = env === 'prod' ? vcpus : Math.max(2, vcpus / 2);
    memoryGiB = cores * (size.memPerCore / 2);
    const cluster = rng.int(1, 6);
    sourceCluster = `${dcCode}-esx-c${String(cluster).padStart(2, '0')}`;
    sourceHost = `${sourceCluster}-h${String(rng.int(1, 16)).padStart(2, '0')}`;
  }
  const storageGiB = roundTo(between(rng, size.storage) * (env === 'prod' ? 1 : 0.5), 10);
  return {
    sourceKind: physical ? 'physical' : 'vm',
    sourceHost,
    sourceCluster,
    cores,
    ratingPerCore: rating,
    memoryGiB,
    storageGiB,
    iops: roundTo(between(rng, size.iops) * scale, 50),
    networkMbps: roundTo(between(rng, size.net) * scale, 10),
    os: rng.pick(OS[platform][GENERATIONS.indexOf(gen)]),
    rackUnits: physical ? (cores <= 12 ? 1 : cores <= 32 ? 2 : 4) : 0,
    powerW: physical ? roundTo(150 + cores * 9 + memoryGiB * 0.4, 10) : 0,
  };
}

const VM_BLOCKERS: readonly Blocker[] = [
  { kind: 'usb-dongle', detail: 'HASP licence dongle on a USB pass-through' },
  { kind: 'raw-device-mapping', detail: 'Cluster quorum and data LUNs as physical-mode RDMs' },
  { kind: 'shared-disk', detail: 'Failover cluster on a shared SCSI bus (multi-writer disks)' },
  { kind: 'pci-passthrough', detail: 'GPU pass-through (NVIDIA T4) for rendering' },
  { kind: 'fault-tolerance', detail: 'vSphere Fault Tolerance secondary pinned to a host pair' },
];

const PHYSICAL_BLOCKERS: readonly Blocker[] = [
  { kind: 'appliance', detail: 'Vendor appliance, supported on its own hardware only' },
  { kind: 'special-hardware', detail: 'Fax / telephony interface card' },
  { kind: 'special-hardware', detail: 'Serial-attached PLC gateway' },
  { kind: 'licence-bound', detail: 'Licence keyed to the hardware serial number' },
  { kind: 'usb-dongle', detail: 'Code Meter USB licence key' },
  { kind: 'raw-device-mapping', detail: 'SAN LUNs mapped raw for the database files' },
];

/** Share of servers that cannot be virtualised. */
export const NON_VIRTUALISABLE_SHARE = 0.05;

/** A blocker for a non-virtualisable server, or null (95% of servers). */
export function drawBlocker(rng: Rng, sourceKind: 'physical' | 'vm'): Blocker | null {
  if (!rng.chance(NON_VIRTUALISABLE_SHARE)) return null;
  return { ...rng.pick(sourceKind === 'vm' ? VM_BLOCKERS : PHYSICAL_BLOCKERS) };
}

/** The standard patch windows, in the server's data centre time zone. */
export function drawMaintenanceWindow(rng: Rng, env: Env, timeZone: string): MaintenanceWindow | null {
  const x = rng.next();
  if (env === 'dev') return x < 0.8 ? { days: [0, 1, 2, 3, 4, 5, 6], startHour: 3, durationHours: 1, timeZone } : null;
  if (env === 'test') return x < 0.85 ? { days: [2, 4], startHour: 20, durationHours: 3, timeZone } : null;
  if (x < 0.5) return { days: [0], startHour: 2, durationHours: 4, timeZone };
  if (x < 0.75) return { days: [6], startHour: 22, durationHours: 4, timeZone };
  if (x < 0.85) return { days: [3], startHour: 1, durationHours: 3, timeZone };
  return null;
}
