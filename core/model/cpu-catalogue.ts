/**
 * Server CPU catalogue: a throughput rating per core for the server CPU families a consolidation meets
 * (Intel Xeon from Nehalem/Westmere to Xeon 6, AMD EPYC 7001 to 9005), so old source cores and new target
 * cores compare fairly. Source VMs get the rating of their vHost "CPU Model"; target host models pick a CPU
 * here (`HostModel.cpuModel`).
 *
 * Method. Rating per core = 10 x SPECrate2017_int_base of a published two-socket result / the system's cores
 * (so a 2 x 24-core Xeon Gold 6248R system at ~300 rates 300 / 48 x 10 = 62). One representative result per
 * family (its top-bin or volume part, with SMT on, as vendors submit them); values are rounded to whole units.
 * Families older than CPU2017 (Nehalem/Westmere, E5/E7 v1-v2) have SPECint_rate2006 results only: their
 * per-core CINT2006 rate is converted with the ratio CPU2017/CINT2006 = 0.107, taken from Broadwell and Haswell
 * parts that were published under both suites. Within a family, a model whose text names its base clock
 * ("@ 2.70GHz") is scaled by sqrt(clock / the family's reference clock), clamped to +-25 %: per-core rate
 * throughput rises less than linearly with clock (shared memory bandwidth, all-core turbo).
 *
 * Sources (public result databases; the figures are representative rounded values of the results listed
 * there, not re-measured; check a row against the database before quoting it to a client):
 *  - SPEC CPU2017 integer rate results: https://www.spec.org/cpu2017/results/rint2017.html
 *  - SPEC CPU2006 integer rate results: https://www.spec.org/cpu2006/results/rint2006.html
 *  - Generational per-core comparison E5-2690 / E5-2697 v2 / E5-2699 v3 / E5-2699 v4 under one compiler:
 *    AnandTech, "The Intel Xeon E5 v4 review", https://www.anandtech.com/show/10158 (page 8, SPEC CPU2006)
 * An unknown model falls back to a clock-based estimate (`ratingFromClock` in core/import/rvtools-hosts.ts),
 * with a warning naming the model.
 */

export type CpuFamily = {
  id: string;
  vendor: 'Intel' | 'AMD';
  name: string;
  /** Launch year of the family. */
  year: number;
  /** Rating per core of the family's reference part (see the method above). */
  ratingPerCore: number;
  /** The reference part, its base clock and the published system the rating comes from. */
  reference: { model: string; ghz: number; system: string };
  /** Where the figure comes from. */
  source: string;
};

const SPEC2017 = 'SPECrate2017_int_base, spec.org/cpu2017/results/rint2017.html';
const SPEC2006 = 'SPECint_rate2006 base x 0.107, spec.org/cpu2006/results/rint2006.html; anandtech.com/show/10158';

