import type { Page } from '@playwright/test';

/**
 * Controls the user cannot fully see: an input, select or button whose box runs past the window or is cut by
 * the nearest ancestor that clips sideways, or a select too narrow for its chosen text. Returns one line per
 * problem ("select "Host model in Ashburn": text ... needs 312 px, has 210"), empty when nothing is clipped.
 * Controls inside scrolling tables and hidden ones are skipped: scrolling to them is the point.
 * (The e2e tsconfig has no DOM types: the page's objects are typed structurally here.)
 */
export async function clippedControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    type Rect = { left: number; right: number; width: number; height: number };
    type El = {
      tagName: string;
      id: string;
      className: string;
      textContent: string | null;
      parentElement: El | null;
      scrollWidth: number;
      clientWidth: number;
      multiple?: boolean;
      selectedOptions?: ArrayLike<{ textContent: string | null }>;
      getAttribute: (n: string) => string | null;
      getBoundingClientRect: () => Rect;
      closest: (s: string) => El | null;
    };
    type Style = { overflowX: string; overflowY: string; fontWeight: string; fontSize: string; fontFamily: string };
    type Ctx = { font: string; measureText: (t: string) => { width: number } };
    const w = globalThis as unknown as {
      innerWidth: number;
      getComputedStyle: (e: El) => Style;
      document: { querySelectorAll: (s: string) => ArrayLike<El>; querySelector: (s: string) => El | null; createElement: (t: string) => { getContext: (k: string) => Ctx | null } };
    };
    const out: string[] = [];
    const ctx = w.document.createElement('canvas').getContext('2d');
    const name = (el: El): string =>
      el.getAttribute('aria-label') ?? (el.id ? w.document.querySelector(`label[for="${el.id}"]`)?.textContent : null) ?? el.textContent?.trim().slice(0, 40) ?? el.tagName;
    for (const el of Array.from(w.document.querySelectorAll('input, select, button, textarea'))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (el.closest('.table-scroll, .grid-body, [data-testid="report-layer"]')) continue;
      const what = `${el.tagName.toLowerCase()} "${name(el)}"`;
      if (r.right > w.innerWidth + 0.5 || r.left < -0.5) out.push(`${what}: x ${Math.round(r.left)}-${Math.round(r.right)} outside the ${w.innerWidth} px window`);
      for (let p = el.parentElement; p; p = p.parentElement) {
        const style = w.getComputedStyle(p);
        if (style.overflowX === 'visible') continue;
        if (r.right > p.getBoundingClientRect().right + 0.5) out.push(`${what}: cut at the right edge of ${p.className || p.tagName}`);
        break;
      }
      if (el.tagName === 'SELECT' && !el.multiple && ctx) {
        const style = w.getComputedStyle(el);
        ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const text = el.selectedOptions?.[0]?.textContent ?? '';
        const need = ctx.measureText(text).width + 26; // padding and the arrow
        if (need > el.clientWidth + 0.5) out.push(`${what}: text "${text}" needs ${Math.round(need)} px, has ${el.clientWidth}`);
      }
    }
    return out;
  });
}
