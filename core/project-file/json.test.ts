import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jsonErrorOffset, lineColumn, parseJsonEntry } from './json.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('JSON entries', () => {
  it('parses valid JSON', () => {
    expect(parseJsonEntry('e.json', utf8('{"a":[1,2]}'), 100)).toEqual({ ok: true, value: { a: [1, 2] } });
  });
  it('says which entry is broken and where', () => {
    const r = parseJsonEntry('estate.json', utf8('{\n  "a": 1,\n  "b": tru\n}'), 1000);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('bad-json');
    expect(r.error.message).toContain('estate.json');
    expect(r.error.message).toMatch(/line 3, column \d+/);
  });
  it('reports JSON that stops early at its end', () => {
    const r = parseJsonEntry('series.json', utf8('{"a": [1, 2'), 1000);
    expect(!r.ok && r.error.message).toMatch(/series\.json.*line 1, column 12/);
  });
  it('refuses text that is not UTF-8 and JSON over the limit', () => {
    const bad = parseJsonEntry('estate.json', new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), 100);
    expect(!bad.ok && bad.error.code).toBe('bad-json');
    expect(!bad.ok && bad.error.message).toMatch(/UTF-8/);
    const big = parseJsonEntry('estate.json', utf8('[1,2,3]'), 3);
    expect(!big.ok && big.error.code).toBe('too-large');
  });
  it('locates the fault exactly when JSON.parse fails, and only then', () => {
    const parses = (t: string) => {
      try {
        JSON.parse(t);
        return true;
      } catch {
        return false;
      }
    };
    fc.assert(fc.property(fc.json(), (t) => jsonErrorOffset(t) === -1));
    const jsonish = fc.stringMatching(/^[\s{}[\]",:0-9.eE+\-tfnrulsa\\]{0,30}$/);
    fc.assert(fc.property(jsonish, (t) => (jsonErrorOffset(t) === -1) === parses(t)), { numRuns: 3000 });
    expect(jsonErrorOffset('{"a": 1,}')).toBe(8);
    expect(jsonErrorOffset('[1, 2')).toBe(5);
    expect(jsonErrorOffset('"a\\q"')).toBe(3);
    expect(jsonErrorOffset('[01]')).toBe(2);
    expect(jsonErrorOffset('[' .repeat(100_000))).toBe(100_000);
  });
  it('finds lines and columns', () => {
    expect(lineColumn('ab\ncd\nef', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('ab\ncd\nef', 4)).toEqual({ line: 2, column: 2 });
  });
});
