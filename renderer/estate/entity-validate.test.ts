import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateProject } from '../../core/sample/generate.ts';
import { integrityProblems } from '../../core/model/validate.ts';
import { Estate as EstateSchema } from '../../core/model/schema.ts';
import { applyPatches, diffEntity, diffEstate, type EntityOf } from '../store/edits.ts';
import { ENTITY_SPECS, DATA_CENTRES, APPLICATIONS, WAN_LINKS, ZONES, type SpecCollection } from './entity-specs.ts';
import { entityForm, estateForm, newEntityId, validateEntity, validateEstateSettings } from './entity-validate.ts';

const project = generateProject({ servers: 120, weeks: 1 });
const estate = project.estate;
const COLLECTIONS = Object.keys(ENTITY_SPECS) as SpecCollection[];
const first = (c: SpecCollection) => (estate[c] as readonly ({ id: string } & Record<string, unknown>)[])[0];

describe('generic entity validation', () => {
  it.each(COLLECTIONS)('%s: the form of every entity validates back to the same entity', (c) => {
    const spec = ENTITY_SPECS[c];
    for (const e of estate[c] as readonly ({ id: string } & Record<string, unknown>)[]) {
      const r = validateEntity(spec, entityForm(spec, e), estate, e);
      expect(r).toEqual({ ok: true, value: e });
    }
  });

  it('names the field of each bad value', () => {
    const dc = first('dataCentres');
    const form = { ...entityForm(DATA_CENTRES, dc), latitude: '91', longitude: 'east', tier: '2.5', powerKw: '-1', timeZone: 'Mars/Olympus', status: 'maybe' };
    const r = validateEntity(DATA_CENTRES, form, estate, dc);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toMatchObject({
        latitude: 'must be between -90 and 90',
        longitude: 'must be a number (or empty for none)',
        tier: 'must be a whole number',
        powerKw: 'must not be negative',
        status: 'must be one of keep, close, candidate',
      });
      expect(r.errors.timeZone).toMatch(/not a known IANA time zone/);
    }
  });

  it('refuses duplicate names (ignoring case and spaces) and duplicate ids of new entities', () => {
    const [a, b] = estate.dataCentres;
    const r = validateEntity(DATA_CENTRES, { ...entityForm(DATA_CENTRES, a), name: ` ${b.name.toUpperCase()} ` }, estate, a);
    expect(r).toEqual({ ok: false, errors: { name: `is already used by another data centre (${b.id})` } });
    const fresh = { ...entityForm(DATA_CENTRES, DATA_CENTRES.blank('', estate)), name: 'Frankfurt 1', id: a.id };
    expect(validateEntity(DATA_CENTRES, fresh, estate, null)).toMatchObject({ ok: false, errors: { id: `is already used by another data centre (${a.id})` } });
  });

  it('refuses references to entities that do not exist, and a link to itself', () => {
    const app = first('applications');
    expect(validateEntity(APPLICATIONS, { ...entityForm(APPLICATIONS, app), departmentId: 'dept-gone' }, estate, app)).toMatchObject({
      ok: false,
      errors: { departmentId: 'refers to a department that does not exist (dept-gone)' },
    });
    const link = first('wanLinks');
    expect(validateEntity(WAN_LINKS, { ...entityForm(WAN_LINKS, link), b: link.a as string }, estate, link)).toMatchObject({ ok: false, errors: { b: 'must differ from endpoint A' } });
    const zone = first('zones');
    expect(validateEntity(ZONES, { ...entityForm(ZONES, zone), allowedDataCentreIds: ['dc-gone'] }, estate, zone)).toMatchObject({ ok: false, errors: { allowedDataCentreIds: expect.stringMatching(/dc-gone/) } });
  });

  it('keeps the tiers an application\'s servers use', () => {
    const s = estate.servers.find((x) => x.applicationId !== null && x.tier !== null)!;
    const app = estate.applications.find((a) => a.id === s.applicationId)!;
    const tiers = app.tiers.filter((t) => t !== s.tier).join(', ') || 'other';
    const r = validateEntity(APPLICATIONS, { ...entityForm(APPLICATIONS, app), tiers }, estate, app);
    expect(r).toMatchObject({ ok: false, errors: { tiers: expect.stringContaining(s.tier!) } });
  });

  it('a new entity gets an id from its name and is inserted, and undo removes it', () => {
    const id = newEntityId(DATA_CENTRES, 'Frankfurt Main 2', estate.dataCentres);
    expect(id).toBe('dc-frankfurt-main-2');
    const form = { ...entityForm(DATA_CENTRES, DATA_CENTRES.blank('', estate)), id, name: 'Frankfurt Main 2', latitude: '50.11', longitude: '8.68', timeZone: 'Europe/Berlin' };
    const r = validateEntity(DATA_CENTRES, form, estate, null);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const patch = { collection: 'dataCentres' as const, id, insert: r.value as EntityOf<'dataCentres'> };
    const after = applyPatches(project, [patch], 'after');
    expect(after.estate.dataCentres.at(-1)).toMatchObject({ id, latitude: 50.11, longitude: 8.68, timeZone: 'Europe/Berlin' });
    expect(integrityProblems(after.estate)).toEqual([]);
    expect(applyPatches(after, [patch], 'before').estate).toEqual(estate);
  });

  it('whatever is typed, an accepted form gives an entity the schema and the integrity check accept (fuzzed)', () => {
    const text = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('', ' 12 ', '-3', '1e3', '99.99', 'NaN', 'Infinity', '1,024', '0', '91', '-181'));
    fc.assert(
      fc.property(fc.constantFrom(...COLLECTIONS), fc.dictionary(fc.string({ maxLength: 3 }), text), fc.nat(), (c, noise, pick) => {
        const spec = ENTITY_SPECS[c];
        const list = estate[c] as readonly ({ id: string } & Record<string, unknown>)[];
        const e = list[pick % list.length];
        const form = { ...entityForm(spec, e) };
        spec.fields.forEach((f, i) => {
          const v = Object.values(noise)[i];
          if (v !== undefined && f.kind !== 'bool' && f.kind !== 'refs') form[f.key] = v;
        });
        const r = validateEntity(spec, form, estate, e);
        if (!r.ok) {
          for (const k of Object.keys(r.errors)) expect(['id', ...spec.fields.map((f) => f.key)]).toContain(k);
          return;
        }
        const patch = diffEntity(c, e as EntityOf<typeof c>, r.value as EntityOf<typeof c>);
        const after = patch ? applyPatches(project, [patch], 'after').estate : estate;
        expect(EstateSchema.safeParse(after).success).toBe(true);
        expect(integrityProblems(after)).toEqual([]);
      }),
      { numRuns: 300, seed: 16 },
    );
  });
});

describe('estate settings', () => {
  it('sets client, currency and horizon as one undoable patch', () => {
    const r = validateEstateSettings({ ...estateForm(estate), client: 'Acme Corp', currency: 'eur', horizonMonths: '60' }, estate);
    expect(r).toMatchObject({ ok: true, value: { client: 'Acme Corp', currency: 'EUR', horizonMonths: 60 } });
    if (!r.ok) return;
    const patch = diffEstate(estate, r.value)!;
    expect(Object.keys(patch.after).sort()).toEqual(['client', 'currency', 'horizonMonths']);
    const after = applyPatches(project, [patch], 'after');
    expect(after.estate).toMatchObject({ client: 'Acme Corp', currency: 'EUR', horizonMonths: 60 });
    expect(after.estate.servers).toBe(estate.servers);
    expect(applyPatches(after, [patch], 'before').estate).toEqual(estate);
  });

  it('names the bad settings', () => {
    const r = validateEstateSettings({ ...estateForm(estate), name: ' ', currency: 'EURO', horizonMonths: '0' }, estate);
    expect(r).toEqual({ ok: false, errors: { name: 'must not be empty', currency: 'must be a 3-letter code (e.g. USD, EUR)', horizonMonths: 'must be between 1 and 240' } });
  });
});
