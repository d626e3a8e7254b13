/**
 * Turns an HTML tree (a page's main content, a DOCX converted by mammoth, an EPUB chapter) into the
 * engine's text and blocks: headings set the heading path (h1 outermost), paragraphs, list items,
 * table rows, quotes and code become blocks, each with a locator (its ordinal in the document, and
 * for EPUB its chapter). Scripts, styles and other non-text elements are skipped. No DOM is needed
 * beyond what linkedom gives: nodeType, tagName, childNodes, textContent.
 */
import type { Block } from '../../types.js';

export interface HtmlNode {
  nodeType: number;
  tagName?: string;
  textContent: string | null;
  childNodes: ArrayLike<HtmlNode>;
  getAttribute?(name: string): string | null;
  setAttribute?(name: string, value: string): void;
}

export type Locator = Record<string, string | number>;

export interface LocatedBlock extends Block {
  locator: Locator;
}

export class DocBuilder {
  text = '';
  blocks: LocatedBlock[] = [];
  private headings: { level: number; title: string }[] = [];
  /** Paragraph ordinal across the document (1-based), the DOCX / HTML locator. */
  paragraph = 0;

  constructor(public base: string[] = [], public page: number | null = null, public extra: Locator = {}) {}

  headingPath(): string[] {
    return [...this.base, ...this.headings.map((h) => h.title)];
  }

  heading(level: number, title: string): void {
    while (this.headings.length > 0 && this.headings[this.headings.length - 1]!.level >= level) this.headings.pop();
    if (title) this.headings.push({ level, title });
  }

  /** Resets the headings (a new EPUB chapter starts with its own). */
  resetHeadings(): void {
    this.headings = [];
  }

  add(text: string, locator: Locator = {}, headingPath = this.headingPath()): void {
    const t = text.trim();
    if (!t) return;
    if (this.text.length > 0) this.text += '\n\n';
    const start = this.text.length;
    this.text += t;
    this.paragraph++;
    this.blocks.push({ text: t, start, end: this.text.length, page: this.page, headingPath, locator: { ...this.extra, paragraph: this.paragraph, ...locator } });
  }
}

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'head', 'title', 'meta', 'link', 'button', 'select', 'input', 'textarea', 'nav']);
const LEAF = new Set(['p', 'pre', 'dt', 'dd', 'figcaption', 'caption', 'address', 'summary']);
const CONTAINER = new Set([
  'html', 'body', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'ul', 'ol', 'dl', 'table', 'thead',
  'tbody', 'tfoot', 'figure', 'blockquote', 'li', 'details', 'hgroup', 'center', 'form', 'fieldset',
]);

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Walks `root`'s children into the builder. */
export function addHtml(root: HtmlNode, b: DocBuilder): void {
  let inline = '';
  const flush = () => {
    b.add(squash(inline));
    inline = '';
  };
  const kids = root.childNodes;
  for (let i = 0; i < kids.length; i++) {
    const n = kids[i]!;
    if (n.nodeType === 3) { inline += n.textContent ?? ''; continue; }
    if (n.nodeType !== 1) continue;
    const tag = (n.tagName ?? '').toLowerCase();
    if (SKIP.has(tag)) continue;
    const h = /^h([1-6])$/.exec(tag);
    if (h) {
      flush();
      b.heading(Number(n.getAttribute?.('data-level') ?? h[1]) || Number(h[1]), squash(n.textContent ?? ''));
      continue;
    }
    if (tag === 'br') { inline += '\n'; continue; }
    if (tag === 'hr') { flush(); continue; }
    if (tag === 'tr') {
      flush();
      b.add(cells(n));
      continue;
    }
    if (LEAF.has(tag)) {
      flush();
      b.add(tag === 'pre' ? (n.textContent ?? '') : squash(n.textContent ?? ''));
      continue;
    }
    if (CONTAINER.has(tag)) {
      flush();
      if (tag === 'li' && !hasBlockChild(n)) b.add(squash(n.textContent ?? ''));
      else addHtml(n, b);
      continue;
    }
    inline += n.textContent ?? '';
  }
  flush();
}

function cells(tr: HtmlNode): string {
  const out: string[] = [];
  for (let i = 0; i < tr.childNodes.length; i++) {
    const c = tr.childNodes[i]!;
    if (c.nodeType === 1) out.push(squash(c.textContent ?? ''));
  }
  return out.filter(Boolean).join(' | ');
}

function hasBlockChild(n: HtmlNode): boolean {
  for (let i = 0; i < n.childNodes.length; i++) {
    const c = n.childNodes[i]!;
    const tag = c.nodeType === 1 ? (c.tagName ?? '').toLowerCase() : '';
    if (LEAF.has(tag) || CONTAINER.has(tag) || /^h[1-6]$/.test(tag)) return true;
  }
  return false;
}
