/**
 * The servers of the sample estate: applications are planned one after another until the requested number of
 * servers is reached (the last application is cut to fit), plus a few infrastructure servers per site.
 * Every server gets hardware, an OS, a zone, a patch window, licences, affinity and anti-affinity groups and,
 * for critical applications, a DR partner in another data centre.
 */
import type { Application, MaintenanceWindow, Server } from '../model/schema.ts';
import type { Rng } from '../util/random.ts';
import { newLedger, planApplication, recordServers, type AppPlan } from './applications.ts';
import type { LoadShape } from './catalogue.ts';
import { DATA_CENTRES } from './geography.ts';
import { drawBlocker, drawHardware, drawMaintenanceWindow, type Hardware } from './hardware.ts';

type Env = Server['environment'];

/** What the series and flow generators need to know about a server beyond its record. */
export type ServerTraits = {
  /** Index into DATA_CENTRES. */
  dc: number;
  shape: LoadShape;
  /** A DR standby: replication load only. */
  standby: boolean;
  /** The server's tier, or "infra" for servers without an application. */
  role: string;
  /** Index into the plans, -1 for infrastructure servers. */
  plan: number;
};

export type ServerSet = {
  plans: AppPlan[];
  applications: Application[];
  servers: Server[];
  traits: ServerTraits[];
};

type Slot = { tier: string; env: Env; dc: number; drOf: number };

/** Average servers per application, used to balance the sites before an application's size is known. */
const EXPECTED_APP_SIZE = 14;
/** Share of servers that are infrastructure (directory, DNS, backup, monitoring...). */
const INFRA_SHARE = 0.03;
const INFRA_ROLES = ['ad', 'dns', 'bkp', 'mon', 'jump', 'log', 'av', 'wsus'] as const;

function prodCount(rng: Rng, tier: string, big: boolean): number {
  const m = big ? 2 : 1;
  switch (tier) {
    case 'cache':
      return 2;
    case 'db':
      return rng.chance(0.6) ? 2 : 1;
    case 'batch':
      return rng.int(1, 2);
    default:
      return rng.int(2, 4) * m;
  }
}

/** The application's servers before they exist: first one production server per tier, so a cut keeps them. */
function appSlots(rng: Rng, plan: AppPlan): Slot[] {
  const tiers = plan.app.tiers;
  const big = rng.chance(0.2);
  const counts = tiers.map((t) => prodCount(rng, t, big));
  const slots: Slot[] = tiers.map((tier) => ({ tier, env: 'prod', dc: plan.homeDc, drOf: -1 }));
  tiers.forEach((tier, i) => {
    for (let k = 1; k < counts[i]; k++) slots.push({ tier, env: 'prod', dc: plan.homeDc, drOf: -1 });
  });
  if (plan.drDc >= 0) {
    const prod = slots.length;
    for (let i = 0; i < prod; i++) {
      if (plan.drTiers.includes(slots[i].tier)) slots.push({ tier: slots[i].tier, env: 'prod', dc: plan.drDc, drOf: i });
    }
  }
  for (const tier of tiers) slots.push({ tier, env: 'test', dc: plan.homeDc, drOf: -1 });
  if (rng.chance(0.5)) {
    for (const tier of tiers) if (tier !== 'cache' && tier !== 'batch') slots.push({ tier, env: 'dev', dc: plan.homeDc, drOf: -1 });
  }
  return slots;
}

const ENV_PREFIX: Record<Env, string> = { prod: '', test: 't', dev: 'd' };

function nameFactory(): (stem: string, env: Env) => string {
  const counters = new Map<string, number>();
  return (stem, env) => {
    const key = `${stem}|${env}`;
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    return `${stem}-${ENV_PREFIX[env]}${String(n).padStart(2, '0')}`;
  };
}

