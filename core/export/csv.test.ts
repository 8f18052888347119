import { describe, expect, it } from 'vitest';
import { csvCell, tableCsv, tableCsvBytes } from './csv.ts';
import { escapeFormula } from './table.ts';

describe('CSV export', () => {
  it('escapes formula-looking text, quotes separators, keeps numbers', () => {
    expect(['=1+1', '+x', '-x', '@SUM(A1)', '\tx', '\rx'].map(csvCell)).toEqual(["'=1+1", "'+x", "'-x", "'@SUM(A1)", "'\tx", "\"'\rx\""]);
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