export const CPU_FAMILIES: readonly CpuFamily[] = [
  { id: 'nehalem-ep', vendor: 'Intel', name: 'Xeon 55xx (Nehalem-EP)', year: 2009, ratingPerCore: 24, reference: { model: 'X5570', ghz: 2.93, system: '2 x 4 cores, CINT2006 rate ~250' }, source: SPEC2006 },
  { id: 'westmere-ep', vendor: 'Intel', name: 'Xeon 56xx (Westmere-EP)', year: 2010, ratingPerCore: 27, reference: { model: 'X5670', ghz: 2.93, system: '2 x 6 cores, CINT2006 rate ~300' }, source: SPEC2006 },
  { id: 'westmere-ex', vendor: 'Intel', name: 'Xeon E7 (Westmere-EX)', year: 2011, ratingPerCore: 25, reference: { model: 'E7-4870', ghz: 2.4, system: '4 x 10 cores, CINT2006 rate ~940' }, source: SPEC2006 },
  { id: 'e5-v1', vendor: 'Intel', name: 'Xeon E5 v1 (Sandy Bridge-EP)', year: 2012, ratingPerCore: 37, reference: { model: 'E5-2680', ghz: 2.7, system: '2 x 8 cores, CINT2006 rate ~550' }, source: SPEC2006 },
  { id: 'e5-v2', vendor: 'Intel', name: 'Xeon E5 v2 (Ivy Bridge-EP)', year: 2013, ratingPerCore: 39, reference: { model: 'E5-2680 v2', ghz: 2.8, system: '2 x 10 cores, CINT2006 rate ~730' }, source: SPEC2006 },
  { id: 'e7-v2', vendor: 'Intel', name: 'Xeon E7 v2 (Ivy Bridge-EX)', year: 2014, ratingPerCore: 36, reference: { model: 'E7-4890 v2', ghz: 2.8, system: '4 x 15 cores, CINT2006 rate ~2000' }, source: SPEC2006 },
  { id: 'e5-v3', vendor: 'Intel', name: 'Xeon E5 v3 (Haswell-EP)', year: 2014, ratingPerCore: 42, reference: { model: 'E5-2680 v3', ghz: 2.5, system: '2 x 12 cores, CINT2006 rate ~940' }, source: SPEC2006 },
  { id: 'e7-v3', vendor: 'Intel', name: 'Xeon E7 v3 (Haswell-EX)', year: 2015, ratingPerCore: 40, reference: { model: 'E7-8890 v3', ghz: 2.5, system: '4 x 18 cores' }, source: SPEC2006 },
  { id: 'e5-v4', vendor: 'Intel', name: 'Xeon E5 v4 (Broadwell-EP)', year: 2016, ratingPerCore: 44, reference: { model: 'E5-2680 v4', ghz: 2.4, system: '2 x 14 cores, SPECrate2017_int_base ~123' }, source: SPEC2017 },
  { id: 'e7-v4', vendor: 'Intel', name: 'Xeon E7 v4 (Broadwell-EX)', year: 2016, ratingPerCore: 42, reference: { model: 'E7-8890 v4', ghz: 2.2, system: '4 x 24 cores, SPECrate2017_int_base ~400' }, source: SPEC2017 },
  { id: 'xs-1', vendor: 'Intel', name: 'Xeon Scalable 1st gen (Skylake-SP)', year: 2017, ratingPerCore: 50, reference: { model: 'Gold 6130', ghz: 2.1, system: '2 x 16 cores, SPECrate2017_int_base ~160' }, source: SPEC2017 },
  { id: 'xs-2', vendor: 'Intel', name: 'Xeon Scalable 2nd gen (Cascade Lake)', year: 2019, ratingPerCore: 58, reference: { model: 'Gold 5218', ghz: 2.3, system: '2 x 16 cores, SPECrate2017_int_base ~185' }, source: SPEC2017 },
  { id: 'xs-3', vendor: 'Intel', name: 'Xeon Scalable 3rd gen (Ice Lake-SP)', year: 2021, ratingPerCore: 58, reference: { model: 'Gold 6338', ghz: 2.0, system: '2 x 32 cores, SPECrate2017_int_base ~370' }, source: SPEC2017 },
  { id: 'xs-4', vendor: 'Intel', name: 'Xeon Scalable 4th gen (Sapphire Rapids)', year: 2023, ratingPerCore: 78, reference: { model: 'Platinum 8480+', ghz: 2.0, system: '2 x 56 cores, SPECrate2017_int_base ~870' }, source: SPEC2017 },
  { id: 'xs-5', vendor: 'Intel', name: 'Xeon Scalable 5th gen (Emerald Rapids)', year: 2023, ratingPerCore: 84, reference: { model: 'Gold 6548Y+', ghz: 2.5, system: '2 x 32 cores, SPECrate2017_int_base ~540' }, source: SPEC2017 },
  { id: 'x6-p', vendor: 'Intel', name: 'Xeon 6 P-core (Granite Rapids)', year: 2024, ratingPerCore: 92, reference: { model: '6980P', ghz: 2.0, system: '2 x 128 cores, SPECrate2017_int_base ~2350' }, source: SPEC2017 },
  { id: 'x6-e', vendor: 'Intel', name: 'Xeon 6 E-core (Sierra Forest)', year: 2024, ratingPerCore: 52, reference: { model: '6780E', ghz: 2.2, system: '2 x 144 cores, SPECrate2017_int_base ~1500' }, source: SPEC2017 },
  { id: 'epyc-7001', vendor: 'AMD', name: 'EPYC 7001 (Naples)', year: 2017, ratingPerCore: 42, reference: { model: 'EPYC 7601', ghz: 2.2, system: '2 x 32 cores, SPECrate2017_int_base ~270' }, source: SPEC2017 },
  { id: 'epyc-7002', vendor: 'AMD', name: 'EPYC 7002 (Rome)', year: 2019, ratingPerCore: 58, reference: { model: 'EPYC 7742', ghz: 2.25, system: '2 x 64 cores, SPECrate2017_int_base ~700' }, source: SPEC2017 },
  { id: 'epyc-7003', vendor: 'AMD', name: 'EPYC 7003 (Milan)', year: 2021, ratingPerCore: 66, reference: { model: 'EPYC 7763', ghz: 2.45, system: '2 x 64 cores, SPECrate2017_int_base ~800 (7543: 2 x 32 cores ~480)' }, source: SPEC2017 },
  { id: 'epyc-9004', vendor: 'AMD', name: 'EPYC 9004 (Genoa)', year: 2022, ratingPerCore: 93, reference: { model: 'EPYC 9654', ghz: 2.4, system: '2 x 96 cores, SPECrate2017_int_base ~1790' }, source: SPEC2017 },
  { id: 'epyc-9004-dense', vendor: 'AMD', name: 'EPYC 97x4 (Bergamo)', year: 2023, ratingPerCore: 76, reference: { model: 'EPYC 9754', ghz: 2.25, system: '2 x 128 cores, SPECrate2017_int_base ~1950' }, source: SPEC2017 },
  { id: 'epyc-9005', vendor: 'AMD', name: 'EPYC 9005 (Turin)', year: 2024, ratingPerCore: 110, reference: { model: 'EPYC 9755', ghz: 2.7, system: '2 x 128 cores, SPECrate2017_int_base ~2850' }, source: SPEC2017 },
  { id: 'epyc-9005-dense', vendor: 'AMD', name: 'EPYC 9005 dense (Turin Zen 5c)', year: 2024, ratingPerCore: 84, reference: { model: 'EPYC 9965', ghz: 2.25, system: '2 x 192 cores, SPECrate2017_int_base ~3230' }, source: SPEC2017 },
];

