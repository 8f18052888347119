/**
 * Offline places: the bundled table of world cities (resources/gazetteer/cities.json, built by
 * `npm run gazetteer`) and a pure search over it, so typing "Frankfurt" in a data-centre or user-site editor
 * offers latitude, longitude and time zone without any network. The table is loaded on first use as a chunk
 * of its own (`loadGazetteer`), so it does not weigh on start-up.
 */
export type GazetteerRow = [name: string, country: string, province: string, latitude: number, longitude: number, zone: number, population: number];
export type GazetteerTable = { source: string; zones: readonly string[]; rows: readonly GazetteerRow[] };
export type Place = { name: string; country: string; province: string; latitude: number; longitude: number; timeZone: string; population: number };

/** Lower case, accents and punctuation dropped: "São Paulo" and "sao paulo" match, "St. Louis" and "st louis". */
export function foldName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const folded = new WeakMap<GazetteerTable, string[]>();

/**
 * Places whose name starts with what was typed (before a comma: "Frankfurt, DE" narrows to that country
 * code or province), exact names first, then by population; at most `limit`.
 */
export function searchPlaces(table: GazetteerTable, query: string, limit = 8): Place[] {
  const [namePart, qualifier = ''] = query.split(',', 2);
  const q = foldName(namePart);
  if (q.length < 2) return [];
  const where = foldName(qualifier);
  let names = folded.get(table);
  if (!names) {
    names = table.rows.map((r) => foldName(r[0]));
    folded.set(table, names);
  }
  const exact: number[] = [];
  const prefix: number[] = [];
  names.forEach((n, i) => {
    if (!n.startsWith(q)) return;
    const r = table.rows[i];
    if (where !== '' && foldName(r[1]) !== where && !foldName(r[2]).startsWith(where)) return;
    (n === q ? exact : prefix).push(i);
  });
  // rows are stored by population, largest first, so each group is already in that order
  return [...exact, ...prefix].slice(0, limit).map((i) => {
    const r = table.rows[i];
    return { name: r[0], country: r[1], province: r[2], latitude: r[3], longitude: r[4], timeZone: table.zones[r[5]] ?? 'UTC', population: r[6] };
  });
}

let loading: Promise<GazetteerTable> | null = null;
/** The bundled table, loaded once. */
export function loadGazetteer(): Promise<GazetteerTable> {
  // the file is built by scripts/make-gazetteer.ts in this shape; scripts/make-gazetteer.test.ts checks it
  loading ??= import('../../resources/gazetteer/cities.json').then((m) => m.default as unknown as GazetteerTable);
  return loading;
}
