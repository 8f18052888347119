import { describe, expect, it } from 'vitest';
import { DEFAULT_HOST_MODEL } from './defaults.ts';
import { catalogueChoices, cpuFamilyOf, CPU_FAMILIES, rateCpuModel } from './cpu-catalogue.ts';

describe('CPU catalogue', () => {
  it.each([
    ['Intel(R) Xeon(R) CPU E5-2680 0 @ 2.70GHz', 'e5-v1'],
    ['Intel(R) Xeon(R) CPU E5-2680 v2 @ 2.80GHz', 'e5-v2'],
    ['Intel(R) Xeon(R) CPU E5-2697 v3 @ 2.60GHz', 'e5-v3'],
    ['Intel(R) Xeon(R) CPU E5-2698 v4 @ 2.20GHz', 'e5-v4'],
    ['Intel(R) Xeon(R) CPU E7-8890 v4 @ 2.20GHz', 'e7-v4'],
    ['Intel(R) Xeon(R) CPU E7- 4870  @ 2.40GHz', 'westmere-ex'],
    ['Intel(R) Xeon(R) CPU E7-4870 @ 2.40GHz', 'westmere-ex'],
    ['Intel(R) Xeon(R) CPU           X5670  @ 2.93GHz', 'westmere-ep'],
    ['Intel(R) Xeon(R) Gold 6130 CPU @ 2.10GHz', 'xs-1'],
    ['Intel(R) Xeon(R) Gold 6248R CPU @ 3.00GHz', 'xs-2'],
    ['Intel(R) Xeon(R) Gold 5218 CPU @ 2.30GHz', 'xs-2'],
    ['Intel(R) Xeon(R) Platinum 8380 CPU @ 2.30GHz', 'xs-3'],
    ['Intel(R) Xeon(R) Platinum 8480+', 'xs-4'],
    ['INTEL(R) XEON(R) GOLD 6548Y+', 'xs-5'],
    ['Intel(R) Xeon(R) 6980P', 'x6-p'],
    ['Intel(R) Xeon(R) 6780E', 'x6-e'],
    ['AMD EPYC 7601 32-Core Processor', 'epyc-7001'],
    ['AMD EPYC 7742 64-Core Processor', 'epyc-7002'],
    ['AMD EPYC 7543 32-Core Processor', 'epyc-7003'],
    ['AMD EPYC 9654 96-Core Processor', 'epyc-9004'],
    ['AMD EPYC 9754 128-Core Processor', 'epyc-9004-dense'],
    ['AMD EPYC 9755 128-Core Processor', 'epyc-9005'],
    ['AMD EPYC 9965 192-Core Processor', 'epyc-9005-dense'],
    ['AMD Opteron(tm) Processor 6376', null],
    ['', null],
  ])('matches %j to %s', (text, id) => {
    expect(cpuFamilyOf(text)?.id ?? null).toBe(id);
  });

  it('rates newer generations higher per core than the 2012 E5 v1 they replace', () => {
    const e5 = rateCpuModel('Intel(R) Xeon(R) CPU E5-2680 0 @ 2.70GHz')?.ratingPerCore ?? 0;
    for (const m of ['Intel(R) Xeon(R) Gold 6248R CPU @ 3.00GHz', 'AMD EPYC 7543 32-Core Processor', 'AMD EPYC 9654 96-Core Processor']) {
      expect(rateCpuModel(m)?.ratingPerCore ?? 0).toBeGreaterThan(e5);
    }
  });

  it('scales a family rating by the square root of the named clock, within +-25 %', () => {
    const ref = CPU_FAMILIES.find((f) => f.id === 'xs-2');
    const r = rateCpuModel('Intel(R) Xeon(R) Gold 6248R CPU @ 3.00GHz');
    expect(r?.ratingPerCore).toBe(Math.round((ref?.ratingPerCore ?? 0) * Math.sqrt(3 / (ref?.reference.ghz ?? 1))));
    const slow = rateCpuModel('Intel(R) Xeon(R) Gold 5218 CPU @ 0.50GHz');
    expect(slow?.ratingPerCore).toBe(Math.round((ref?.ratingPerCore ?? 0) * 0.75));
  });

  it('every family cites its source and every choice rates back to its own family', () => {
    for (const f of CPU_FAMILIES) expect(f.source).toMatch(/spec\.org/);
    for (const c of catalogueChoices()) expect(cpuFamilyOf(c.model)?.id).toBe(c.family.id);
  });

  it('the default host model takes its CPU from the catalogue and is not slower per core than 2012 CPUs', () => {
    expect(DEFAULT_HOST_MODEL.cpuModel).toBeDefined();
    expect(DEFAULT_HOST_MODEL.ratingPerCore).toBe(rateCpuModel(DEFAULT_HOST_MODEL.cpuModel ?? '')?.ratingPerCore);
    expect(DEFAULT_HOST_MODEL.ratingPerCore).toBeGreaterThan(rateCpuModel('Intel(R) Xeon(R) CPU E5-2690 0 @ 2.90GHz')?.ratingPerCore ?? Infinity);
  });
});
