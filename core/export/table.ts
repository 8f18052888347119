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

/** Text a spreadsheet would run as a formula: = + - @ first, or a leading tab or carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** The text with a leading apostrophe when it starts like a formula, so it stays text. */
export function escapeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
