/**
 * Links and tags inside a note's blocks. Fenced code blocks and `inline code` are never scanned;
 * headings are scanned for links but not for tags. Every pattern has bounded repetition (or none
 * before a fixed tail), so scanning stays linear even on a multi-megabyte single line.
 *
 * Links: Obsidian/Foam wikilinks `[[target]]`, `[[target|alias]]`, `[[target#heading]]`,
 * `[[#heading]]` (target ''), embeds `![[file]]`, and Markdown links or images whose destination is
 * a local .md/.markdown file (`[text](dir/note.md#part)`, `<dir/my note.md>`, %-escapes decoded).
 * Tags (Obsidian rules): `#tag`, `#nested/tag`, letters of any script, digits, `_`, `-`, `/`; the `#`
 * must start the text or follow whitespace or opening punctuation (so `a#b` and `page#anchor` are
 * not tags); purely numeric (`#123`) or punctuation-only tags are not tags; URLs and link targets
 * are skipped. Deduplicated case-insensitively (Obsidian tags are), first spelling kept, no '#'.
 */
import type { NoteBlock } from './blocks.js';

export interface NoteLink {
  /** Note or file as written (without `#heading`); '' for a link to a heading in the same note. */
  target: string;
  /** The part after '#' (a heading, or a `^block` reference), else null. */
  heading: string | null;
  /** `[[target|alias]]` alias or a Markdown link's text, else null. */
  alias: string | null;
  /** `![[…]]` or `![…](…)`. */
  embed: boolean;
  kind: 'wikilink' | 'markdown';
}

export interface InlineScan {
  links: NoteLink[];
  tags: string[];
}

