/**
 * Best-effort section headings: short standalone lines that are numbered ("2.1 Data"), or are a
 * usual section name ("Abstract", "References"), set in a different font or a larger size than the
 * page's body text; or clearly larger short lines. The heading path carries across pages.
 */
import type { Line } from './model.js';

export interface PageStyle {
  bodySize: number;
  bodyFont: string;
}

export interface Heading {
  level: number;
  title: string;
}

const SECTION_NAMES = new Set([
  'abstract', 'introduction', 'background', 'related work', 'related works', 'prior work', 'method', 'methods',
  'methodology', 'materials and methods', 'methods and materials', 'patients and methods', 'approach', 'model',
  'experiments', 'experimental setup', 'experimental results', 'evaluation', 'results', 'results and discussion',
  'discussion', 'analysis', 'conclusion', 'conclusions', 'conclusions and future work', 'conclusion and future work',
  'future work', 'limitations', 'summary', 'references', 'bibliography', 'acknowledgments', 'acknowledgements',
  'acknowledgment', 'acknowledgement', 'appendix', 'appendices', 'ethics statement', 'ethical considerations',
  'supplementary material', 'competing interests', 'authors\u2019 contributions', "authors' contributions",
  'funding', 'declarations', 'abbreviations', 'keywords', 'executive summary', 'glossary', 'foreword', 'preface',
]);

const NUMBERED = /^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(\S.*)$/u;
const LETTERED = /^([A-H](?:\.\d{1,2}){1,3})\.?\s+(\S.*)$/u;
const ROMAN = /^([IVX]{1,5})\.\s+(\S.*)$/u;

/** Body size and font: what carries most characters on the page. */
export function pageStyle(lines: Line[]): PageStyle {
  const bySize = new Map<number, number>();
  for (const l of lines) {
    const k = Math.round(l.size * 2) / 2;
    bySize.set(k, (bySize.get(k) ?? 0) + l.chars);
  }
  let bodySize = 0;
  let best = -1;
  for (const [k, n] of bySize) if (n > best) { best = n; bodySize = k; }
  const byFont = new Map<string, number>();
  for (const l of lines) {
    if (Math.abs(l.size - bodySize) <= 0.5) byFont.set(l.font, (byFont.get(l.font) ?? 0) + l.chars);
  }
  let bodyFont = '';
  best = -1;
  for (const [k, n] of byFont) if (n > best) { best = n; bodyFont = k; }
  return { bodySize, bodyFont };
}

/** The heading a line stands for, or null. */
export function headingOf(line: Line, style: PageStyle): Heading | null {
  const text = line.text.trim();
  if (text.length < 3 || text.length > 90) return null;
  if (line.size < style.bodySize * 0.95) return null;
  if (/[,;]$/.test(text)) return null;
  const words = text.split(/\s+/);
  if (words.length > 12) return null;
  const letters = (text.match(/\p{L}/gu) ?? []).length;
  if (letters < 3 || letters < 0.6 * text.replace(/\s+/g, '').length) return null;
  const larger = line.size >= style.bodySize * 1.1;
  const styled = larger || line.font !== style.bodyFont;
  const upper = text === text.toUpperCase() && /\p{Lu}/u.test(text);

  const numbered = NUMBERED.exec(text) ?? LETTERED.exec(text) ?? ROMAN.exec(text);
  const label = numbered ? numbered[2]! : text;
  const name = label.replace(/[:.]$/, '').trim().toLowerCase();
  if (numbered) {
    if (!styled || !/^[\p{Lu}\p{Lo}]/u.test(label) || (/\.$/.test(label) && words.length > 6)) return null;
    const num = numbered[1]!;
    const first = Number.parseInt(num, 10);
    if (Number.isFinite(first) && first > 30) return null;
    const level = /^[IVX]+$/.test(num) ? 1 : num.split('.').length;
    return { level, title: stripEnd(text) };
  }
  if ((SECTION_NAMES.has(name) || /^(?:[a-h]\s+)?appendix\b/u.test(name)) && (styled || upper)) {
    return { level: 1, title: stripEnd(text) };
  }
  if (line.size >= style.bodySize * 1.2 && words.length <= 10 && /^[\p{Lu}\p{Lo}]/u.test(text) && !/[.!?]$/.test(text)) {
    return { level: 1, title: stripEnd(text) };
  }
  return null;
}

function stripEnd(s: string): string {
  return s.replace(/[\s:.]+$/u, '');
}

/** The current heading path while reading a document front to back. */
export class HeadingPath {
  private stack: Heading[] = [];

  enter(h: Heading): void {
    while (this.stack.length && this.stack[this.stack.length - 1]!.level >= h.level) this.stack.pop();
    this.stack.push(h);
  }

  get path(): string[] {
    return this.stack.map((h) => h.title);
  }
}
