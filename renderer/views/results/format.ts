/** Number formatting for the result cards and tables (en-US grouping). */
const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const dec1 = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

export const fmtInt = (n: number): string => int.format(n);
export const fmtDec = (n: number): string => dec1.format(n);
export const fmtPct = (n: number): string => `${dec1.format(n)}%`;
export function fmtMoney(n: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 }).format(n);
  } catch {
    return `${int.format(n)} ${currency}`;
  }
}
