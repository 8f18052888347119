/**
 * A minimal, deterministic .xlsx (Office Open XML) writer: one worksheet per table, inline strings, numbers
 * as numbers, a bold header row. No shared strings, no formulas, no clock: the zip entries carry a fixed
 * timestamp, so the same tables give the same bytes. Text cells get the same leading apostrophe as the CSV
 * when they start like a formula (inline strings are never evaluated, but the text then matches the CSV).
 */
import { writeZip, type ZipInput } from '../project-file/zip-write.ts';
import { encodeUtf8 } from '../util/utf8.ts';
import { escapeFormula, type Cell, type Table } from './table.ts';

/** Fixed zip timestamp (the DOS epoch), so output is byte-for-byte reproducible. */
const ZIP_TIME = '1980-01-01T00:00:00Z';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
/** Excel's limit on the characters in one cell. */
const MAX_CELL_CHARS = 32767;

/** A UTF-16 code unit XML 1.0 may hold (tab, LF, CR, from space up; not U+FFFE / U+FFFF). Surrogates are checked in pairs. */
const xmlUnitOk = (c: number): boolean => (c >= 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) && c !== 0xfffe && c !== 0xffff;

/** Text with the characters XML 1.0 cannot hold dropped: other control characters and lone surrogates. */
function xmlChars(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) out += text[i] + text[++i];
    } else if (c >= 0xdc00 && c <= 0xdfff) continue;
    else if (xmlUnitOk(c)) out += text[i];
  }
  return out;
}

/** Text escaped for XML; characters XML 1.0 cannot hold (controls other than tab, LF, CR; lone surrogates) are dropped. */
export function xmlEscape(text: string): string {
  return xmlChars(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Column letters of a 0-based column index: 0 -> A, 25 -> Z, 26 -> AA. */
export function columnName(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A valid, unique sheet name: no []:*?/\, at most 31 characters, not empty. */
export function sheetName(name: string, taken: ReadonlySet<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 31) || 'Sheet';
  let out = base;
  for (let i = 2; taken.has(out.toLowerCase()); i++) out = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
  return out;
}

function cellXml(ref: string, value: Cell, style: number): string {
  const s = style ? ` s="${style}"` : '';
  if (value === null || (typeof value === 'number' && !Number.isFinite(value))) return style ? `<c r="${ref}"${s}/>` : '';
  if (typeof value === 'number') return `<c r="${ref}"${s}><v>${value}</v></c>`;
  const text = xmlEscape(escapeFormula(value).slice(0, MAX_CELL_CHARS));
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${text}</t></is></c>`;
}

function rowXml(index: number, cells: readonly Cell[], style: number): string {
  const r = index + 1;
  return `<row r="${r}">${cells.map((v, c) => cellXml(`${columnName(c)}${r}`, v, style)).join('')}</row>`;
}

function sheetXml(table: Table, boldHeader: boolean): string {
  const width = Math.max(table.header.length, ...table.rows.map((r) => r.length), 1);
  const height = table.rows.length + 1;
  const frozen = '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>';
  const rows = [rowXml(0, table.header, boldHeader ? 1 : 0), ...table.rows.map((cells, i) => rowXml(i + 1, cells, 0))];
  return `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><dimension ref="A1:${columnName(width - 1)}${height}"/>${frozen}<sheetData>${rows.join('')}</sheetData></worksheet>`;
}

const STYLES = `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

export type XlsxOptions = { boldHeader?: boolean };

/** The .xlsx bytes of these tables, one sheet each, in order. */
export function writeXlsx(tables: readonly Table[], options: XlsxOptions = {}): Uint8Array<ArrayBuffer> {
  if (tables.length === 0) throw new RangeError('a workbook needs at least one sheet');
  const boldHeader = options.boldHeader ?? true;
  const taken = new Set<string>();
  const names = tables.map((t) => {
    const n = sheetName(t.name, taken);
    taken.add(n.toLowerCase());
    return n;
  });
  const sheetPath = (i: number) => `xl/worksheets/sheet${i + 1}.xml`;
  const contentTypes =
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    tables.map((_, i) => `<Override PartName="/${sheetPath(i)}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
    '</Types>';
  const rootRels = `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const workbook =
    `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><sheets>` +
    names.map((n, i) => `<sheet name="${xmlEscape(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
    '</sheets></workbook>';
  const workbookRels =
    `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">` +
    tables.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
    `<Relationship Id="rId${tables.length + 1}" Type="${NS_REL}/styles" Target="styles.xml"/></Relationships>`;
  const entry = (name: string, xml: string): ZipInput => ({ name, parts: [encodeUtf8(xml)], level: 6 });
  return writeZip(
    [
      entry('[Content_Types].xml', contentTypes),
      entry('_rels/.rels', rootRels),
      entry('xl/workbook.xml', workbook),
      entry('xl/_rels/workbook.xml.rels', workbookRels),
      entry('xl/styles.xml', STYLES),
      ...tables.map((t, i) => entry(sheetPath(i), sheetXml(t, boldHeader))),
    ],
    ZIP_TIME,
  );
}
