/**
 * One page's text content → lines in reading order → paragraphs, each marked with the heading it
 * opens (if any).
 */
import { headingOf, pageStyle, type Heading } from './headings.js';
import { toFragments, type TextContent } from './items.js';
import { readingOrder } from './layout.js';
import { buildSegments } from './lines.js';
import { titleFromPage } from './metadata.js';
import type { Frag, Line } from './model.js';
import { toParagraphs } from './paragraphs.js';

export interface PagePara {
  text: string;
  heading: Heading | null;
}

export interface PageLayout {
  lines: Line[];
  paras: PagePara[];
  /** First page only: the largest type near the top (see titleFromPage). */
  title: string | null;
}

/** Lines of every orientation group, main orientation first. */
export function pageLines(content: TextContent): Line[] {
  return groupLines(toFragments(content));
}

/** Lines of fragments grouped by orientation (see toFragments), main orientation first. */
export function groupLines(groups: Frag[][]): Line[] {
  const lines: Line[] = [];
  groups.forEach((frags, group) => {
    for (const l of readingOrder(buildSegments(frags), group)) lines.push(l);
  });
  return lines;
}

/** On the first page the title lines are not taken for headings. */
export function layoutPage(content: TextContent, firstPage = false): PageLayout {
  return layoutFrags(toFragments(content), firstPage);
}

/** layoutPage over fragments already grouped by orientation (any backend). */
export function layoutFrags(groups: Frag[][], firstPage = false): PageLayout {
  const lines = groupLines(groups);
  const title = firstPage ? titleFromPage(lines) : null;
  const style = pageStyle(lines);
  const headingAt = new Map<Line, Heading>();
  for (const l of lines) {
    if (title && title.includes(l.text)) continue;
    const h = headingOf(l, style);
    if (h) headingAt.set(l, h);
  }
  const paras = toParagraphs(lines, lines.map((l) => headingAt.has(l))).map((p) => ({
    text: p.text,
    heading: p.lines.length === 1 ? (headingAt.get(p.lines[0]!) ?? null) : null,
  }));
  return { lines, paras, title };
}