/** The DR copy of a server has the same shape; a VM's source host is in its own site. */
function drCopy(rng: Rng, primary: Server, dcCode: string): Hardware {
  const vm = primary.sourceKind === 'vm';
  const cluster = `${dcCode}-esx-c${String(rng.int(1, 6)).padStart(2, '0')}`;
  return {
    sourceKind: primary.sourceKind,
    sourceCluster: vm ? cluster : null,
    sourceHost: vm ? `${cluster}-h${String(rng.int(1, 16)).padStart(2, '0')}` : null,
    cores: primary.cores,
    ratingPerCore: primary.ratingPerCore,
    memoryGiB: primary.memoryGiB,
    storageGiB: primary.storageGiB,
    iops: primary.iops,
    networkMbps: primary.networkMbps,
    os: primary.os,
    rackUnits: primary.rackUnits,
    powerW: primary.powerW,
  };
}

/**
 * A DR standby follows its primary on the standard windows without ever being down with it (whatever the two
 * time zones): a weekend primary's standby is patched Wednesday 01:00, a midweek primary's Sunday 02:00, local;
 * a primary without a window has a standby without one.
 */
function standbyWindow(primary: MaintenanceWindow | null, timeZone: string): MaintenanceWindow | null {
  if (primary === null) return null;
  return primary.days.includes(3) ? { days: [0], startHour: 2, durationHours: 4, timeZone } : { days: [3], startHour: 1, durationHours: 3, timeZone };
}

function infraCounts(total: number): number[] {
  const weights = DATA_CENTRES.map((d) => d.weight);
  const sum = weights.reduce((a, b) => a + b, 0);
  const rest = total - DATA_CENTRES.length;
  const counts = weights.map((w) => 1 + Math.floor((rest * w) / sum));
  let left = total - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0; i = (i + 1) % counts.length, left--) counts[i]++;
  return counts;
}

type Build = Omit<Server, 'id' | 'name' | 'virtualisable' | 'blocker' | keyof Hardware>;

/** One server record, its fields in schema order (one object shape for all servers keeps this fast at 100k). */
function makeServer(rng: Rng, name: string, hw: Hardware, rest: Build): Server {
  const blocker = drawBlocker(rng, hw.sourceKind);
  return {
    id: name,
    name,
    dataCentreId: rest.dataCentreId,
    departmentId: rest.departmentId,
    applicationId: rest.applicationId,
    tier: rest.tier,
    environment: rest.environment,
    os: blocker?.kind === 'appliance' ? 'Vendor appliance OS' : hw.os,
    sourceKind: hw.sourceKind,
    sourceHost: hw.sourceHost,
    sourceCluster: hw.sourceCluster,
    cores: hw.cores,
    ratingPerCore: hw.ratingPerCore,
    memoryGiB: hw.memoryGiB,
    storageGiB: hw.storageGiB,
    iops: hw.iops,
    networkMbps: hw.networkMbps,
    virtualisable: blocker === null,
    blocker,
    zoneId: rest.zoneId,
    maintenanceWindow: rest.maintenanceWindow,
    drPartnerId: rest.drPartnerId,
    affinityGroups: rest.affinityGroups,
    antiAffinityGroups: rest.antiAffinityGroups,
    licensedProductIds: rest.licensedProductIds,
    rackUnits: hw.rackUnits,
    powerW: hw.powerW,
  };
}

