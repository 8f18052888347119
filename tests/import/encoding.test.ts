import { describe, expect, it } from 'vitest';
import { createStreamDecoder, decodeText, EncodingError } from '../../core/import/encoding.ts';

/** Feed `bytes` to a stream decoder in pieces of `size` bytes. */
function inPieces(bytes: Uint8Array, size: number) {
  const d = createStreamDecoder();
  let text = '';
  for (let i = 0; i < bytes.length; i += size) text += d.push(bytes.subarray(i, i + size));
  text += d.end();
  return { text, encoding: d.encoding(), guessed: d.guessed() };
}

const utf16 = (text: string, bigEndian: boolean) => {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + 2 * i + (bigEndian ? 1 : 0)] = c & 0xff;
    out[2 + 2 * i + (bigEndian ? 0 : 1)] = c >> 8;
  }
  return out;
};

const TEXT = 'name,site\r\nMüller-Straße 🚀,Zürich\r\n';

describe('import text encodings', () => {
  it('reads UTF-8 (with and without BOM) whatever the chunk boundaries, characters split across chunks included', () => {
    const bytes = new TextEncoder().encode(TEXT);
    for (const size of [1, 2, 3, 5, 7, 64]) {
      expect(inPieces(bytes, size)).toEqual({ text: TEXT, encoding: 'utf-8', guessed: false });
      expect(inPieces(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]), size).text).toBe(TEXT);
    }
  });

  it('reads UTF-16 LE and BE with a byte-order mark', () => {
    for (const size of [1, 3, 64]) {
      expect(inPieces(utf16(TEXT, false), size)).toEqual({ text: TEXT, encoding: 'utf-16le', guessed: false });
      expect(inPieces(utf16(TEXT, true), size)).toEqual({ text: TEXT, encoding: 'utf-16be', guessed: false });
    }
  });

  it('reads Latin-1 / Windows-1252 bytes as such, says it guessed, and makes no U+FFFD', () => {
    // "Müller;Café €5" in Windows-1252: ü = FC, é = E9, € = 80.
    const bytes = new Uint8Array([...new TextEncoder().encode('name\r\nM'), 0xfc, ...new TextEncoder().encode('ller;Caf'), 0xe9, 0x20, 0x80, 0x35]);
    for (const size of [1, 4, 100]) {
      const r = inPieces(bytes, size);
      expect(r).toEqual({ text: 'name\r\nMüller;Café €5', encoding: 'windows-1252', guessed: true });
      expect(r.text).not.toContain('\uFFFD');
    }
  });

  it('refuses a file that is UTF-8 and then not, and a UTF-16 file cut inside a character', () => {
    const mixed = new Uint8Array([...new TextEncoder().encode('Zürich\r\n'), 0x4d, 0xfc, 0x0d, 0x0a]);
    expect(() => decodeText(mixed)).toThrow(EncodingError);
    expect(() => decodeText(mixed)).toThrow(/mixes encodings/);
    expect(() => decodeText(utf16('ab', false).subarray(0, 5))).toThrow(/not valid UTF-16 LE/);
  });
});