const byId = new Map(CPU_FAMILIES.map((f) => [f.id, f]));
const family = (id: string): CpuFamily => {
  const f = byId.get(id);
  if (!f) throw new Error(`cpu-catalogue: unknown family ${id}`);
  return f;
};

/** "Intel(R) Xeon(R) CPU E5-2680 0 @ 2.70GHz" -> "intel xeon e5-2680 0 @ 2.70ghz". */
export function normaliseCpuModel(text: string): string {
  return text
    .replace(/\((r|tm)\)/gi, ' ')
    .replace(/\b(cpu|processor)\b/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** The family of a CPU model text, or null when the catalogue does not know it. */
export function cpuFamilyOf(text: string): CpuFamily | null {
  const m = normaliseCpuModel(text);
  let r: RegExpExecArray | null;
  if ((r = /epyc (\d)(\d)(\d)(\d)[a-z]*/.exec(m))) {
    const [, series, second, , gen] = r;
    if (series === '7') return gen === '1' ? family('epyc-7001') : gen === '2' ? family('epyc-7002') : gen === '3' ? family('epyc-7003') : null;
    if (series === '9' && gen === '4') return second === '7' ? family('epyc-9004-dense') : family('epyc-9004');
    if (series === '9' && gen === '5') return /epyc 9(965|845|825|745)\b/.test(m) ? family('epyc-9005-dense') : family('epyc-9005');
    return null;
  }
  if (!/xeon/.test(m)) return null;
  if ((r = /(platinum|gold|silver|bronze) (\d)(\d)\d\d/.exec(m))) {
    const gen = Number(r[3]);
    return gen >= 1 && gen <= 5 ? family(`xs-${gen}`) : null;
  }
  if ((r = /xeon 6\d{3}([pe])\b/.exec(m))) return family(r[1] === 'p' ? 'x6-p' : 'x6-e');
  if ((r = /e5-\d{4}[a-z]?( v(\d)| 0)?\b/.exec(m))) {
    const v = r[2] ?? '1';
    return v === '1' ? family('e5-v1') : v === '2' ? family('e5-v2') : v === '3' ? family('e5-v3') : v === '4' ? family('e5-v4') : null;
  }
  if ((r = /e7-\s?\d{4}[a-z]?( v(\d))?\b/.exec(m))) {
    const v = r[2] ?? '1';
    return v === '1' ? family('westmere-ex') : v === '2' ? family('e7-v2') : v === '3' ? family('e7-v3') : v === '4' ? family('e7-v4') : null;
  }
  if (/\b[xel]56\d\d\b/.test(m)) return family('westmere-ep');
  if (/\b[xelw]55\d\d\b/.test(m)) return family('nehalem-ep');
  return null;
}

/** The base clock a model text names ("@ 2.70GHz"), in GHz, or null. */
export function clockOfModel(text: string): number | null {
  const r = /@\s*([\d.]+)\s*ghz/i.exec(text);
  const ghz = r ? Number(r[1]) : Number.NaN;
  return Number.isFinite(ghz) && ghz >= 0.1 && ghz <= 10 ? ghz : null;
}

export type CpuRating = { ratingPerCore: number; family: CpuFamily };

/** Rating per core of a CPU model from the catalogue (family rating, clock-scaled when the text names a clock). */
export function rateCpuModel(text: string): CpuRating | null {
  const f = cpuFamilyOf(text);
  if (!f) return null;
  const ghz = clockOfModel(text);
  const scale = ghz === null ? 1 : Math.min(1.25, Math.max(0.75, Math.sqrt(ghz / f.reference.ghz)));
  return { ratingPerCore: Math.round(f.ratingPerCore * scale), family: f };
}

/** The CPUs a target host model can pick: each family's reference part, newest first. */
export function catalogueChoices(): { model: string; family: CpuFamily; ratingPerCore: number }[] {
  return [...CPU_FAMILIES]
    .sort((a, b) => b.year - a.year || a.name.localeCompare(b.name))
    .map((f) => ({ model: f.vendor === 'Intel' ? `Intel Xeon ${f.reference.model}` : `AMD ${f.reference.model}`, family: f, ratingPerCore: f.ratingPerCore }));
}
