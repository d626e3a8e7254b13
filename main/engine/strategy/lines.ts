/**
 * Splits a pasted strategy into its search lines, in the forms strategies are published in:
 * `1. exp X/ (1234)`, `1 exp X/ 1234`, `#1 …`, `S1 …`, `1) …`, tab-separated columns from Ovid's
 * search history (`1<TAB>exp X/<TAB>1234<TAB>Advanced`), blank lines, headings and comments
 * (`Database: Ovid MEDLINE(R) …`, `Search Strategy:`, `-----`, `Population`), and long lines wrapped
 * onto the next line when copied from a PDF (a line with no number that continues an open
 * parenthesis or an operator).
 *
 * Nothing is changed silently: every removed hit count, annotation or joined line is a `cleaned`
 * note on the line it belongs to.
 */

export interface SearchLine {
  /** The line's own number as published (`3` for `3.`, `#3`, `S3`), else its position (1-based). */
  label: string;
  /** Whether the label was written (not counted). */
  labelled: boolean;
  /** 1-based line number of the input where it starts. */
  physical: number;
  /** The whole line(s) as typed, label and counts included. */
  source: string;
  /** Where the search text starts and ends in the whole input (absolute offsets). */
  offset: number;
  end: number;
  /** The text of extra wrapped lines joined to it, as [offset, end] ranges after the first. */
  parts: Array<[number, number]>;
  /** Hit count removed from the end, as typed. */
  hits?: string;
  cleaned: string[];
}

export interface SplitResult {
  lines: SearchLine[];
  /** Lines read as headings or comments: [physical line number, text]. */
  skipped: Array<{ physical: number; text: string; offset: number }>;
}

interface Raw { physical: number; text: string; offset: number }

function rawLines(input: string): Raw[] {
  const out: Raw[] = [];
  const re = /[^\r\n]*/g;
  let physical = 0;
  for (let m = re.exec(input); m; m = re.exec(input)) {
    if (m.index === re.lastIndex) re.lastIndex++;
    if (m[0] === '' && m.index > 0 && input[m.index - 1] !== '\n' && input[m.index - 1] !== '\r') continue;
    physical++;
    if (m.index >= input.length && m[0] === '') break;
    out.push({ physical, text: m[0], offset: m.index });
  }
  return out.filter((r) => r.text.trim() !== '');
}

const COMMENT = [
  /^(database|search strategy|searches|search history|ovid|date (of )?search|date run|results?|platform|interface|host|source|limits?:|annotation|note|comment|-{3,}|={3,}|\*{3,}|_{3,})/i,
  /^#\s+searches\b/i,
  /^search\s+actions\b|^#\s*search\s+query\b|^search\s+query\s+items\b/i,
  /^(\/\/|<!--|%)/,
  /^\*+\s/,
];

