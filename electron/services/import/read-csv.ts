/**
 * CSV file -> Table, streamed: the file is read in chunks into the incremental parser (core/import/csv.ts),
 * refused above a size limit, and rejected early when it is binary. UTF-8 (with or without BOM) and UTF-16
 * with a BOM (Excel's "Unicode text") are read.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { createCsvParser, parseCsv, CsvLimitError, type CsvLimits } from '../../../core/import/csv.ts';
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
  let encoding: BufferEncoding = 'utf8';
  if (head[0] === 0xff && head[1] === 0xfe) encoding = 'utf16le';
  else if (head[0] === 0xfe && head[1] === 0xff) throw new ImportError(`${name}: UTF-16 big-endian text is not supported; save the file as UTF-8 CSV`);
  else if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03) throw new ImportError(`${name}: this is a zip archive (an xlsx workbook?), not a CSV text file`);
  else if (head.includes(0)) throw new ImportError(`${name}: binary content, not a CSV text file`);
  const parser = createCsvParser({ limits: options.limits });
  try {
    const stream = createReadStream(file, { encoding, highWaterMark: 1 << 20 });
    let lines = 0;
    for await (const chunk of stream) {
      const text = typeof chunk === 'string' ? chunk : String(chunk);
      parser.push(text);
      if (options.onRows) {
        for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
        options.onRows(lines);
      }
    }
  } catch (e) {
    if (e instanceof CsvLimitError) throw new ImportError(`${name}: ${e.message}`, { file: name, sheet, row: e.row, column: null });
    throw new ImportError(`${name}: cannot read the file (${e instanceof Error ? e.message : String(e)})`);
  }
  const parsed = parser.end();
  const warnings: CsvRead['warnings'] = parsed.problems.map((p) => ({ message: p.message, at: { file: name, sheet, row: p.row, column: null } }));
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

/** The header row only (from the first 64 KB), to guess what a CSV holds before reading it all. */
export async function readCsvHeaders(file: string): Promise<string[]> {
  const head = await sniff(file, 65_536);
  const text = head[0] === 0xff && head[1] === 0xfe ? head.toString('utf16le') : head.toString('utf8');
  const parsed = parseCsv(text, { limits: { maxRows: 100_000 } });
  return (parsed.records[0] ?? []).map((h) => h.trim());
}
