/**
 * Generated import inputs for the import benchmark and the scaling tests: inventory CSVs, long-format
 * series CSVs and RVTools .xlsx exports, with realistic duplicates, gaps and bad rows, written streamed so
 * 50k servers x 168 hours (8.4 M rows) never sit in memory. Deterministic: the same arguments give the same
 * bytes (a small LCG, no clock).
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import ExcelJS from 'exceljs';

/** Deterministic pseudo-random numbers in [0, 1). */
export function lcg(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export type InventoryShape =
  /** every name different */
  | 'unique'
  /** every row the same name (the hostile case) */
  | 'one-name'
  /** ~2% duplicate names, ~1% rows without a name, ~1% bad numbers, some empty cells */
  | 'realistic';

const SITES = ['London', 'Paris', 'Frankfurt', 'Madrid', 'Milan', 'Dublin', 'Warsaw', 'Vienna'];
const DEPTS = ['Finance', 'Sales', 'HR', 'IT', 'Ops', ''];
const ENVS = ['prod', 'test', 'dev', 'PRD', 'qa', 'weird'];

/** The server name of row i of an inventory of the given shape (series files refer to these). */
export function serverName(i: number): string {
  return `srv-${String(i).padStart(6, '0')}`;
}

async function writeLines(file: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(file);
  let buf = '';
  for (const line of lines) {
    buf += line + '\n';
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
}

function* inventoryLines(rows: number, shape: InventoryShape, seed: number): Generator<string> {
  const rnd = lcg(seed);
  yield 'Hostname,Site,Dept,App,Env,OS,CPUs,RAM (GB),Disk (GB),IOPS';
  for (let i = 0; i < rows; i++) {
    let name = shape === 'one-name' ? 'web' : serverName(i);
    let cpus = String(1 + Math.floor(rnd() * 16));
    let ram = String(4 * (1 + Math.floor(rnd() * 16)));
    if (shape === 'realistic') {
      const r = rnd();
      if (r < 0.02 && i > 0) name = serverName(Math.floor(rnd() * i));
      else if (r < 0.03) name = '';
      else if (r < 0.04) cpus = 'many';
      else if (r < 0.06) ram = '';
    }
    const site = SITES[i % SITES.length];
    yield [name, site, DEPTS[i % DEPTS.length], `app-${i % 500}`, ENVS[i % ENVS.length], 'Linux', cpus, ram, String(Math.floor(rnd() * 2000)), String(Math.floor(rnd() * 500))].join(',');
  }
}

export function writeInventoryCsv(file: string, rows: number, shape: InventoryShape = 'realistic', seed = 1): Promise<void> {
  return writeLines(file, inventoryLines(rows, shape, seed));
}

function* seriesLines(servers: number, hours: number, seed: number): Generator<string> {
  const rnd = lcg(seed);
  yield 'server,timestamp,metric,value';
  const start = Date.UTC(2026, 2, 2);
  const stamps = Array.from({ length: hours }, (_, h) => new Date(start + h * 3_600_000).toISOString().replace('.000Z', 'Z'));
  for (let s = 0; s < servers; s++) {
    const name = serverName(s);
    for (let h = 0; h < hours; h++) {
      const r = rnd();
      if (r < 0.005) continue; // a gap
      const value = r < 0.006 ? 'n/a' : (rnd() * 90).toFixed(1); // a bad value now and then
      yield `${name},${stamps[h]},cpu,${value}`;
    }
  }
}

/** Long-format utilisation: one CPU % sample per server and hour (~0.5% gaps, ~0.1% bad values). */
export function writeSeriesCsv(file: string, servers: number, hours = 168, seed = 2): Promise<void> {
  return writeLines(file, seriesLines(servers, hours, seed));
}

const VINFO_HEADERS = ['VM', 'Powerstate', 'Template', 'CPUs', 'Memory', 'Provisioned MiB', 'In Use MiB', 'Datacenter', 'Cluster', 'Host', 'OS according to the VMware Tools', 'VM UUID'];

/** An RVTools export with vInfo and vHost, streamed with exceljs's WorkbookWriter (~1% templates, ~1% duplicate names without a UUID). */
export async function writeRvtoolsXlsx(file: string, vms: number, seed = 3): Promise<void> {
  const rnd = lcg(seed);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  const info = wb.addWorksheet('vInfo');
  info.addRow(VINFO_HEADERS).commit();
  const hosts = Math.max(1, Math.ceil(vms / 40));
  for (let i = 0; i < vms; i++) {
    const r = rnd();
    const dupe = r < 0.01 && i > 0;
    const name = dupe ? serverName(Math.floor(rnd() * i)) : serverName(i);
    const uuid = dupe ? '' : `4210${String(i).padStart(8, '0')}-0000-0000-0000-${String(seed).padStart(12, '0')}`;
    const host = `esx-${i % hosts}`;
    info
      .addRow([name, 'poweredOn', r > 0.99 ? 'True' : 'False', 1 + Math.floor(rnd() * 8), 1024 * (1 + Math.floor(rnd() * 32)), Math.floor(rnd() * 500_000), Math.floor(rnd() * 200_000), SITES[i % SITES.length], `cl-${i % 20}`, host, 'Linux', uuid])
      .commit();
  }
  info.commit();
  const vhost = wb.addWorksheet('vHost');
  vhost.addRow(['Host', 'Datacenter', 'Cluster', 'Speed', '# CPU', 'Cores per CPU']).commit();
  for (let h = 0; h < hosts; h++) vhost.addRow([`esx-${h}`, SITES[h % SITES.length], `cl-${h % 20}`, 2400, 2, 16]).commit();
  vhost.commit();
  await wb.commit();
}
