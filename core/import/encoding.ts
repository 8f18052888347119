/**
 * Text encoding of an imported file, detected while it streams, so no byte is turned into U+FFFD silently.
 * - A byte-order mark decides: UTF-8 (EF BB BF), UTF-16 LE (FF FE) or UTF-16 BE (FE FF); the text must then be
 *   valid in that encoding, else the file is refused.
 * - Without one the file is read as UTF-8. If it turns out not to be valid UTF-8 before any valid non-ASCII
 *   character was seen, it is read as Windows-1252 (the Latin-1 superset Excel and older tools write) and the
 *   reader says so in a warning; invalid UTF-8 after valid non-ASCII text is refused (a file mixing encodings).
 * Pure (TextDecoder exists wherever core runs); the host's readers feed it the file's chunks.
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** The file's bytes are not text in any encoding the import reads. `offset`: the byte where that showed. */
export class EncodingError extends Error {
  override name = 'EncodingError';
  readonly offset: number;
  constructor(message: string, offset: number) {
    super(message);
    this.offset = offset;
  }
}

type Decoder = { decode(bytes?: Uint8Array, options?: { stream: boolean }): string };
type DecoderCtor = new (label: TextEncodingName, options: { fatal: boolean; ignoreBOM?: boolean }) => Decoder;
const TextDecoderCtor = (globalThis as unknown as { TextDecoder: DecoderCtor }).TextDecoder;

export type StreamDecoder = {
  /** The text of the next chunk of bytes (a character split across chunks comes out with the later one). */
  push(bytes: Uint8Array): string;
  /** The text of any bytes held back; throws EncodingError when the file ends inside a character. */
  end(): string;
  /** The encoding in use (known after the first push with 4 bytes or more, or after end). */
  encoding(): TextEncodingName;
  /** True when the file was not valid UTF-8 and is read as Windows-1252: the reader should warn. */
  guessed(): boolean;
};

const LABEL: Record<TextEncodingName, string> = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16 LE', 'utf-16be': 'UTF-16 BE', 'windows-1252': 'Windows-1252' };

/** How many bytes at the end of `b` start a UTF-8 sequence that is not complete yet (0..3). */
function incompleteTail(b: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, b.length); back++) {
    const x = b[b.length - back];
    if (x < 0x80) return 0;
    if (x >= 0xc0) {
      const need = x >= 0xf0 ? 4 : x >= 0xe0 ? 3 : 2;
      return need > back ? back : 0;
    }
  }
  return 0;
}

/**
 * Where the valid UTF-8 of `b` ends (b.length when all of it is valid; an incomplete character at the very end
 * counts as invalid), and whether a non-ASCII character came before that point.
 */
function utf8Scan(b: Uint8Array): { validUpTo: number; nonAscii: boolean } {
  let nonAscii = false;
  let i = 0;
  while (i < b.length) {
    const x = b[i];
    if (x < 0x80) {
      i++;
      continue;
    }
    const need = x >= 0xc2 && x <= 0xdf ? 1 : x >= 0xe0 && x <= 0xef ? 2 : x >= 0xf0 && x <= 0xf4 ? 3 : -1;
    if (need < 0 || i + need >= b.length) return { validUpTo: i, nonAscii };
    const second = b[i + 1];
    const lo = x === 0xe0 ? 0xa0 : x === 0xf0 ? 0x90 : 0x80;
    const hi = x === 0xed ? 0x9f : x === 0xf4 ? 0x8f : 0xbf;
    if (second < lo || second > hi) return { validUpTo: i, nonAscii };
    for (let k = 2; k <= need; k++) if ((b[i + k] & 0xc0) !== 0x80) return { validUpTo: i, nonAscii };
    nonAscii = true;
    i += need + 1;
  }
  return { validUpTo: b.length, nonAscii };
}