/** Exactly `target` servers (at least one per data centre). */
export function generateServers(rng: Rng, target: number): ServerSet {
  const out: ServerSet = { plans: [], applications: [], servers: [], traits: [] };
  const nextName = nameFactory();
  const infra = infraCounts(Math.max(DATA_CENTRES.length, Math.round(target * INFRA_SHARE)));
  infra.forEach((count, dcIndex) => {
    const d = DATA_CENTRES[dcIndex];
    for (let k = 0; k < count; k++) {
      const role = INFRA_ROLES[k % INFRA_ROLES.length];
      const platform = role === 'ad' || role === 'wsus' || role === 'av' ? 'windows' : 'linux';
      out.servers.push(
        makeServer(rng, nextName(`${d.code}-${role}`, 'prod'), drawHardware(rng, 'infra', 'prod', platform, d.code), {
          dataCentreId: d.id, departmentId: 'dept-it', applicationId: null, tier: null, environment: 'prod',
          zoneId: 'zone-internal', maintenanceWindow: drawMaintenanceWindow(rng, 'prod', d.timeZone), drPartnerId: null,
          affinityGroups: [], antiAffinityGroups: count > (k % INFRA_ROLES.length) + INFRA_ROLES.length ? [`anti-${d.code}-${role}`] : [],
          licensedProductIds: [],
        }),
      );
      out.traits.push({ dc: dcIndex, shape: role === 'bkp' ? 'batch' : 'business', standby: false, role: 'infra', plan: -1 });
    }
  });
  const ledger = newLedger();
  let remaining = target - out.servers.length;
  while (remaining > 0) {
    const planIndex = out.plans.length;
    const plan = planApplication(rng, planIndex, ledger, EXPECTED_APP_SIZE);
    const slots = appSlots(rng, plan).slice(0, remaining);
    remaining -= slots.length;
    out.plans.push(plan);
    out.applications.push(plan.app);
    const { app, code } = plan;
    const clusterSize = new Map<string, number>();
    const clusterKey = (s: Slot) => `${s.tier}|${s.dc}`;
    for (const s of slots) if (s.env === 'prod') clusterSize.set(clusterKey(s), (clusterSize.get(clusterKey(s)) ?? 0) + 1);
    // Each production app server runs beside its own cache server (app k with cache k, while both last): a pair
    // per affinity group, so the pairs never contradict the app and cache clusters' anti-affinity.
    const pairs =
      plan.spec.layout === 'cache'
        ? Math.min(clusterSize.get(`app|${plan.homeDc}`) ?? 0, clusterSize.get(`cache|${plan.homeDc}`) ?? 0)
        : 0;
    const ordinal = new Map<string, number>();
    const first = out.servers.length;
    // Servers that must run together are patched together: an affinity group's window is its first member's.
    const groupWindow = new Map<string, MaintenanceWindow | null>();
    const affinityOf = (slot: Slot): string[] => {
      if (pairs === 0 || slot.env !== 'prod' || slot.drOf >= 0 || (slot.tier !== 'app' && slot.tier !== 'cache')) return [];
      const k = ordinal.get(slot.tier) ?? 0;
      ordinal.set(slot.tier, k + 1);
      return k < pairs ? [`aff-${code}-app-cache-${k + 1}`] : [];
    };
    slots.forEach((slot) => {
      const d = DATA_CENTRES[slot.dc];
      const dr = slot.drOf >= 0;
      const primary = dr ? out.servers[first + slot.drOf] : null;
      const hw = primary ? drCopy(rng, primary, d.code) : drawHardware(rng, slot.tier, slot.env, plan.platform, d.code);
      const prod = slot.env === 'prod';
      const zoneId = plan.spec.pci ? 'zone-pci' : plan.spec.internet && prod && slot.tier === app.tiers[0] ? 'zone-dmz' : 'zone-internal';
      const licensed =
        slot.tier === 'db' && plan.dbProductId ? [plan.dbProductId] : slot.tier === 'app' && plan.middleware ? ['prod-weblogic'] : [];
      const server = makeServer(rng, nextName(`${d.code}-${code}-${slot.tier}`, slot.env), hw, {
        dataCentreId: d.id, departmentId: app.departmentId, applicationId: app.id, tier: slot.tier, environment: slot.env,
        zoneId, maintenanceWindow: drawMaintenanceWindow(rng, slot.env, d.timeZone), drPartnerId: null,
        affinityGroups: affinityOf(slot),
        antiAffinityGroups: prod && (clusterSize.get(clusterKey(slot)) ?? 0) >= 2 ? [`anti-${code}-${slot.tier}${dr ? '-dr' : ''}`] : [],
        licensedProductIds: licensed,
      });
      for (const g of server.affinityGroups) {
        const w = groupWindow.get(g);
        if (w === undefined) groupWindow.set(g, server.maintenanceWindow);
        else server.maintenanceWindow = w && { ...w, days: [...w.days] };
      }
      if (primary) {
        server.drPartnerId = primary.id;
        primary.drPartnerId = server.id;
        server.maintenanceWindow = standbyWindow(primary.maintenanceWindow, d.timeZone);
      }
      out.servers.push(server);
      out.traits.push({ dc: slot.dc, shape: slot.tier === 'batch' || slot.tier === 'etl' ? 'batch' : plan.spec.shape, standby: dr, role: slot.tier, plan: planIndex });
      recordServers(ledger, slot.dc, 1);
    });
  }
  return out;
}
