/**
 * An incremental RFC 4180 CSV parser: feed text chunks as they are read (so a reader can stream a file and
 * stop at a limit), get records with their row numbers. Quoted fields may hold delimiters, quotes ("") and
 * line breaks. The delimiter (comma, semicolon, tab or pipe) is detected from the first line unless given.
 * Bounded: more rows, columns or characters per cell than the limits is an error naming the row, never a hang.
 * A NUL character anywhere is an error naming its row and column (binary data is never imported as text).
 */

export type CsvDelimiter = ',' | ';' | '\t' | '|';

export type CsvLimits = { maxRows: number; maxColumns: number; maxCellChars: number };

export const DEFAULT_CSV_LIMITS: CsvLimits = { maxRows: 2_000_000, maxColumns: 1000, maxCellChars: 100_000 };

/**
 * Rows of a file with one row per server, site or link (inventory, sites, links): 4x the 50k servers the engine
 * plans, far below what a project file can hold. A larger file stops while it is read, not after.
 */
/** Rows of a file of servers, sites or links: room for the 200,000-row duplicate-name case of the scale tests, refused early past it. */
export const MAX_ESTATE_ROWS = 250_000;

export class CsvLimitError extends Error {
  override name = 'CsvLimitError';
  /** 1-based row (record) number where the limit was passed. */
  readonly row: number;
  /** 1-based column, when the problem is in one cell. */
  readonly column: number | null;
  constructor(message: string, row: number, column: number | null = null) {
    super(message);
    this.row = row;
    this.column = column;
  }
}

export type CsvRecords = {
  /** Records (header included), blank lines left out. */
  records: string[][];
  /** rowNumbers[i]: 1-based record number of records[i] as a spreadsheet would show it (blank lines count). */
  rowNumbers: number[];
  delimiter: CsvDelimiter;
  /** Structural problems that did not stop parsing (e.g. an unclosed quote at the end: a truncated file). */
  problems: { row: number; message: string }[];
};

export type CsvParser = { push(chunk: string): void; end(): CsvRecords };

export function detectDelimiter(firstLine: string): CsvDelimiter {
  const delimiters: readonly CsvDelimiter[] = [',', ';', '\t', '|'];
  const counts = delimiters.map((d): [CsvDelimiter, number] => [d, 0]);
  let inQuotes = false;
  for (const ch of firstLine) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes) for (const c of counts) if (c[0] === ch) c[1]++;
  }
  let best = counts[0];
  for (const c of counts) if (c[1] > best[1]) best = c;
  return best[0];
}

export function createCsvParser(options: { delimiter?: CsvDelimiter; limits?: Partial<CsvLimits> } = {}): CsvParser {
  const limits = { ...DEFAULT_CSV_LIMITS, ...options.limits };
  let delimiter: CsvDelimiter | null = options.delimiter ?? null;
  let pendingHead = '';
  const records: string[][] = [];
  const rowNumbers: number[] = [];
  const problems: { row: number; message: string }[] = [];
  let field = '';
  let record: string[] = [];
  let inQuotes = false;
  let quoteSeen = false; // the field was quoted (so "" is a value, not a blank)
  let afterQuote = false; // just read a quote inside a quoted field: "" or the closing quote
  let recordNo = 1;
  let quoteOpenedAt = 0;
  let first = true;
  let lastWasCR = false;

  const endField = () => {
    if (record.length >= limits.maxColumns) throw new CsvLimitError(`row ${recordNo} has more than ${limits.maxColumns} columns, the import limit`, recordNo, limits.maxColumns + 1);
    record.push(field);
    field = '';
    quoteSeen = false;
  };
  const endRecord = () => {
    endField();
    const blank = record.length === 1 && record[0] === '' && !quoteSeen;
    if (!blank) {
      if (records.length >= limits.maxRows) throw new CsvLimitError(`the file has more than ${limits.maxRows} rows, the import limit${limits.maxRows === MAX_ESTATE_ROWS ? ' for a file of servers or sites' : ''}`, recordNo);
      records.push(record);
      rowNumbers.push(recordNo);
    }
    record = [];
    recordNo++;
  };

  const grow = (text: string, row: number, what: string) => {
    if (text.includes('\0')) {
      throw new CsvLimitError(`row ${row}, column ${record.length + 1}: a NUL character; this is binary data (or UTF-16 text without a byte-order mark), not CSV text`, row, record.length + 1);
    }
    field += text;
    if (field.length > limits.maxCellChars) throw new CsvLimitError(`row ${row}: ${what} is longer than ${limits.maxCellChars} characters${what === 'a quoted cell' ? ' (is a quote missing?)' : ''}`, row, record.length + 1);
  };

  // Scans with charCodeAt and appends whole runs with slice: a few MB per 100 ms.
  const consume = (text: string) => {
    const d = (delimiter ?? ',').charCodeAt(0);
    const n = text.length;
    let i = 0;
    if (first && n > 0) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) i = 1;
    }
    while (i < n) {
      if (lastWasCR) {
        lastWasCR = false;
        if (text.charCodeAt(i) === 10) {
          i++;
          continue;
        }
      }
      if (inQuotes) {
        if (afterQuote) {
          afterQuote = false;
          if (text.charCodeAt(i) === 34) {
            grow('"', quoteOpenedAt, 'a quoted cell');
            i++;
            continue;
          }
          inQuotes = false; // that quote closed the cell; read text[i] outside quotes
        } else {
          const q = text.indexOf('"', i);
          grow(text.slice(i, q < 0 ? n : q), quoteOpenedAt, 'a quoted cell');
          if (q < 0) break;
          afterQuote = true;
          i = q + 1;
          continue;
        }
      }
      const ch = text.charCodeAt(i);
      if (ch === 34 && field === '' && !quoteSeen) {
        inQuotes = true;
        quoteSeen = true;
        quoteOpenedAt = recordNo;
        i++;
      } else if (ch === d) {
        endField();
        i++;
      } else if (ch === 10 || ch === 13) {
        lastWasCR = ch === 13;
        endRecord();
        i++;
      } else {
        // A run of plain text (a stray quote inside an unquoted cell is kept as text).
        let j = i + 1;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === d || c === 10 || c === 13) break;
          j++;
        }
        grow(text.slice(i, j), recordNo, 'a cell');
        i = j;
      }
    }
  };

  return {
    push(chunk: string) {
      if (delimiter === null) {
        pendingHead += chunk;
        const nl = pendingHead.search(/[\r\n]/);
        if (nl < 0 && pendingHead.length < 65_536) return;
        delimiter = detectDelimiter(nl < 0 ? pendingHead : pendingHead.slice(0, nl));
        const text = pendingHead;
        pendingHead = '';
        consume(text);
        return;
      }
      consume(chunk);
    },
    end() {
      if (delimiter === null) {
        delimiter = detectDelimiter(pendingHead.split(/[\r\n]/)[0] ?? '');
        consume(pendingHead);
        pendingHead = '';
      }
      if (inQuotes && !afterQuote) {
        problems.push({ row: quoteOpenedAt, message: `a quoted cell opened at row ${quoteOpenedAt} is never closed: the file looks truncated` });
      }
      inQuotes = false;
      afterQuote = false;
      if (field !== '' || record.length > 0 || quoteSeen) endRecord();
      return { records, rowNumbers, delimiter, problems };
    },
  };
}

/** Parse a whole text at once. */
export function parseCsv(text: string, options: { delimiter?: CsvDelimiter; limits?: Partial<CsvLimits> } = {}): CsvRecords {
  const p = createCsvParser(options);
  p.push(text);
  return p.end();
}
