/**
 * A plain export table (header + rows of strings and numbers), shared by the CSV and .xlsx writers, and the
 * formula guard both apply: a text cell a spreadsheet would run as a formula gets a leading apostrophe.
 */

/** null = an empty cell. Numbers stay numbers (typed as numbers in .xlsx); non-finite numbers export empty. */
export type Cell = string | number | null;

export type Table = {
  /** Sheet name in .xlsx (at most 31 characters, none of []:*?/\). */
  name: string;
  header: readonly string[];
  rows: readonly (readonly Cell[])[];
};

/**
 * Characters that start a formula in some spreadsheet: = + - @ and their full-width forms (＝ ＋ － ＠, which
 * East Asian input methods type and some spreadsheets read as the ASCII ones).
 */
const FORMULA_CHARS = '=+\\-@\\uFF1D\\uFF0B\\uFF0D\\uFF20';
/** Text a spreadsheet would run as a formula: a formula character first, or a leading tab or carriage return. */
const FORMULA_START = new RegExp(`^[${FORMULA_CHARS}\\t\\r]`);
/**
 * A list separator of any locale (`,` in en, `;` in de/fr/nl, tab) followed by a formula character: a reader
 * that splits the cell there would start a new cell with a formula, so the whole cell is treated as one.
 */
const FORMULA_AFTER_SEPARATOR = new RegExp(`[,;\\t]\\s*[${FORMULA_CHARS}]`);

/** The text with a leading apostrophe when it starts like a formula, or would after a list separator, so it stays text. */
export function escapeFormula(text: string): string {
  return FORMULA_START.test(text) || FORMULA_AFTER_SEPARATOR.test(text) ? `'${text}` : text;
}