const WIKILINK = /(!?)\[\[([^[\]\n]{1,1000})\]\]/g;
const MD_LINK = /(!?)\[([^[\]\n]{0,1000})\]\([ \t]{0,20}(?:<([^<>\n]{1,2000})>|([^\s()<>]{1,2000}))(?:[ \t]{1,20}(?:"[^"\n]{0,500}"|'[^'\n]{0,500}'))?[ \t]{0,20}\)/g;
const MD_DEST = /\]\([^()\n]{0,2000}\)/g;
const URL = /\b[a-z][a-z0-9+.-]{1,31}:\/\/[^\s<>"'`)\]]*/gi;
const TAG = /(?<![^\s(\[{,;:!?"'>*~|])#([\p{L}\p{N}\p{M}_\-/]+)/gu;

export function scanInline(blocks: readonly NoteBlock[]): InlineScan {
  const links: NoteLink[] = [];
  const linkKeys = new Set<string>();
  const tags: string[] = [];
  const tagKeys = new Set<string>();
  const seen = new Set<string>(); // raw matches already handled: repeats cost one lookup
  for (const block of blocks) {
    if (block.kind === 'code') continue;
    const text = maskCodeSpans(block.text);
    if (text.includes('[')) {
      visitLinks(text, seen, (link) => {
        const key = `${link.kind}|${link.embed}|${link.target}|${link.heading ?? ''}|${link.alias ?? ''}|${link.heading === null}|${link.alias === null}`;
        if (!linkKeys.has(key)) { linkKeys.add(key); links.push(link); }
      });
    }
    if (block.kind !== 'heading' && text.includes('#')) {
      visitTags(text, seen, (tag) => {
        const key = tag.toLowerCase();
        if (!tagKeys.has(key)) { tagKeys.add(key); tags.push(tag); }
      });
    }
  }
  return { links, tags };
}

export function findLinks(text: string): NoteLink[] {
  const out: NoteLink[] = [];
  visitLinks(text, null, (l) => out.push(l));
  return out;
}

export function findTags(text: string): string[] {
  const out: string[] = [];
  visitTags(text, null, (t) => out.push(t));
  return out;
}

function visitLinks(text: string, seen: Set<string> | null, visit: (link: NoteLink) => void): void {
  for (const m of text.matchAll(WIKILINK)) {
    if (seen) { if (seen.has(m[0])) continue; seen.add(m[0]); }
    const inner = m[2]!;
    const bar = inner.indexOf('|');
    const ref = (bar === -1 ? inner : inner.slice(0, bar)).replace(/\\$/, '');
    const alias = bar === -1 ? null : inner.slice(bar + 1).trim() || null;
    const hash = ref.indexOf('#');
    const target = (hash === -1 ? ref : ref.slice(0, hash)).trim();
    const heading = hash === -1 ? null : ref.slice(hash + 1).trim() || null;
    if (target || heading) visit({ target, heading, alias, embed: m[1] === '!', kind: 'wikilink' });
  }
  for (const m of text.matchAll(MD_LINK)) {
    if (seen) { if (seen.has(m[0])) continue; seen.add(m[0]); }
    const link = markdownLink(m[3] ?? m[4] ?? '', m[2]!, m[1] === '!');
    if (link) visit(link);
  }
}

function markdownLink(dest: string, label: string, embed: boolean): NoteLink | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(dest)) return null; // http:, mailto:, obsidian:…
  const hash = dest.indexOf('#');
  let file = (hash === -1 ? dest : dest.slice(0, hash)).replace(/\?.*$/, '');
  try {
    file = decodeURIComponent(file);
  } catch {
    // keep the raw text when the %-escapes are broken
  }
  if (!/\.(?:md|markdown)$/i.test(file)) return null;
  const heading = hash === -1 ? null : safeDecode(dest.slice(hash + 1)).trim() || null;
  return { target: file.trim(), heading, alias: label.trim() || null, embed, kind: 'markdown' };
}

function visitTags(text: string, seen: Set<string> | null, visit: (tag: string) => void): void {
  let t = text;
  if (t.includes('://')) t = t.replace(URL, blank);
  if (t.includes('[[')) t = t.replace(WIKILINK, blank);
  if (t.includes('](')) t = t.replace(MD_DEST, blank);
  for (const m of t.matchAll(TAG)) {
    if (seen) { if (seen.has(m[0])) continue; seen.add(m[0]); }
    let tag = m[1]!;
    if (tag.endsWith('/')) tag = tag.replace(/\/+$/, '');
    if (!tag || tag.startsWith('/') || tag.length > 200 || !/[^\p{N}_\-/]/u.test(tag)) continue;
    visit(tag);
  }
}

const BLANKS: string[] = [];
function blank(s: string): string {
  const n = s.length;
  if (n > 4096) return ' '.repeat(n);
  return (BLANKS[n] ??= ' '.repeat(n));
}

export function dedupeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const tag of tags) {
    const key = tag.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}

/**
 * Replaces `code spans` with spaces (same length, so nothing shifts). A run of n backticks opens a
 * span closed by the next run of exactly n; an unmatched run is literal. Linear: each run's next
 * same-length run is precomputed in one backward pass.
 */
export function maskCodeSpans(s: string): string {
  if (!s.includes('`')) return s;
  const starts: number[] = [];
  const lengths: number[] = [];
  for (let i = s.indexOf('`'); i !== -1; i = s.indexOf('`', i)) {
    let j = i;
    while (s.charCodeAt(j) === 96) j++;
    starts.push(i);
    lengths.push(j - i);
    i = j;
  }
  const next = new Int32Array(starts.length).fill(-1);
  const lastOfLength = new Map<number, number>();
  for (let k = starts.length - 1; k >= 0; k--) {
    next[k] = lastOfLength.get(lengths[k]!) ?? -1;
    lastOfLength.set(lengths[k]!, k);
  }
  const parts: string[] = [];
  let pos = 0;
  for (let k = 0; k < starts.length;) {
    const m = next[k]!;
    if (m === -1) { k++; continue; }
    const from = starts[k]!;
    const to = starts[m]! + lengths[m]!;
    parts.push(s.slice(pos, from), ' '.repeat(to - from));
    pos = to;
    k = m + 1;
  }
  parts.push(s.slice(pos));
  return parts.join('');
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
