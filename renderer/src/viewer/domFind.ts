/**
 * Find in what the viewer shows: the matches of a search's terms as DOM Ranges over the text nodes
 * under an element (a match may run across nodes, as in pdf.js's text layer), painted with the CSS
 * Custom Highlight API (`::highlight(delve-find)`, the current one `delve-find-active`) so the page's
 * DOM is never rewritten, and the current one scrolled into view.
 */
import { termPattern } from './findText.js';

export const FIND_HIGHLIGHT = 'delve-find';
export const FIND_ACTIVE = 'delve-find-active';

/** Every match under `root`, in document order. */
export function domMatches(root: Node, terms: readonly string[]): Range[] {
  const re = termPattern(terms);
  const doc = root.ownerDocument ?? (root as Document);
  if (!re || !doc) return [];
  const nodes: Text[] = [];
  const starts: number[] = [];
  let text = '';
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    nodes.push(n as Text);
    starts.push(text.length);
    text += (n as Text).data;
  }
  /** The node holding offset `at` (for an end offset, the node it ends in). */
  const locate = (at: number, end: boolean): [Text, number] => {
    let lo = 0;
    let hi = nodes.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! < at || (!end && starts[mid] === at)) lo = mid;
      else hi = mid - 1;
    }
    return [nodes[lo]!, at - starts[lo]!];
  };
  const out: Range[] = [];
  for (const m of text.matchAll(re)) {
    if (m[0].length === 0) continue;
    const [sNode, sOff] = locate(m.index, false);
    const [eNode, eOff] = locate(m.index + m[0].length, true);
    const range = doc.createRange();
    range.setStart(sNode, sOff);
    range.setEnd(eNode, eOff);
    out.push(range);
  }
  return out;
}

interface HighlightRegistry { set(name: string, h: unknown): void; delete(name: string): void }
type HighlightCtor = new (...ranges: Range[]) => unknown;

function registry(): { reg: HighlightRegistry; Highlight: HighlightCtor } | null {
  const css = (globalThis as { CSS?: { highlights?: HighlightRegistry } }).CSS;
  const Highlight = (globalThis as { Highlight?: HighlightCtor }).Highlight;
  return css?.highlights && Highlight ? { reg: css.highlights, Highlight } : null;
}

/** Paints the matches and the current one; with `scroll`, brings the current one to the middle of its scroller. */
export function paintMatches(all: readonly Range[], active: Range | null, scroll: boolean): void {
  const r = registry();
  if (r) {
    r.reg.set(FIND_HIGHLIGHT, new r.Highlight(...all));
    if (active) {
      const h = new r.Highlight(active) as { priority?: number };
      h.priority = 1;
      r.reg.set(FIND_ACTIVE, h);
    }
    else r.reg.delete(FIND_ACTIVE);
  }
  if (scroll) active?.startContainer.parentElement?.scrollIntoView?.({ block: 'center', inline: 'nearest' });
}

export function clearMatches(): void {
  const r = registry();
  r?.reg.delete(FIND_HIGHLIGHT);
  r?.reg.delete(FIND_ACTIVE);
}
