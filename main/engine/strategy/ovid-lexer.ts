/**
 * Tokens of one Ovid search line (Ovid MEDLINE Database Guide; Ovid Syntax help): parentheses,
 * `and`/`or`/`not` in any case, `adj`/`adjN` (also `adj N`), words (with `$`, `$N`, `*`, `#`, `?`),
 * quoted phrases, field suffixes (`.ti,ab.`, `.tw` with the last dot left out, `.ti, ab.`),
 * frequency (`/freq=2`), subject-heading endings (`/`, `/dt`, `/ae, dt`). Display annotations that
 * Ovid prints after a term (`[mp=title, abstract, …]`, `[Adverse Effects]`) are skipped and reported
 * as `cleaned`. Curly quotes count as straight ones.
 */
import { isOvidCode } from './fields.js';
import { subheadingName } from './subheadings.js';

export type OvidToken =
  | { kind: 'lparen' | 'rparen'; offset: number; end: number }
  | { kind: 'op'; op: 'and' | 'or' | 'not'; offset: number; end: number }
  | { kind: 'adj'; n: number | null; offset: number; end: number }
  | { kind: 'word' | 'phrase'; text: string; offset: number; end: number }
  | { kind: 'fields'; codes: string[]; freq?: number; offset: number; end: number }
  | { kind: 'mesh'; subs: string[]; offset: number; end: number }
  | { kind: 'bad'; text: string; offset: number; end: number };

export interface OvidLex { tokens: OvidToken[]; cleaned: Array<{ offset: number; text: string }>; unknownFields: Array<{ offset: number; code: string }>; openQuote: number | null }

const QUOTES = /[\u201C\u201D\u201E\u201F\u2033]/;

const FIELD_SUFFIX = /^(.*?)\.((?:[a-z]{2,3}\s*,\s*)*[a-z]{2,3})(\.?)((?:\/freq\s*=\s*\d+)?)$/i;

function codesOf(list: string): string[] {
  return list.split(',').map((c) => c.trim().toLowerCase()).filter(Boolean);
}

