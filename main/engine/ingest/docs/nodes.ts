/**
 * What an HTML element is to the reader: a section heading (h1–h6, except the title block's
 * title / subtitle / author / date lines, which pandoc's html4 writer marks up as h1–h3 and which are
 * front matter, not sections), a table of contents (DPUB-ARIA `doc-toc`, EPUB `epub:type="toc"`, or
 * the `toc` id/class used by pandoc, MediaWiki and others: navigation, not content), a note's back
 * link, or a formula. And the visible text of an element: scripts, other non-text and note reference
 * marks skipped, math as its TeX source when the markup carries one (MathML `<annotation
 * encoding="application/x-tex">` or `alttext`), since MathML splits identifiers into one element per
 * letter; an image as its text alternative (`alt`: a formula rendered as an image gives its TeX).
 */
import type { HtmlNode } from './builder.js';

export const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'embed', 'canvas', 'head', 'title', 'meta', 'link', 'button', 'select', 'input', 'textarea', 'nav']);

/** Title-block lines: the document's title as `h1.title`, its subtitle, authors and date under any heading tag. */
const FRONT_MATTER = new Set(['subtitle', 'author', 'date']);

export const tagOf = (n: HtmlNode): string => (n.nodeType === 1 ? (n.tagName ?? '').toLowerCase() : '');
const attr = (n: HtmlNode, name: string): string => n.getAttribute?.(name) ?? '';
const tokens = (n: HtmlNode, name: string): string[] => attr(n, name).toLowerCase().split(/\s+/).filter(Boolean);

export const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** A section heading's level and title, or null (not a heading, or a title-block line). */
export function headingOf(n: HtmlNode): { level: number; title: string } | null {
  const h = /^h([1-6])$/.exec(tagOf(n));
  const classes = h ? tokens(n, 'class') : [];
  if (!h || classes.some((c) => FRONT_MATTER.has(c)) || (h[1] === '1' && classes.includes('title'))) return null;
  const level = Number(attr(n, 'data-level')) || Number(h[1]);
  return { level, title: squash(inlineText(n)) };
}

export function isToc(n: HtmlNode): boolean {
  if (n.nodeType !== 1) return false;
  return attr(n, 'role').toLowerCase() === 'doc-toc' || tokens(n, 'epub:type').includes('toc')
    || attr(n, 'id').toLowerCase() === 'toc' || tokens(n, 'class').includes('toc');
}

/** Skipped with everything inside: non-text elements and tables of contents. */
export function isSkipped(n: HtmlNode): boolean {
  return SKIP.has(tagOf(n)) || isToc(n);
}

/** A link from a note back to its reference (↩, ↑): not part of the note's text. */
export function isBackLink(n: HtmlNode, refIds: ReadonlySet<string>): boolean {
  if (tagOf(n) !== 'a') return false;
  const href = attr(n, 'href');
  return attr(n, 'role') === 'doc-backlink' || tokens(n, 'class').includes('footnote-back') || tokens(n, 'epub:type').includes('backlink')
    || (href.startsWith('#') && refIds.has(href.slice(1)));
}

/** A reference to a footnote or endnote: the target's id, or null. */
export function noteTarget(n: HtmlNode): string | null {
  if (tagOf(n) !== 'a') return null;
  const href = attr(n, 'href');
  if (!href.startsWith('#') || href.length < 2) return null;
  const isRef = attr(n, 'role') === 'doc-noteref' || tokens(n, 'epub:type').includes('noteref') || tokens(n, 'class').includes('footnote-ref')
    || /^(footnote|endnote)-ref-/.test(attr(n, 'id')); // mammoth's DOCX notes
  return isRef ? href.slice(1) : null;
}

/** The TeX source of a MathML formula, else its text. */
function mathText(n: HtmlNode): string {
  const alt = attr(n, 'alttext');
  if (alt) return ` ${alt} `;
  let tex = '';
  let text = '';
  const walk = (x: HtmlNode) => {
    for (let i = 0; i < x.childNodes.length; i++) {
      const c = x.childNodes[i]!;
      if (c.nodeType === 3) text += c.textContent ?? '';
      else if (tagOf(c) === 'annotation') { if (/tex/i.test(attr(c, 'encoding'))) tex ||= c.textContent ?? ''; } else if (c.nodeType === 1) walk(c);
    }
  };
  walk(n);
  return ` ${tex || text} `;
}

/** Visible text of `n` (whitespace as in the markup; callers squash it). Iterative: markup may nest deeply. */
export function inlineText(root: HtmlNode, refIds: ReadonlySet<string> = new Set(), alts = true): string {
  const out: string[] = [];
  const stack: HtmlNode[] = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.nodeType === 3) { out.push(n.textContent ?? ''); continue; }
    if (n.nodeType !== 1) continue;
    const tag = tagOf(n);
    if (tag === 'math') { out.push(mathText(n)); continue; }
    if (tag === 'br') { out.push('\n'); continue; }
    // A note's reference mark (¹, [1]) is not text: kept, it would glue a number to the word before it.
    if (isSkipped(n) || isBackLink(n, refIds) || noteTarget(n) !== null) continue;
    if (tag === 'img') { // an image by its text alternative (a formula as an image, --webtex: its TeX)
      const alt = attr(n, 'alt').trim();
      if (alt && alts) out.push(` ${alt} `);
      continue;
    }
    for (let i = n.childNodes.length - 1; i >= 0; i--) stack.push(n.childNodes[i]!);
  }
  return out.join('');
}
