import { describe, expect, it } from 'vitest';
import { csvCell, tableCsv, tableCsvBytes } from './csv.ts';
import { escapeFormula } from './table.ts';

describe('CSV export', () => {
  it('escapes formula-looking text, quotes separators, keeps numbers', () => {
    expect(['=1+1', '+x', '-x', '@SUM(A1)', '\tx', '\rx'].map((c) => csvCell(c))).toEqual(["'=1+1", "'+x", "'-x", "'@SUM(A1)", "\"'\tx\"", "\"'\rx\""]);
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(-3.5)).toBe('-3.5');
    expect(csvCell(Number.NaN)).toBe('');
    expect(escapeFormula('a=b')).toBe('a=b');
  });

  it('writes header and rows with CRLF, and an optional BOM', () => {
    const t = { name: 'T', header: ['a', 'b'], rows: [['=x', 1], [null, 'ü']] };
    expect(tableCsv(t)).toBe("a,b\r\n'=x,1\r\n,ü\r\n");
    const bytes = tableCsvBytes(t, { bom: true });
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(tableCsvBytes(t)[0]).toBe(0x61);
  });
});

/** An RFC 4180 reader as a spreadsheet in a given locale reads a CSV: splits on `separator` outside quotes. */
function readAs(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (quoted) {
      if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) endCell();
    else if (c === '\r' && text[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else cell += c;
  }
  return rows;
}

const FORMULA_FIRST = /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\t\r]/;

describe('CSV export in every locale', () => {
  const hostile = ["y;=cmd|' /C calc'!A0;", '\uFF1D1+1', '\uFF0Bx', '\uFF0Dx', '\uFF20SUM(A1)', 'a\t=1+1', 'x, -2+3', 'plain', 'Müller; Söhne'];
  const table = { name: 'T', header: ['name', 'n'], rows: hostile.map((h, i) => [h, i + 0.5]) };

  for (const fileSep of [',', ';'] as const) {
    for (const localeSep of [',', ';', '\t']) {
      it(`a "${fileSep}" file read with list separator "${JSON.stringify(localeSep)}" keeps every cell whole and none starts a formula`, () => {
        const rows = readAs(tableCsv(table, fileSep), localeSep);
        const names = rows.slice(1).map((r) => r[0]);
        if (localeSep === fileSep) {
          expect(rows.every((r) => r.length === 2)).toBe(true);
          // Each name comes back whole, at most with the apostrophe that keeps it text.
          expect(names.map((n, i) => (n === `'${hostile[i]}` ? hostile[i] : n))).toEqual(hostile);
        }
        // Whatever the reader's separator, no cell it makes starts like a formula.
        for (const r of rows) for (const cell of r) expect(cell).not.toMatch(FORMULA_FIRST);
      });
    }
  }

  it('quotes the semicolon payload and prefixes it, and prefixes full-width formula starts', () => {
    expect(csvCell("y;=cmd|' /C calc'!A0;")).toBe("\"'y;=cmd|' /C calc'!A0;\"");
    expect(csvCell('\uFF1D1+1')).toBe("'\uFF1D1+1");
    expect(csvCell('Müller; Söhne')).toBe('"Müller; Söhne"');
    expect(csvCell('a\tb')).toBe('"a\tb"');
  });

  it('a ";" file writes decimal commas and a BOM when asked', () => {
    const t = { name: 'T', header: ['a', 'b'], rows: [['x', 2.5]] };
    expect(tableCsv(t, ';')).toBe('a;b\r\nx;2,5\r\n');
    expect([...tableCsvBytes(t, { bom: true, separator: ';' }).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});