const LABEL = /^(?:(#\s*|[Ss](?=\d)|[Ll](?=\d))(\d+)[.):]?|(\d+)([.):])|\((\d+)\))(?=\s|$)\s*/;
const PLAIN = /^(\d+)(?=\s)\s+/;
const TYPE_COLUMN = /^(advanced|basic|search|multi-?field|mesh|limit|combine|command|expert)(\s+search)?$/i;

/** Removes trailing columns and hit counts; returns the new end and what was removed. */
function trimTail(input: string, from: number, to: number): { end: number; hits?: string; cleaned: string[] } {
  const cleaned: string[] = [];
  let end = to;
  let hits: string | undefined;
  for (let guard = 0; guard < 6; guard++) {
    const body = input.slice(from, end);
    const tab = body.lastIndexOf('\t');
    if (tab > 0) {
      const col = body.slice(tab + 1).trim();
      if (col === '' || /^\(?[\d,. ]+\)?$/.test(col) || TYPE_COLUMN.test(col) || /^sort by:/i.test(col) || /^\d{1,2}:\d{2}(:\d{2})?$/.test(col)) {
        if (/\d/.test(col) && hits === undefined) hits = col;
        else if (col !== '') cleaned.push(`column "${col}" removed`);
        end = from + tab;
        continue;
      }
    }
    const m = /(?:\s\(\s*([\d][\d,]*)\s*\)|\s+([\d]{1,3}(?:,\d{3})+|\d+)|\s+(Advanced|Basic)(?:\s+Search)?)\s*$/i.exec(body);
    if (m && hits === undefined) {
      const before = body.slice(0, m.index).trimEnd();
      const prevWord = /(\S+)$/.exec(before)?.[1]?.toLowerCase() ?? '';
      const refsOnly = /^[\d\s()]+(?:\s(?:and|or|not)\s[\d\s()]+)+$/i.test(before) || /^(or|and)\/[\d,\-\u2013]+$/i.test(before);
      // "remove duplicates from 3 1234": the last number is the hit count; "remove duplicates from 3": it is the line.
      const dedupe = /^remove\s+duplicates\s+from\s+\d+$/i.test(before);
      const opBefore = !refsOnly && !dedupe && (/^(and|or|not|adj\d*|near\/?\d*|to|from|with|w\/\d+|n\d+|-|:|,|=|freq=?|\d+-?)$/.test(prevWord) || /[-,:=]$/.test(before));
      const combo = /^(or|and)\/[\d,\s-]*$/i.test(before) && m[2] !== undefined && /,$/.test(before);
      if (m[3]) { cleaned.push(`"${m[3]}" column removed`); end = from + m.index; continue; }
      const parenthesised = m[1] !== undefined && !/^(and|or|not|adj\d*)$/.test(prevWord);
      if ((parenthesised || !opBefore) && !combo && before !== '' && !/^limit\b/i.test(before)) {
        hits = m[1] ?? m[2];
        end = from + before.length;
        continue;
      }
      if (/^limit\b/i.test(before) && (m[1] || !/(\s(to|last|and|or))$|[-=:]$/i.test(before))) { hits = m[1] ?? m[2]; end = from + before.length; continue; }
    }
    break;
  }
  if (hits !== undefined) cleaned.unshift(`hit count ${hits} removed`);
  while (end > from && /\s/.test(input[end - 1] as string)) end--;
  return { end, hits, cleaned };
}

function parenDepth(s: string): number {
  let d = 0;
  let q = false;
  for (const ch of s) {
    if (ch === '"' || ch === '\u201C' || ch === '\u201D') q = !q;
    else if (!q && ch === '(') d++;
    else if (!q && ch === ')') d--;
  }
  return d;
}

function isOpen(body: string): boolean {
  return parenDepth(body) > 0 || /\b(and|or|not|adj\d*|near\/\d+|AND|OR|NOT)\s*$/i.test(body) || /(^|\s)(or|and)\/\s*[\d,-]*,$/i.test(body);
}

function startsAsContinuation(text: string): boolean {
  return /^(\)|and\b|or\b|not\b|adj\d*\b|AND\b|OR\b|NOT\b)/i.test(text) && !/^(or|and)\//i.test(text);
}

export function looksLikeComment(text: string): boolean {
  return COMMENT.some((re) => re.test(text));
}

export function splitStrategy(input: string): SplitResult {
  const lines: SearchLine[] = [];
  const skipped: SplitResult['skipped'] = [];
  const raws = rawLines(input);
  const anyLabel = raws.filter((r) => LABEL.test(r.text.trim())).length;
  let expected = 1;
  for (const r of raws) {
    const lead = r.text.length - r.text.trimStart().length;
    const text = r.text.trim();
    const start = r.offset + lead;
    const stop = start + text.length;
    const prev = lines[lines.length - 1];
    const m = LABEL.exec(text);
    const plain = m ? null : PLAIN.exec(text);
    const plainOk = plain && Number(plain[1]) === expected && !/^\d+\s+(or|and|not)(?!\/)\b/i.test(text);
    if (!m && !plainOk) {
      if (looksLikeComment(text)) { skipped.push({ physical: r.physical, text, offset: start }); continue; }
      const prevBody = prev ? [input.slice(prev.offset, prev.end), ...prev.parts.map(([x, y]) => input.slice(x, y))].join(' ') : '';
      if (prev && (anyLabel > 0 || isOpen(prevBody)) && (isOpen(prevBody) || startsAsContinuation(text))) {
        const t = trimTail(input, start, stop);
        prev.parts.push([start, t.end]);
        prev.source += `\n${r.text}`;
        prev.cleaned.push(`line ${r.physical} joined to line ${prev.physical} (it continues it)`, ...t.cleaned);
        if (t.hits !== undefined) prev.hits = t.hits;
        continue;
      }
      if (anyLabel > 0 && isProse(text)) { skipped.push({ physical: r.physical, text, offset: start }); continue; }
    }
    const cut = m ? m[0].length : plainOk && plain ? plain[0].length : 0;
    const label = m ? (m[2] ?? m[3] ?? m[5]) as string : plainOk && plain ? plain[1] as string : String(expected);
    const bodyStart = start + cut;
    if (bodyStart >= stop) { skipped.push({ physical: r.physical, text, offset: start }); continue; }
    let from = bodyStart;
    const search = /^search:?\s+/i.exec(input.slice(from, stop));
    const cleanedHead: string[] = [];
    if (search && m) { from += search[0].length; cleanedHead.push('"Search" removed (PubMed search history)'); }
    let to = stop;
    const time = /\s+\d{1,2}:\d{2}(:\d{2})?\s*$/.exec(input.slice(from, to));
    if (time) { to -= time[0].length; cleanedHead.push(`time ${time[0].trim()} removed`); }
    const sort = /\s+sort by:[^\t]*?(?=\t|\s+[\d,]+\s*$|$)/i.exec(input.slice(from, to));
    if (sort) { cleanedHead.push(`"${input.slice(from + sort.index, to).trim().replace(/\s+/g, ' ')}" removed`); to = from + sort.index; }
    const t = trimTail(input, from, to);
    t.cleaned.unshift(...cleanedHead);
    lines.push({ label, labelled: cut > 0, physical: r.physical, source: r.text.trim(), offset: from, end: t.end, parts: [], ...(t.hits !== undefined ? { hits: t.hits } : {}), cleaned: t.cleaned });
    expected = Number(label) + 1 || expected + 1;
  }
  // PubMed's search history lists the newest search first (#3, #2, #1): put it in order
  const nums = lines.map((l) => Number(l.label));
  if (lines.length >= 2 && lines.every((l) => l.labelled) && nums.every((x, i) => i === 0 || x < (nums[i - 1] as number))) {
    lines.reverse();
    lines[0]?.cleaned.push('lines listed newest first (PubMed search history): read in number order');
  }
  return { lines, skipped };
}

/** Text with no search syntax at all: a heading such as "Population" or "Search terms for X". */
function isProse(text: string): boolean {
  return !/[()"*$?#/[\]:.=]/.test(text) && !/\b(and|or|not|adj\d*)\b/i.test(text) && text.split(/\s+/).length <= 8;
}

/** The search text of a line (wrapped parts joined by a space, offsets kept per part). */
export function bodyOf(input: string, l: SearchLine): string {
  return [input.slice(l.offset, l.end), ...l.parts.map(([a, b]) => input.slice(a, b))].join(' ');
}
