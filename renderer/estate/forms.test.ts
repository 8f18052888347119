import { describe, expect, it } from 'vitest';
import { parseNumber, serverForm, validateServerForm } from './forms.ts';
import { makeServer } from '../test/fixtures.ts';

const server = makeServer(1, 3, 2);
const refs = { dataCentreIds: new Set(['dc-0', 'dc-1', 'dc-2']), zoneIds: new Set(['z-pci']) };

describe('server editor validation', () => {
  it('accepts the form of a valid server unchanged', () => {
    const r = validateServerForm(server, serverForm(server), refs);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value).toMatchObject({ name: server.name, cores: server.cores, memoryGiB: server.memoryGiB });
  });

  it.each([
    ['0', 'must be a positive whole number'],
    ['-4', 'must be a positive whole number'],
    ['2.5', 'must be a whole number'],
    ['abc', 'must be a number'],
    ['', 'must be a number'],
  ])('refuses cores = %j', (cores, message) => {
    const r = validateServerForm(server, { ...serverForm(server), cores }, refs);
    expect(r).toEqual({ ok: false, errors: { cores: message } });
  });

  it('reports every bad field at once', () => {
    const r = validateServerForm(server, { ...serverForm(server), name: '  ', memoryGiB: '0', dataCentreId: 'dc-9', zoneId: 'z-x' }, refs);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors).sort()).toEqual(['dataCentreId', 'memoryGiB', 'name', 'zoneId']);
  });

  it('parses numbers as typed, trimming and accepting separators', () => {
    const r = validateServerForm(server, { ...serverForm(server), cores: ' 16 ', memoryGiB: '1,024' }, refs);
    expect(r).toMatchObject({ ok: true, value: { cores: 16, memoryGiB: 1024 } });
    expect(parseNumber('1e3')).toBe(1000);
    expect(parseNumber('12abc')).toBeNaN();
  });

  it('gives a non-virtualisable server a blocker', () => {
    const virt = makeServer(2, 3, 2);
    expect(virt.virtualisable).toBe(true);
    const r = validateServerForm(virt, { ...serverForm(virt), virtualisable: false, blockerKind: 'appliance' }, refs);
    expect(r).toMatchObject({ ok: true, value: { virtualisable: false, blocker: { kind: 'appliance' } } });
    const bad = validateServerForm(virt, { ...serverForm(virt), virtualisable: false, blockerKind: 'nope' }, refs);
    expect(bad.ok).toBe(false);
  });

  it('sets and clears the zone', () => {
    expect(validateServerForm(server, { ...serverForm(server), zoneId: 'z-pci' }, refs)).toMatchObject({ ok: true, value: { zoneId: 'z-pci' } });
    expect(validateServerForm(server, { ...serverForm(server), zoneId: '' }, refs)).toMatchObject({ ok: true, value: { zoneId: null } });
  });
});
