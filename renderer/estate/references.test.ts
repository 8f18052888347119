import { describe, expect, it } from 'vitest';
import { generateProject } from '../../core/sample/generate.ts';
import { integrityProblems } from '../../core/model/validate.ts';
import type { Estate } from '../../core/model/schema.ts';
import { applyPatches } from '../store/edits.ts';
import { ENTITY_SPECS, type SpecCollection } from './entity-specs.ts';
import { deletePatches, findReferences } from './references.ts';

const project = generateProject({ servers: 240, weeks: 1 });
const estate = project.estate;
const COLLECTIONS = Object.keys(ENTITY_SPECS) as SpecCollection[];
const ids = (e: Estate, c: SpecCollection): string[] => (e[c] as readonly { id: string }[]).map((x) => x.id);

/** Every id anywhere in the estate's JSON other than in its own collection's `id` fields. */
function mentions(e: Estate, c: SpecCollection, id: string): boolean {
  const others = { ...e, [c]: [] };
  return JSON.stringify(others).includes(JSON.stringify(id));
}

describe('deleting an entity that others refer to', () => {
  it('the sample has references of every kind to delete', () => {
    for (const c of ['dataCentres', 'departments', 'applications', 'zones', 'products', 'hostModels', 'licenceModels', 'userSites'] as const) {
      expect(estate[c].some((x) => findReferences(estate, c, x.id).length > 0), c).toBe(true);
    }
  });

  it.each(COLLECTIONS)('%s: reassigning keeps the estate whole, and undo restores it exactly', (c) => {
    const list = ids(estate, c);
    if (list.length < 2) return;
    const [victim, heir] = [list[0], list[1]];
    const patches = deletePatches(estate, c, victim, { kind: 'reassign', to: heir });
    const after = applyPatches(project, patches, 'after');
    expect(ids(after.estate, c)).not.toContain(victim);
    expect(integrityProblems(after.estate)).toEqual([]);
    expect(findReferences(after.estate, c, victim)).toEqual([]);
    const undone = applyPatches(after, patches, 'before');
    expect(undone.estate).toEqual(estate);
  });

  it.each(COLLECTIONS)('%s: clearing is refused for required references, and otherwise leaves no trace', (c) => {
    for (const victim of ids(estate, c).slice(0, 4)) {
      const refs = findReferences(estate, c, victim);
      if (refs.some((r) => r.required)) {
        expect(() => deletePatches(estate, c, victim, { kind: 'clear' })).toThrow(/reassign instead of clearing/);
        continue;
      }
      const patches = deletePatches(estate, c, victim, { kind: 'clear' });
      const after = applyPatches(project, patches, 'after');
      expect(integrityProblems(after.estate)).toEqual([]);
      if (c !== 'wanLinks') expect(mentions(after.estate, c, victim)).toBe(false);
      expect(applyPatches(after, patches, 'before').estate).toEqual(estate);
    }
  });

  it('moves the servers of a deleted application to the new one, keeping tiers it also has', () => {
    const [a, b] = estate.applications;
    const moved = estate.servers.filter((s) => s.applicationId === a.id);
    expect(moved.length).toBeGreaterThan(0);
    const after = applyPatches(project, deletePatches(estate, 'applications', a.id, { kind: 'reassign', to: b.id }), 'after').estate;
    for (const s of moved) {
      const now = after.servers.find((x) => x.id === s.id)!;
      expect(now.applicationId).toBe(b.id);
      expect(now.tier === null || b.tiers.includes(now.tier)).toBe(true);
    }
  });

  it('refuses to reassign to itself or to an id that does not exist', () => {
    const dc = estate.dataCentres[0].id;
    expect(() => deletePatches(estate, 'dataCentres', dc, { kind: 'reassign', to: dc })).toThrow(/cannot reassign/);
    expect(() => deletePatches(estate, 'dataCentres', dc, { kind: 'reassign', to: 'dc-nowhere' })).toThrow(/cannot reassign/);
    expect(() => deletePatches(estate, 'dataCentres', 'dc-nowhere', { kind: 'clear' })).toThrow(/no dataCentres entry/);
  });

  it('a WAN link reassigned onto its other endpoint goes with the deleted site', () => {
    const link = estate.wanLinks[0];
    const patches = deletePatches(estate, 'dataCentres', link.a, { kind: 'reassign', to: link.b });
    const after = applyPatches(project, patches, 'after').estate;
    expect(after.wanLinks.some((l) => l.id === link.id)).toBe(false);
    expect(integrityProblems(after)).toEqual([]);
  });
});
