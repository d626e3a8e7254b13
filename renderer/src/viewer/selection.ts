/**
 * The text selected in the viewer, as evidence wants it: the words (the engine finds them in the
 * passage whatever their spacing, and keeps the passage's own) and the physical page they are on
 * (the page element's `data-page-number`; null for notes). Null when nothing is selected in `root`.
 */
export interface ViewerSelection {
  quote: string;
  page: number | null;
}

function pageOf(node: Node | null): number | null {
  const el = node instanceof Element ? node : node?.parentElement ?? null;
  const n = el?.closest('[data-page-number]')?.getAttribute('data-page-number');
  return n ? Number(n) : null;
}

export function viewerSelection(root: HTMLElement, sel: Selection | null): ViewerSelection | null {
  if (!sel || sel.isCollapsed || sel.rangeCount === 0) return null;
  const range = sel.getRangeAt(0);
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  const quote = sel.toString().replace(/\s+/g, ' ').trim();
  if (quote === '') return null;
  return { quote, page: pageOf(range.startContainer) };
}
