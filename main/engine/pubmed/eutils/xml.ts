/**
 * A small, forgiving XML reader, enough for PubMed's efetch output: elements, attributes (either
 * quote), text, CDATA, comments, the five named entities and numeric ones (&#233; &#x2014;),
 * self-closing tags; `<?xml …?>` and `<!DOCTYPE … [ … ]>` are skipped. It never throws: a stray `<`
 * is text, a closing tag with no open element is ignored, one that skips open elements closes
 * them, and elements left open at the end are closed. Inline markup (<i>, <sup>, <mml:math>) stays
 * in the tree; `textOf` flattens it.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);/g, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref] ?? whole;
    const cp = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    if (!Number.isFinite(cp) || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return '\uFFFD';
    return String.fromCodePoint(cp);
  });
}

const isNameStart = (c: string | undefined) => c !== undefined && /[A-Za-z_:\u00C0-\uFFFF]/.test(c);

/** Parses `src` into a document node (name "#document") whose children are the top-level nodes. */
export function parseXml(src: string): XmlElement {
  const doc: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [doc];
  const n = src.length;
  let i = src.charCodeAt(0) === 0xfeff ? 1 : 0;

  const top = () => stack[stack.length - 1]!;
  const text = (t: string) => {
    if (t === '') return;
    const kids = top().children;
    const last = kids[kids.length - 1];
    if (typeof last === 'string') kids[kids.length - 1] = last + t;
    else kids.push(t);
  };
  const skipTo = (needle: string, from: number) => {
    const e = src.indexOf(needle, from);
    return e < 0 ? n : e + needle.length;
  };

  while (i < n) {
    const lt = src.indexOf('<', i);
    if (lt < 0) { text(decodeEntities(src.slice(i))); break; }
    if (lt > i) text(decodeEntities(src.slice(i, lt)));
    const c = src[lt + 1];
    if (src.startsWith('<!--', lt)) { i = skipTo('-->', lt + 4); continue; }
    if (src.startsWith('<![CDATA[', lt)) {
      const e = src.indexOf(']]>', lt + 9);
      text(src.slice(lt + 9, e < 0 ? n : e));
      i = e < 0 ? n : e + 3;
      continue;
    }
    if (c === '?') { i = skipTo('?>', lt + 2); continue; }
    if (c === '!') { i = skipDeclaration(src, lt + 2); continue; }
    if (c === '/') {
      const e = src.indexOf('>', lt + 2);
      closeTag(stack, src.slice(lt + 2, e < 0 ? n : e).trim());
      i = e < 0 ? n : e + 1;
      continue;
    }
    if (!isNameStart(c)) { text('<'); i = lt + 1; continue; }
    const tag = readStartTag(src, lt + 1);
    top().children.push(tag.el);
    if (!tag.selfClosing) stack.push(tag.el);
    i = tag.end;
  }
  return doc;
}

/** `<!DOCTYPE …>` and other declarations, including a bracketed internal subset. */
function skipDeclaration(src: string, from: number): number {
  let depth = 0;
  for (let j = from; j < src.length; j++) {
    const ch = src[j];
    if (ch === '"' || ch === "'") { const q = src.indexOf(ch, j + 1); if (q < 0) return src.length; j = q; }
    else if (ch === '[') depth++;
    else if (ch === ']') depth = Math.max(0, depth - 1);
    else if (ch === '>' && depth === 0) return j + 1;
  }
  return src.length;
}

function closeTag(stack: XmlElement[], name: string): void {
  for (let k = stack.length - 1; k > 0; k--) {
    if (stack[k]!.name === name) { stack.length = k; return; }
  }
}

const TAG_NAME = /[^\s/>]+/y;
const TAG_END = /\s*(\/?)>/y;
const ATTR = /\s*([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/y;

function readStartTag(src: string, from: number): { el: XmlElement; selfClosing: boolean; end: number } {
  TAG_NAME.lastIndex = from;
  const name = TAG_NAME.exec(src)?.[0] ?? '';
  const el: XmlElement = { name, attrs: {}, children: [] };
  let j = from + name.length;
  while (j < src.length) {
    TAG_END.lastIndex = j;
    const end = TAG_END.exec(src);
    if (end) return { el, selfClosing: end[1] === '/', end: TAG_END.lastIndex };
    ATTR.lastIndex = j;
    const a = ATTR.exec(src);
    if (!a) { j++; continue; }
    el.attrs[a[1]!] = decodeEntities(a[2] ?? a[3] ?? a[4] ?? '');
    j = ATTR.lastIndex;
  }
  return { el, selfClosing: false, end: src.length };
}

export const isElement = (node: XmlNode | undefined): node is XmlElement => typeof node === 'object';

/** The child elements of `el`, optionally only those named `name`. */
export function elements(el: XmlElement | undefined, name?: string): XmlElement[] {
  if (!el) return [];
  return el.children.filter((c): c is XmlElement => isElement(c) && (name === undefined || c.name === name));
}

/** The first descendant along a path of element names: child(el, 'Article', 'Journal', 'Title'). */
export function child(el: XmlElement | undefined, ...path: string[]): XmlElement | undefined {
  let cur = el;
  for (const name of path) {
    if (!cur) return undefined;
    cur = cur.children.find((c): c is XmlElement => isElement(c) && c.name === name);
  }
  return cur;
}

/** All the text under a node, markup flattened away. */
export function textOf(node: XmlNode | undefined): string {
  if (node === undefined) return '';
  if (typeof node === 'string') return node;
  let s = '';
  for (const c of node.children) s += textOf(c);
  return s;
}

/** `textOf` with runs of white space collapsed to one space and the ends trimmed. */
export function cleanText(node: XmlNode | undefined): string {
  return textOf(node).replace(/\s+/g, ' ').trim();
}