export function lexOvid(s: string, from: number, to: number): OvidLex {
  const tokens: OvidToken[] = [];
  const cleaned: OvidLex['cleaned'] = [];
  const unknownFields: OvidLex['unknownFields'] = [];
  let openQuote: number | null = null;
  let openSubs: Extract<OvidToken, { kind: 'mesh' }> | null = null;
  let i = from;
  while (i < to) {
    const ch = s[i] as string;
    if (/\s/.test(ch)) { i++; continue; }
    if (ch === '[') {
      const close = s.indexOf(']', i);
      const stop = close < 0 || close >= to ? to : close + 1;
      cleaned.push({ offset: i, text: s.slice(i, stop) });
      i = stop;
      continue;
    }
    if (ch === '(' || ch === ')') {
      tokens.push({ kind: ch === '(' ? 'lparen' : 'rparen', offset: i, end: i + 1 });
      openSubs = null;
      i++;
      continue;
    }
    if (ch === '"' || QUOTES.test(ch)) {
      let close = -1;
      for (let j = i + 1; j < to; j++) if (s[j] === '"' || QUOTES.test(s[j] as string)) { close = j; break; }
      if (close < 0) { openQuote = i; i++; continue; }
      let end = close + 1;
      tokens.push({ kind: 'phrase', text: s.slice(i + 1, close), offset: i, end });
      // a truncation or field suffix glued to the closing quote: "heart attack"$ / "x".ti.
      const tail = /^[$*#?]\d*/.exec(s.slice(end, to));
      if (tail) { (tokens[tokens.length - 1] as { text: string }).text += tail[0]; end += tail[0].length; (tokens[tokens.length - 1] as { end: number }).end = end; }
      openSubs = null;
      i = end;
      continue;
    }
    let j = i;
    while (j < to && !/[\s()"[\u201C\u201D\u201E\u201F\u2033]/.test(s[j] as string)) j++;
    const word = s.slice(i, j);
    if (openSubs && /^[a-z]{2},?$/i.test(word) && subheadingName(word.slice(0, 2))) {
      openSubs.subs.push(word.slice(0, 2).toLowerCase());
      openSubs.end = i + 2;
      if (!word.endsWith(',')) openSubs = null;
      i = j;
      continue;
    }
    const last = tokens[tokens.length - 1];
    if (last?.kind === 'fields' && /,$/.test(s.slice(last.offset, last.end)) && /^[a-z]{2,3}[,.]?$/i.test(word) && isOvidCode(word.replace(/[,.]/g, ''))) {
      last.codes.push(word.replace(/[,.]/g, '').toLowerCase());
      last.end = j;
      i = j;
      continue;
    }
    openSubs = lexWord(word, i, tokens, unknownFields);
    i = j;
  }
  return { tokens, cleaned, unknownFields, openQuote };
}

type Mesh = Extract<OvidToken, { kind: 'mesh' }>;

function lexWord(word: string, at: number, tokens: OvidToken[], unknown: OvidLex['unknownFields']): Mesh | null {
  const end = at + word.length;
  const lower = word.toLowerCase();
  if (lower === 'and' || lower === 'or' || lower === 'not') { tokens.push({ kind: 'op', op: lower, offset: at, end }); return null; }
  const adj = /^(?:adj|near\/?|n|w\/)(\d*)$/i.exec(word);
  if (adj && (/^adj/i.test(word) || adj[1])) {
    if (!/^adj/i.test(word) && !/^near/i.test(word)) { tokens.push({ kind: 'word', text: word, offset: at, end }); return null; }
    tokens.push({ kind: 'adj', n: adj[1] ? Number(adj[1]) : null, offset: at, end });
    return null;
  }
  if (/^\d+$/.test(word)) {
    const prev = tokens[tokens.length - 1];
    if (prev?.kind === 'adj' && prev.n === null && /^adj$/i.test('adj')) { prev.n = Number(word); prev.end = end; return null; }
  }
  // a field suffix on its own after ")" or a phrase: ").ti,ab." arrives as ".ti,ab."
  const slash = word.lastIndexOf('/');
  if (slash >= 0 && !/\/freq/i.test(word)) {
    const after = word.slice(slash + 1);
    const subs = /^((?:[a-z]{2})(?:,[a-z]{2})*)?(,?)$/i.exec(after);
    if (subs && (subs[1] ?? '').split(',').every((a) => a === '' || subheadingName(a))) {
      if (slash > 0) tokens.push({ kind: 'word', text: word.slice(0, slash), offset: at, end: at + slash });
      const mesh: Mesh = { kind: 'mesh', subs: subs[1] ? subs[1].toLowerCase().split(',') : [], offset: at + slash, end };
      tokens.push(mesh);
      return subs[2] === ',' ? mesh : null;
    }
  }
  const suffix = FIELD_SUFFIX.exec(word);
  if (suffix) {
    const head = suffix[1] as string;
    const codes = codesOf(suffix[2] as string);
    const freq = suffix[4] ? Number(/\d+/.exec(suffix[4])?.[0]) : undefined;
    const known = codes.every(isOvidCode);
    const looksField = known || suffix[3] === '.' || (codes.length > 1);
    if (looksField && !/^\d+$/.test(suffix[2] as string)) {
      if (head) tokens.push({ kind: 'word', text: head, offset: at, end: at + head.length });
      if (!known) for (const c of codes) if (!isOvidCode(c)) unknown.push({ offset: at + head.length, code: c });
      tokens.push({ kind: 'fields', codes: codes.filter(isOvidCode), ...(freq !== undefined ? { freq } : {}), offset: at + head.length, end });
      return null;
    }
  }
  const freqOnly = /^\/freq\s*=\s*(\d+)$/i.exec(word);
  const prev = tokens[tokens.length - 1];
  if (freqOnly && prev?.kind === 'fields') { prev.freq = Number(freqOnly[1]); prev.end = end; return null; }
  tokens.push({ kind: 'word', text: word, offset: at, end });
  return null;
}
