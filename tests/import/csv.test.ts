import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCsvParser, CsvLimitError, detectDelimiter, parseCsv, type CsvDelimiter } from '../../core/import/csv.ts';

function toCsv(rows: string[][], d: string): string {
  return rows.map((r) => r.map((c) => (/[",;\t|\r\n]/.test(c) || c === '' ? `"${c.replace(/"/g, '""')}"` : c)).join(d)).join('\r\n');
}

describe('CSV parser', () => {
  it('reads quotes, escaped quotes, line breaks in cells, CRLF and a BOM', () => {
    const r = parseCsv('\uFEFFname,note\r\n"a, b","say ""hi""\nthere"\r\nc,\n\nd,x');
    expect(r.records).toEqual([['name', 'note'], ['a, b', 'say "hi"\nthere'], ['c', ''], ['d', 'x']]);
    expect(r.rowNumbers).toEqual([1, 2, 3, 5]);
    expect(r.delimiter).toBe(',');
    expect(r.problems).toEqual([]);
  });

  it('detects semicolon and tab delimiters from the header line', () => {
    expect(parseCsv('a;b;c\n1;2,5;3').records).toEqual([['a', 'b', 'c'], ['1', '2,5', '3']]);
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('"x;y",b,c')).toBe(',');
  });

  it('reports an unclosed quote (a truncated file) with its row', () => {
    const r = parseCsv('a,b\n1,2\n3,"unfinished');
    expect(r.records[2]).toEqual(['3', 'unfinished']);
    expect(r.problems).toEqual([{ row: 3, message: expect.stringMatching(/row 3 is never closed: the file looks truncated/) }]);
  });

  it('stops at its limits with an error naming the row', () => {
    expect(() => parseCsv('a\n1\n2\n3', { limits: { maxRows: 2 } })).toThrow(CsvLimitError);
    expect(() => parseCsv('a,b,c', { limits: { maxColumns: 2 } })).toThrow(/row 1 has more than 2 columns/);
    expect(() => parseCsv(`a\n"${'x'.repeat(50)}`, { limits: { maxCellChars: 10 } })).toThrow(/row 2: a quoted cell is longer than 10/);
  });

  it('round-trips any table written with quoting, with any delimiter and any chunking', () => {
    const cell = fc.string({ maxLength: 8, unit: fc.constantFrom('a', 'b', ' ', ',', ';', '"', '\n', '\r', '\t', 'é', '|') });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 8 }).map((rows) => rows.map((r) => r.slice(0, 2))),
        fc.constantFrom<CsvDelimiter>(',', ';', '\t', '|'),
        fc.array(fc.nat(40), { maxLength: 6 }),
        (rows, d, cuts) => {
          const text = toCsv(rows, d);
          const p = createCsvParser({ delimiter: d });
          let at = 0;
          for (const c of [...cuts].sort((x, y) => x - y)) {
            p.push(text.slice(at, Math.max(at, c)));
            at = Math.max(at, c);
          }
          p.push(text.slice(at));
          const out = p.end();
          expect(out.records).toEqual(rows);
          expect(out.problems).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws (other than at a limit) and never hangs on random or mutated text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400, unit: fc.constantFrom('a', '1', ',', ';', '"', '\n', '\r', '\t', '\uFEFF', ' ', '\u0000') }), (text) => {
        let r: ReturnType<typeof parseCsv>;
        try {
          r = parseCsv(text, { limits: { maxRows: 1000, maxColumns: 500, maxCellChars: 1000 } });
        } catch (e) {
          // The only refusal below the limits: a NUL character, named by row and column.
          expect(e).toBeInstanceOf(CsvLimitError);
          expect(text).toContain('\u0000');
          expect(String(e)).toMatch(/row \d+, column \d+: a NUL character/);
          return;
        }
        for (const rec of r.records) expect(rec.length).toBeGreaterThan(0);
        expect(r.rowNumbers.length).toBe(r.records.length);
      }),
      { numRuns: 500 },
    );
  });
});
