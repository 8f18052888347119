import type { Page } from '@playwright/test';

/**
 * Controls the user cannot fully see: an input, select or button whose box runs past the window or past the
 * box of an ancestor that clips (overflow other than visible), or a select too narrow for its chosen text.
 * Returns one line per problem ("select "Host model": text 212 px in 150 px"), empty when nothing is clipped.
 * Controls inside scrolled tables and hidden ones are skipped: scrolling to them is the point.
 */
export async function clippedControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const doc = globalThis as unknown as { innerWidth: number; innerHeight: number; document: Document; getComputedStyle: (e: Element) => CSSStyleDeclaration };
    const ctx = doc.document.createElement('canvas').getContext('2d');
    const name = (el: Element): string => el.getAttribute('aria-label') ?? (el.id ? doc.document.querySelector(`label[for="${el.id}"]`)?.textContent : null) ?? el.textContent?.trim().slice(0, 40) ?? el.tagName;
    for (const el of Array.from(doc.document.querySelectorAll('input, select, button, textarea'))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (el.closest('.table-scroll, .grid-body, .report-layer, [data-testid="report-layer"], .modal-body .ref-list')) continue;
      const what = `${el.tagName.toLowerCase()} "${name(el)}"`;
      if (r.right > doc.innerWidth + 0.5 || r.left < -0.5) out.push(`${what}: x ${Math.round(r.left)}-${Math.round(r.right)} outside the ${doc.innerWidth} px window`);
      for (let p = el.parentElement; p; p = p.parentElement) {
        const style = doc.getComputedStyle(p);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        const b = p.getBoundingClientRect();
        // a scrolling ancestor may hold things below the fold; only sideways clipping hides part of a control
        if (r.right > b.right + 0.5 && style.overflowX !== 'visible' && p.scrollWidth <= p.clientWidth + 1) out.push(`${what}: cut at the right edge of ${p.className || p.tagName}`);
        if (r.right > b.right + 0.5 && p.scrollWidth > p.clientWidth + 1 && style.overflowX === 'hidden') out.push(`${what}: hidden past the right edge of ${p.className || p.tagName}`);
        break;
      }
      if (el instanceof HTMLSelectElement && !el.multiple && ctx) {
        const style = doc.getComputedStyle(el);
        ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const text = el.selectedOptions[0]?.textContent ?? '';
        const need = ctx.measureText(text).width + 26; // padding and the arrow
        if (need > el.clientWidth + 0.5) out.push(`${what}: text "${text}" needs ${Math.round(need)} px, has ${el.clientWidth}`);
      }
    }
    return out;
  });
}
