/**
 * A BibTeX reader: entries `@type{key, name = {value} | "value" | 123 | macro # …}` (also with
 * parentheses), @comment/@preamble/@string skipped. Values are decoded to Unicode text: LaTeX
 * escapes (\&, \%, \textbraceleft{}, \textbackslash{}…), accents ({\"u}, \'e, \c{c}…) and a few
 * letters (\ss, \o, \ae…); grouping braces are dropped; whitespace is collapsed.
 */
export interface BibEntry { type: string; key: string; fields: Record<string, string>; /** Raw values, braces kept (for author lists). */ raw: Record<string, string> }

export function parseBibtex(input: string): BibEntry[] {
  const out: BibEntry[] = [];
  let i = 0;
  const ws = () => { while (i < input.length && /\s/.test(input[i]!)) i++; };
  while ((i = input.indexOf('@', i)) >= 0) {
    i++;
    const type = /^[A-Za-z]+/.exec(input.slice(i))?.[0]?.toLowerCase() ?? '';
    i += type.length;
    ws();
    const open = input[i];
    if (open !== '{' && open !== '(') continue;
    const close = open === '{' ? '}' : ')';
    if (type === 'comment' || type === 'preamble' || type === 'string') {
      i = open === '{' ? skipBraces(input, i) : input.indexOf(')', i) + 1;
      continue;
    }
    i++;
    const keyEnd = input.indexOf(',', i);
    const key = input.slice(i, keyEnd).trim();
    i = keyEnd + 1;
    const raw: Record<string, string> = {};
    for (;;) {
      ws();
      if (input[i] === close) { i++; break; }
      if (input[i] === ',') { i++; continue; }
      const name = /^[^\s=,{}()]+/.exec(input.slice(i))?.[0];
      if (!name) throw new Error(`BibTeX: a field name was expected at ${i}`);
      i += name.length;
      ws();
      if (input[i] !== '=') throw new Error(`BibTeX: "=" was expected after ${name}`);
      i++;
      const parts: string[] = [];
      for (;;) {
        ws();
        const c = input[i];
        if (c === '{') { const end = skipBraces(input, i); parts.push(input.slice(i + 1, end - 1)); i = end; }
        else if (c === '"') { parts.push(quoted()); }
        else { const word = /^[^\s,#{}()"]+/.exec(input.slice(i))?.[0] ?? ''; parts.push(word); i += word.length; }
        ws();
        if (input[i] === '#') { i++; continue; }
        break;
      }
      raw[name.toLowerCase()] = parts.join('');
    }
    const fields = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, decodeLatex(v)]));
    out.push({ type, key, fields, raw });
  }
  return out;

  function quoted(): string {
    const start = ++i;
    while (i < input.length && input[i] !== '"') {
      if (input[i] === '\\') i += 2;
      else if (input[i] === '{') i = skipBraces(input, i);
      else i++;
    }
    i++;
    return input.slice(start, i - 1);
  }
}

/** Index after the brace group that opens at `at` (escaped braces inside do not count). */
function skipBraces(s: string, at: number): number {
  let depth = 0;
  for (let i = at; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\') { i++; continue; }
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
  }
  throw new Error(`BibTeX: unbalanced braces from ${at}`);
}

/** "Last, First" names of an author field (split on "and" outside braces), decoded. */
export function bibAuthors(raw: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === '\\') { i++; continue; }
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (depth === 0 && /\s/.test(c)) {
      const m = /^\s+and\s+/i.exec(raw.slice(i));
      if (m) { names.push(raw.slice(start, i)); i += m[0].length - 1; start = i + 1; }
    }
  }
  names.push(raw.slice(start));
  return names.map(decodeLatex).filter(Boolean);
}

const SYMBOLS: Record<string, string> = {
  textbackslash: '\\', textbraceleft: '{', textbraceright: '}', textasciitilde: '~', textasciicircum: '^',
  textunderscore: '_', textquotedbl: '"', ss: 'ß', o: 'ø', O: 'Ø', ae: 'æ', AE: 'Æ', oe: 'œ', OE: 'Œ', aa: 'å', AA: 'Å',
  l: 'ł', L: 'Ł', i: 'ı', j: 'ȷ', dh: 'ð', th: 'þ', textendash: '–', textemdash: '—',
};
const ACCENTS: Record<string, string> = {
  "'": '\u0301', '`': '\u0300', '^': '\u0302', '"': '\u0308', '~': '\u0303', '=': '\u0304', '.': '\u0307',
  c: '\u0327', v: '\u030c', u: '\u0306', H: '\u030b', k: '\u0328', r: '\u030a', d: '\u0323', b: '\u0331',
};

/** LaTeX-escaped BibTeX text to plain Unicode. */
export function decodeLatex(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '{' || c === '}') continue;
    if (c === '~') { out += ' '; continue; }
    if (c !== '\\') { out += c; continue; }
    const next = s[i + 1] ?? '';
    const name = /^[A-Za-z]+/.exec(s.slice(i + 1))?.[0];
    if ((name && ACCENTS[name] && !SYMBOLS[name]) || (!name && ACCENTS[next])) {
      const mark = ACCENTS[name ?? next]!;
      i += (name ?? next).length + 1;
      while (s[i] === ' ' && name) i++;
      let base: string;
      if (s[i] === '{') { const end = skipBraces(s, i); base = decodeLatex(s.slice(i + 1, end - 1)); i = end - 1; }
      else if (s[i] === '\\') { const m = /^\\([A-Za-z]+)\s*(\{\})?/.exec(s.slice(i)); base = m ? SYMBOLS[m[1]!] ?? m[1]! : ''; i += (m?.[0].length ?? 1) - 1; }
      else base = s[i] ?? '';
      out += (base === 'ı' ? 'i' : base === 'ȷ' ? 'j' : base) + mark;
      continue;
    }
    if (name) {
      i += name.length;
      if (s.slice(i + 1, i + 3) === '{}') i += 2;
      else while (s[i + 1] === ' ') i++;
      out += SYMBOLS[name] ?? '';
      continue;
    }
    out += next === '\\' ? ' ' : next;
    i++;
  }
  return out.normalize('NFC').replace(/\s+/g, ' ').trim();
}
