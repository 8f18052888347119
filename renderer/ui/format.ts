/** Number formatting for tables (en-US grouping, fixed so tables line up). */
const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const dec1 = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

export const fmtInt = (n: number): string => int.format(n);
export const fmtNum = (n: number): string => dec1.format(n);
export const fmtMoney = (n: number, currency: string): string => {
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 }).format(n);
  } catch {
    return `${int.format(n)} ${currency}`;
  }
};

const keys = new WeakMap<object, number>();
let nextKey = 1;
/** A stable number per object identity: keys a form to the entity version it edits. */
export function objectKey(o: object): number {
  let k = keys.get(o);
  if (k === undefined) {
    k = nextKey++;
    keys.set(o, k);
  }
  return k;
}
