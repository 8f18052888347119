/**
 * CSV file -> Table, streamed: the file is read in chunks into the incremental parser (core/import/csv.ts),
 * refused above a size limit, and rejected early when it is binary. The text encoding is detected while
 * reading (core/import/encoding.ts): UTF-8, UTF-16 LE/BE with a BOM (Excel's "Unicode text"), or Windows-1252
 * when the bytes are not UTF-8 (with a warning naming the file); a file that is none of these is refused.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { createCsvParser, parseCsv, CsvLimitError, type CsvLimits } from '../../../core/import/csv.ts';
import { createStreamDecoder, EncodingError, type StreamDecoder } from '../../../core/import/encoding.ts';
import { ImportError } from '../../../core/import/errors.ts';
import type { RowRef, Table } from '../../../core/import/table.ts';
import { checkSize } from './read-xlsx.ts';

export const DEFAULT_MAX_CSV_BYTES = 256 * 1024 * 1024;

export type CsvReadOptions = {
  maxBytes?: number;
  limits?: Partial<CsvLimits>;
  displayName?: string;
  sheet?: string | null;
  /** Called after each chunk with the lines read so far (progress). */
  onRows?: (rows: number) => void;
};
export type CsvRead = { table: Table; warnings: { message: string; at: RowRef }[] };

async function sniff(file: string, bytes = 4096): Promise<Buffer> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await fh.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

export async function readCsv(file: string, options: CsvReadOptions = {}): Promise<CsvRead> {
  const name = options.displayName ?? path.basename(file);
  const sheet = options.sheet ?? null;
  await checkSize(file, options.maxBytes ?? DEFAULT_MAX_CSV_BYTES, name);
  const head = await sniff(file);
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03) throw new ImportError(`${name}: this is a zip archive (an xlsx workbook?), not a CSV text file`);
  const utf16Bom = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (!utf16Bom && head.includes(0)) throw new ImportError(`${name}: binary content (NUL bytes), or UTF-16 text without a byte-order mark; not a CSV text file`);
  const parser = createCsvParser({ limits: options.limits });
  const decoder = createStreamDecoder();
  try {
    const stream = createReadStream(file, { highWaterMark: 1 << 20 });
    let lines = 0;
    for await (const chunk of stream) {
      const text = decoder.push(chunk as Buffer);
      parser.push(text);
      if (options.onRows) {
        for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
        options.onRows(lines);
      }
    }
    parser.push(decoder.end());
  } catch (e) {
    throw readFailure(e, name, sheet, decoder);
  }
  const parsed = parser.end();
  const warnings: CsvRead['warnings'] = parsed.problems.map((p) => ({ message: p.message, at: { file: name, sheet, row: p.row, column: null } }));
  if (decoder.guessed()) {
    warnings.unshift({ message: `${name} is not UTF-8: read as Windows-1252 (Latin-1); check accented names, or save the file as UTF-8 CSV`, at: { file: name, sheet, row: null, column: null } });
  }
  if (parsed.records.length === 0) throw new ImportError(`${name}: the file is empty (no header row)`);
  const headers = parsed.records[0].map((h) => h.trim());
  const rows = parsed.records.slice(1);
  const rowNumbers = parsed.rowNumbers.slice(1);
  rows.forEach((r, i) => {
    if (r.length > headers.length && r.slice(headers.length).some((c) => c.trim() !== '')) {
      warnings.push({ message: `row has ${r.length} cells but the header has ${headers.length}: extra cells ignored`, at: { file: name, sheet, row: rowNumbers[i], column: null } });
    }
  });
  return { table: { file: name, sheet, headers, rows, rowNumbers }, warnings };
}

/** A failure while reading as an ImportError naming the file, row and column where known. */
function readFailure(e: unknown, name: string, sheet: string | null, decoder: StreamDecoder): ImportError {
  if (e instanceof CsvLimitError) return new ImportError(e.message, { file: name, sheet, row: e.row, column: e.column === null ? null : `#${e.column}` });
  if (e instanceof EncodingError) return new ImportError(`${e.message} (read as ${decoder.encoding()})`, { file: name, sheet, row: null, column: null });
  return new ImportError(`${name}: cannot read the file (${e instanceof Error ? e.message : String(e)})`);
}

/** The header row only (from the first 64 KB), to guess what a CSV holds before reading it all. */
export async function readCsvHeaders(file: string, displayName = path.basename(file)): Promise<string[]> {
  const head = await sniff(file, 65_536);
  const decoder = createStreamDecoder();
  try {
    const parsed = parseCsv(decoder.push(head), { limits: { maxRows: 100_000 } });
    return (parsed.records[0] ?? []).map((h) => h.trim());
  } catch (e) {
    throw readFailure(e, displayName, null, decoder);
  }
}
