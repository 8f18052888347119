import { describe, expect, it } from 'vitest';
import { DEFAULT_HOST_MODEL, emptyEstate } from '../model/defaults.ts';
import type { Estate, Scenario } from '../model/schema.ts';
import { reportWarnings } from './warnings.ts';

const scenario: Scenario = {
  id: 's',
  name: 'S',
  description: '',
  keptDataCentreIds: ['dc-a'],
  defaultHostModelId: DEFAULT_HOST_MODEL.id,
  hostModelByDataCentre: {},
  rules: {},
  licenceModelIds: [],
  pins: [],
  seed: 1,
};
const untitled: Estate = { ...emptyEstate('Untitled'), scenarios: [scenario] };

describe('report warnings', () => {
  it('a new project warns about its name, the missing client and the placeholder host model', () => {
    expect(untitled.hostModels.map((h) => h.name)).toEqual([expect.stringContaining('(edit me)')]);
    expect(reportWarnings(untitled, scenario).map((w) => w.fix)).toEqual([
      { tab: 'settings', id: null, label: 'Name the project' },
      { tab: 'settings', id: null, label: 'Set the client' },
      { tab: 'hostModels', id: DEFAULT_HOST_MODEL.id, label: 'Edit the host model' },
    ]);
  });

  it('says nothing once the project, the client and the host model are named', () => {
    const named: Estate = { ...untitled, name: 'Acme consolidation', client: 'Acme Logistics', hostModels: [{ ...DEFAULT_HOST_MODEL, name: 'Dell R760' }] };
    expect(reportWarnings(named, scenario)).toEqual([]);
  });

  it('a client literally called "untitled" warns; a placeholder model the scenario does not use does not', () => {
    const e: Estate = {
      ...untitled,
      name: 'P',
      client: ' UNTITLED ',
      hostModels: [{ ...DEFAULT_HOST_MODEL, id: 'hm-real', name: 'Real' }, DEFAULT_HOST_MODEL],
    };
    const s = { ...scenario, defaultHostModelId: 'hm-real' };
    expect(reportWarnings(e, s).map((w) => w.message)).toEqual(['The client is called "UNTITLED".']);
    // a per-site override brings it back
    expect(reportWarnings(e, { ...s, hostModelByDataCentre: { 'dc-a': DEFAULT_HOST_MODEL.id } })).toHaveLength(2);
  });

  it('a licence model in force at price 0 warns', () => {
    const e: Estate = {
      ...untitled,
      name: 'P',
      client: 'C',
      hostModels: [{ ...DEFAULT_HOST_MODEL, name: 'Real' }],
      products: [{ id: 'p', name: 'DB', vendor: '' }],
      licenceModels: [{ id: 'l', productId: 'p', name: 'DB per core', metric: 'per-host-core', price: 0, minCoresPerHost: 0 }],
    };
    expect(reportWarnings(e, scenario)).toEqual([]);
    expect(reportWarnings(e, { ...scenario, licenceModelIds: ['l'] }).map((w) => w.fix)).toEqual([{ tab: 'licenceModels', id: 'l', label: 'Set its price' }]);
  });
});
