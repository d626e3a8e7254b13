/**
 * Turns an HTML tree (a page's main content, a DOCX converted by mammoth, an EPUB chapter) into the
 * engine's text and blocks: headings set the heading path (h1 outermost), paragraphs, list items,
 * table rows, quotes and code become blocks, each with a locator (its ordinal in the document, and
 * for EPUB its chapter). Scripts, styles, navigation and tables of contents are skipped (nodes.ts);
 * a footnote or endnote is filed under the heading path of its reference. No DOM is needed beyond
 * what linkedom gives: nodeType, tagName, childNodes, textContent, getAttribute.
 */
import type { Block } from '../../types.js';
import { headingOf, inlineText, isSkipped, noteTarget, squash, tagOf } from './nodes.js';

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
  /** While a note is added: the heading path of its reference. */
  notePath: string[] | null = null;

  constructor(public base: string[] = [], public page: number | null = null, public extra: Locator = {}) {}

  headingPath(): string[] {
    return [...this.base, ...this.headings.map((h) => h.title)];
  }

  heading(level: number, title: string): void {
    while (this.headings.length > 0 && this.headings[this.headings.length - 1]!.level >= level) this.headings.pop();
    if (title) this.headings.push({ level, title });
  }

  /** Keeps only the headings above `level` (a new EPUB chapter opening at that level); 0: none. */
  keepHeadingsAbove(level: number): void {
    this.headings = this.headings.filter((h) => h.level < level);
  }

  /** A builder with the same heading path and nothing else, to look ahead with. */
  fork(): DocBuilder {
    const f = new DocBuilder(this.base);
    f.headings = [...this.headings];
    return f;
  }

  add(text: string, locator: Locator = {}, headingPath = this.notePath ?? this.headingPath()): void {
    const t = text.trim();
    if (!t) return;
    if (this.text.length > 0) this.text += '\n\n';
    const start = this.text.length;
    this.text += t;
    this.paragraph++;
    this.blocks.push({ text: t, start, end: this.text.length, page: this.page, headingPath, locator: { ...this.extra, paragraph: this.paragraph, ...locator } });
  }
}

const LEAF = new Set(['p', 'pre', 'dt', 'dd', 'figcaption', 'caption', 'address', 'summary']);
const CONTAINER = new Set([
  'html', 'body', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'ul', 'ol', 'dl', 'table', 'thead',
  'tbody', 'tfoot', 'figure', 'blockquote', 'li', 'details', 'hgroup', 'center', 'form', 'fieldset',
]);

/**
 * Walks `root`'s children into the builder. A footnote or endnote (the element a note reference
 * points to, wherever the format puts it: mammoth and pandoc's HTML at the end of the document,
 * EPUB at the end of the chapter) is filed under the heading path of its first reference.
 */
export function addHtml(root: HtmlNode, b: DocBuilder): void {
  const notes = collectNotes(root, b.fork());
  walk(root, b, notes);
}

interface Notes { paths: Map<string, string[]>; refIds: Set<string> }

/** Each note's heading path (where it is first referenced), found by walking the headings as the builder will. */
function collectNotes(root: HtmlNode, sim: DocBuilder): Notes {
  const notes: Notes = { paths: new Map(), refIds: new Set() };
  const stack: HtmlNode[] = [];
  const push = (n: HtmlNode) => { for (let i = n.childNodes.length - 1; i >= 0; i--) stack.push(n.childNodes[i]!); };
  push(root);
  while (stack.length > 0) { // document order, iteratively: markup may nest deeply
    const c = stack.pop()!;
    if (c.nodeType !== 1 || isSkipped(c)) continue;
    const h = headingOf(c);
    if (h) sim.heading(h.level, h.title); // and a note referenced from the heading is under it
    const target = noteTarget(c);
    if (target !== null) {
      if (!notes.paths.has(target)) notes.paths.set(target, sim.headingPath());
      const id = c.getAttribute?.('id');
      if (id) notes.refIds.add(id);
    }
    push(c);
  }
  return notes;
}

function walk(root: HtmlNode, b: DocBuilder, notes: Notes): void {
  let inline = '';
  const flush = () => {
    b.add(squash(inline));
    inline = '';
  };
  const text = (n: HtmlNode) => inlineText(n, notes.refIds);
  let rootText: string | null = null; // the container's text, once, for its images' alt texts
  const kids = root.childNodes;
  for (let i = 0; i < kids.length; i++) {
    const n = kids[i]!;
    if (n.nodeType === 3) { inline += n.textContent ?? ''; continue; }
    if (n.nodeType !== 1) continue;
    const tag = tagOf(n);
    if (isSkipped(n)) continue;
    const h = headingOf(n);
    if (h) {
      flush();
      b.heading(h.level, h.title);
      continue;
    }
    const notePath = notes.paths.get(n.getAttribute?.('id') ?? '');
    const outer = b.notePath;
    if (notePath) { flush(); b.notePath = notePath; }
    if (tag === 'hr') flush();
    else if (tag === 'tr') {
      flush();
      b.add(cells(n, text));
    } else if (LEAF.has(tag) || /^h[1-6]$/.test(tag)) {
      flush();
      const t = tag === 'pre' ? text(n) : squash(text(n));
      // An image alone in its paragraph whose caption follows with the same text (a Word figure) is read once, from the caption.
      const next = nextElement(kids, i);
      const captioned = next !== null && !squash(inlineText(n, notes.refIds, false)) && t === squash(text(next));
      if (!captioned) b.add(t);
    } else if (CONTAINER.has(tag)) {
      flush();
      if (tag === 'li' && !hasBlockChild(n)) b.add(squash(text(n)));
      else walk(n, b, notes);
    } else if (tag === 'img') {
      // An image's text alternative, unless its container already shows it (a caption).
      const alt = squash(n.getAttribute?.('alt') ?? '');
      rootText ??= squash(inlineText(root, notes.refIds, false));
      if (alt && !rootText.includes(alt)) inline += ` ${alt} `;
    } else inline += text(n);
    if (notePath) { flush(); b.notePath = outer; }
  }
  flush();
}

function nextElement(kids: ArrayLike<HtmlNode>, i: number): HtmlNode | null {
  for (let j = i + 1; j < kids.length; j++) if (kids[j]!.nodeType === 1) return kids[j]!;
  return null;
}

function cells(tr: HtmlNode, text: (n: HtmlNode) => string): string {
  const out: string[] = [];
  for (let i = 0; i < tr.childNodes.length; i++) {
    const c = tr.childNodes[i]!;
    if (c.nodeType === 1) out.push(squash(text(c)));
  }
  return out.filter(Boolean).join(' | ');
}

function hasBlockChild(n: HtmlNode): boolean {
  for (let i = 0; i < n.childNodes.length; i++) {
    const tag = tagOf(n.childNodes[i]!);
    if (LEAF.has(tag) || CONTAINER.has(tag) || /^h[1-6]$/.test(tag)) return true;
  }
  return false;
}
