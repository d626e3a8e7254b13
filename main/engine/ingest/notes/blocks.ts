/**
 * Markdown → blocks with exact offsets (`text.slice(start, end) === block.text`) and heading paths.
 * A line-based subset of CommonMark/GFM that is enough for structure-aware chunking:
 *  - ATX (`#`…`######`) and setext (`===` / `---` under a paragraph) headings set the heading path: a
 *    heading of level n replaces levels ≥ n; skipped levels are simply absent from the path.
 *  - The heading line is its own block, with the path it opens (its own title last), so the chunker
 *    packs it together with the section's first paragraphs. A heading directly followed by a deeper
 *    heading is not emitted as a block: its title lives on in the subsection's path, and a chunk with
 *    nothing but a heading would only be noise in search.
 *  - Fenced code (``` or ~~~, any indentation) is one block and nothing inside is interpreted, so a
 *    `# comment` in a bash fence is not a heading. An unclosed fence runs to the end of the note.
 *  - Lists (with nested items, continuation lines, blank lines between items and fences inside),
 *    blockquotes (callouts included), GFM tables and paragraphs are one block each.
 *  - Thematic breaks and blank lines belong to no block.
 * Plain text (.txt) gets paragraphs only: blocks separated by blank lines, no headings.
 */
import type { Block } from '../../types.js';
import {
  atxTitle, closesFence, type Fence, indentOf, isBlank, isLazy, isListItem, isQuote, isTableDelimiter, isThematic, MAX_TITLE,
  nextLine, opensFence, plainTitle, SHORT_LINE,
} from './lines.js';

export type BlockKind = 'heading' | 'paragraph' | 'list' | 'code' | 'table' | 'quote';

export interface NoteBlock extends Block {
  kind: BlockKind;
  /** 1–6 for headings, 0 otherwise. */
  level: number;
}

export interface ParsedBlocks {
  blocks: NoteBlock[];
  /** Title of the first level-1 heading, if any. */
  firstH1: string | null;
}

export interface ParseOptions {
  /** Markdown structure (headings, fences, lists…); false for plain text. */
  markdown: boolean;
  /** Length of a leading region kept as a single paragraph (invalid front matter); 0 for none. */
  rawPrefix?: number;
}

interface Open { kind: BlockKind; start: number; end: number; fence: Fence | null; blankPending: boolean }

export function parseBlocks(text: string, opts: ParseOptions): ParsedBlocks {
  const out: NoteBlock[] = [];
  const levels: (string | undefined)[] = [];
  let path: string[] = [];
  let firstH1: string | null = null;
  let cur: Open | null = null;

  const push = (kind: BlockKind, start: number, end: number, level = 0) =>
    out.push({ kind, level, start, end, text: text.slice(start, end), page: null, headingPath: path });
  const flush = () => {
    if (cur) push(cur.kind, cur.start, cur.end);
    cur = null;
  };
  const heading = (level: number, title: string, start: number, end: number) => {
    flush();
    levels.length = level - 1;
    levels[level - 1] = title;
    path = levels.filter((t): t is string => !!t);
    if (level === 1 && firstH1 === null && title) firstH1 = title;
    push('heading', start, end, level);
  };

  let pos = 0;
  const prefix = Math.min(opts.rawPrefix ?? 0, text.length);
  if (prefix > 0) {
    push('paragraph', 0, prefix);
    pos = text.charCodeAt(prefix) === 10 ? prefix + 1 : prefix;
  }

  while (pos <= text.length) {
    const nl = text.indexOf('\n', pos);
    const ls = pos;
    const le = nl === -1 ? text.length : nl;
    pos = le + 1;
    if (ls === le && nl === -1) break;
    const line = text.slice(ls, le);
    const c = cur as Open | null;

    if (c?.kind === 'code' && c.fence) {
      c.end = le;
      if (closesFence(line, c.fence)) flush();
      continue;
    }
    if (c?.fence) {
      c.end = le;
      if (closesFence(line, c.fence)) c.fence = null;
      continue;
    }
    if (isBlank(line)) {
      if (c?.kind === 'list') c.blankPending = true;
      else flush();
      continue;
    }
    if (!opts.markdown) {
      if (c) c.end = le;
      else cur = open('paragraph', ls, le);
      continue;
    }

    const indent = indentOf(line);
    const fence = opensFence(line);
    const item = isListItem(line) && !isThematic(line);

    if (c?.kind === 'list') {
      if (indent >= 2 || item || (!c.blankPending && isLazy(line))) {
        c.end = le;
        c.blankPending = false;
        if (fence && indent >= 1) c.fence = fence;
        continue;
      }
      flush();
    } else if (c?.kind === 'quote') {
      if (isQuote(line) || isLazy(line)) { c.end = le; continue; }
      flush();
    } else if (c?.kind === 'table') {
      if (line.includes('|')) { c.end = le; continue; }
      flush();
    }

    if (fence) {
      flush();
      cur = open('code', ls, le, fence);
      continue;
    }
    const atx = /^ {0,3}(#{1,6})(?=[ \t]|$)/.exec(line);
    if (atx) {
      heading(atx[1]!.length, atxTitle(line.slice(atx[0].length)), ls, le);
      continue;
    }
    const cc = cur as Open | null;
    const underline = line.length < SHORT_LINE ? /^ {0,3}(=+|-+)[ \t]*$/.exec(line) : null;
    if (underline && cc?.kind === 'paragraph') {
      const start = cc.start;
      cur = null;
      heading(underline[1]!.startsWith('=') ? 1 : 2, plainTitle(text.slice(start, Math.min(cc.end, start + MAX_TITLE * 4))), start, le);
      continue;
    }
    if (isThematic(line)) { flush(); continue; }
    if (isQuote(line)) { flush(); cur = open('quote', ls, le); continue; }
    if (item) { flush(); cur = open('list', ls, le); continue; }
    if (line.includes('|') && isTableDelimiter(nextLine(text, pos))) { flush(); cur = open('table', ls, le); continue; }
    if (cc?.kind === 'paragraph') { cc.end = le; continue; }
    flush();
    cur = open('paragraph', ls, le);
  }
  flush();
  return { blocks: dropEmptySectionHeadings(out), firstH1 };
}

function open(kind: BlockKind, start: number, end: number, fence: Fence | null = null): Open {
  return { kind, start, end, fence, blankPending: false };
}

/** A heading immediately followed by a deeper heading has no body of its own: see the file comment. */
function dropEmptySectionHeadings(blocks: NoteBlock[]): NoteBlock[] {
  return blocks.filter((b, i) => {
    const next = blocks[i + 1];
    return !(b.kind === 'heading' && next?.kind === 'heading' && next.level > b.level);
  });
}
