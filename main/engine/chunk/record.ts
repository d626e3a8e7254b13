/**
 * A titled record (a PubMed record, a Zotero item, a reference, a trial, an evaluation corpus
 * document) as document text and blocks, laid out as a Markdown note whose `# Title` heads its
 * text: the title is the first paragraph and the heading path of every block, the abstract and the
 * record's other parts one paragraph each. Search then counts the title in the chunk text and
 * again in the heading-path column (weight 0.5), on every chunk of the record, as it does for a
 * note's title; the text the viewer and the snippets show is unchanged (title, then abstract).
 * Measured over nine collections in search/RANKING.md ("A record's title as its heading path").
 */
import type { Block } from '../types.js';

/**
 * Bump when the layout changes: the evaluation corpus is then imported again
 * (eval/corpus-index.ts), and a migration brings stored records to the new layout.
 */
export const RECORD_LAYOUT = 'record-title-heading-1';

export interface RecordText {
  text: string;
  blocks: Block[];
}

/** The heading a title gives: one line, spaces collapsed (as a Markdown heading is); empty for none. */
export function recordHeading(title: string | null | undefined): string[] {
  const t = (title ?? '').replace(/\s+/g, ' ').trim();
  return t ? [t] : [];
}

/**
 * The record's text: its title, then each non-empty paragraph, separated by blank lines; every
 * block under the title's heading path. Paragraphs are trimmed; empty ones are left out.
 */
export function recordText(title: string | null | undefined, paragraphs: readonly (string | null | undefined)[]): RecordText {
  const headingPath = recordHeading(title);
  const parts = [title, ...paragraphs].map((p) => (p ?? '').trim()).filter((p) => p.length > 0);
  const blocks: Block[] = [];
  let at = 0;
  for (const p of parts) {
    blocks.push({ text: p, start: at, end: at + p.length, page: null, headingPath: [...headingPath] });
    at += p.length + 2;
  }
  return { text: parts.join('\n\n'), blocks };
}