/**
 * Windows-1252 bytes 0x80..0x9F (the rest equal their code points, as in Latin-1). Written out because Node's
 * TextDecoder reads this label as ISO-8859-1 (0x80 -> U+0080, not the euro sign). 0x81, 0x8D, 0x8F, 0x90 and
 * 0x9D are undefined and stay the C1 control they map to, which the name checks then refuse.
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

export function decodeWindows1252(b: Uint8Array): string {
  const text = new TextDecoderCtor('windows-1252', { fatal: false }).decode(b);
  return text.replace(/[\x80-\x9f]/g, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80]));
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

export function createStreamDecoder(): StreamDecoder {
  let encoding: TextEncodingName | null = null;
  let guessed = false;
  let head: Uint8Array = new Uint8Array(0); // bytes before the encoding is known (fewer than 4)
  let carry: Uint8Array = new Uint8Array(0); // UTF-8: an incomplete character at the end of the last chunk
  let offset = 0; // bytes consumed before `carry`
  let sawNonAscii = false;
  let bomDecoder: Decoder | null = null;
  const strictUtf8 = new TextDecoderCtor('utf-8', { fatal: true, ignoreBOM: true });

  const start = (bytes: Uint8Array): Uint8Array => {
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      encoding = 'utf-8';
      offset = 3;
      return bytes.subarray(3);
    }
    const bom: TextEncodingName | null = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
    if (bom !== null) {
      encoding = bom;
      bomDecoder = new TextDecoderCtor(bom, { fatal: true, ignoreBOM: false });
      return bytes;
    }
    encoding = 'utf-8';
    return bytes;
  };

  const decode = (bytes: Uint8Array, final: boolean): string => {
    if (bomDecoder !== null) {
      try {
        const text = bomDecoder.decode(bytes, { stream: !final });
        offset += bytes.length;
        return text;
      } catch {
        throw new EncodingError(`the file starts with a ${LABEL[encoding ?? 'utf-16le']} byte-order mark but is not valid ${LABEL[encoding ?? 'utf-16le']} text (after byte ${offset})`, offset);
      }
    }
    if (guessed) {
      offset += bytes.length;
      return decodeWindows1252(bytes);
    }
    const all = concat(carry, bytes);
    const keep = final ? 0 : incompleteTail(all);
    const whole = all.subarray(0, all.length - keep);
    const scan = utf8Scan(whole);
    if (scan.validUpTo === whole.length) {
      if (scan.nonAscii) sawNonAscii = true;
      offset += whole.length;
      carry = all.slice(all.length - keep);
      return strictUtf8.decode(whole);
    }
    if (sawNonAscii || scan.nonAscii) {
      throw new EncodingError(`the text is UTF-8 up to byte ${offset + scan.validUpTo}, then holds bytes that are not UTF-8: the file mixes encodings; save it as UTF-8`, offset + scan.validUpTo);
    }
    // Nothing but ASCII so far, which reads the same in Windows-1252: read the rest (and what is held) as that.
    guessed = true;
    encoding = 'windows-1252';
    carry = new Uint8Array(0);
    offset += all.length;
    return decodeWindows1252(all);
  };

  return {
    push(bytes) {
      if (encoding === null) {
        head = concat(head, bytes);
        if (head.length < 4) return '';
        const rest = start(head);
        head = new Uint8Array(0);
        return decode(rest, false);
      }
      return decode(bytes, false);
    },
    end() {
      if (encoding === null) {
        const rest = start(head);
        head = new Uint8Array(0);
        return decode(rest, true);
      }
      return decode(new Uint8Array(0), true);
    },
    encoding: () => encoding ?? 'utf-8',
    guessed: () => guessed,
  };
}

/** The whole text of `bytes` (see createStreamDecoder), with the encoding used and whether it was guessed. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName; guessed: boolean } {
  const d = createStreamDecoder();
  const text = d.push(bytes) + d.end();
  return { text, encoding: d.encoding(), guessed: d.guessed() };
}

export function encodingLabel(e: TextEncodingName): string {
  return LABEL[e];
}
