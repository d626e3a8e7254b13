/**
 * BibTeX writer. Values are brace-delimited, UTF-8 kept (biber, bibtexu, pandoc and LaTeX with
 * UTF-8 input read it). In text fields LaTeX's specials are escaped: \& \% \$ \# \_, ~ ^ and the
 * backslash as \textasciitilde{} \textasciicircum{} \textbackslash{}; literal braces as \{ \} when
 * they pair up (BibTeX counts every brace, escaped or not, to find where a value ends), else as
 * \textbraceleft{} / \textbraceright{}; "--" as "-{}-" so it stays two hyphens, not a dash.
 * The title sits in a second pair of braces: it is written exactly as stored, capitals protected
 * (gene names, acronyms, "pH") from a style's case changes. DOIs and URLs are verbatim fields
 * (parentheses, %, #, _ kept as they are), and so are keywords, as Better BibTeX's parser reads them. Names are "Family, Given" joined by " and "; a family
 * name with a space or the word "and" is braced, an organisation is braced whole.
 * Entry types: @article (journal, volume, number, pages) for a journal article; a trial record is
 * @misc with its registry id as `number`, `note` naming the registry, and its URL; else @misc with
 * whatever of those fields is known.
 */
import { citationKeys } from './citekey.js';
import { oneLine, type BibEntry, type BibName } from './entry.js';

const SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}', '&': '\\&', '%': '\\%', $: '\\$', '#': '\\#', _: '\\_', '~': '\\textasciitilde{}', '^': '\\textasciicircum{}',
};

function bracesPair(s: string): boolean {
  let depth = 0;
  for (const c of s) {
    depth += c === '{' ? 1 : c === '}' ? -1 : 0;
    if (depth < 0) return false;
  }
  return depth === 0;
}

/** Text for a BibTeX field, one line, LaTeX specials escaped. */
export function escapeBibtex(text: string): string {
  const s = oneLine(text);
  const paired = bracesPair(s);
  return s.replace(/[\\{}&%$#_~^]|-(?=-)/g, (c) => {
    if (c === '-') return '-{}';
    if (c === '{') return paired ? '\\{' : '\\textbraceleft{}';
    if (c === '}') return paired ? '\\}' : '\\textbraceright{}';
    return SPECIAL[c] ?? c;
  });
}

/** A DOI or URL: verbatim, but an unpaired brace percent-encoded so the value still ends where it should. */
export function verbatimBibtex(text: string): string {
  const s = oneLine(text);
  return bracesPair(s) ? s : s.replace(/[{}]/g, (c) => (c === '{' ? '%7B' : '%7D'));
}

const needsBraces = (s: string) => /\s|\band\b|,/i.test(s);

export function bibtexName(n: BibName): string {
  if ('literal' in n) return `{${escapeBibtex(n.literal)}}`;
  const family = needsBraces(n.family) ? `{${escapeBibtex(n.family)}}` : escapeBibtex(n.family);
  const given = /\band\b/i.test(n.given) ? `{${escapeBibtex(n.given)}}` : escapeBibtex(n.given);
  return given ? `${family}, ${given}` : family;
}

function entryFields(e: BibEntry): [string, string][] {
  const fields: [string, string][] = [];
  const text = (name: string, v: string | null | undefined) => { if (v && v.trim()) fields.push([name, escapeBibtex(v)]); };
  const verbatim = (name: string, v: string | null | undefined) => { if (v && v.trim()) fields.push([name, verbatimBibtex(v)]); };
  if (e.authors.length) fields.push(['author', e.authors.map(bibtexName).join(' and ')]);
  if (e.title) fields.push(['title', `{${escapeBibtex(e.title)}}`]);
  text('journal', e.journal);
  text('volume', e.volume);
  if (e.type !== 'trial') text('number', e.issue);
  text('pages', e.pages);
  text('year', e.year === null ? null : String(e.year));
  if (e.type === 'trial' && e.registry) {
    text('number', e.registry.id);
    text('note', `${e.registry.name}: ${e.registry.id}`);
  }
  verbatim('doi', e.doi);
  text('pmid', e.pmid);
  text('pmcid', e.pmcid);
  verbatim('url', e.url);
  text('language', e.language);
  text('abstract', e.abstract);
  if (e.keywords?.length) verbatim('keywords', e.keywords.join(', '));
  return fields;
}

/** One entry, with this key. */
export function bibtexEntry(e: BibEntry, key: string): string {
  const type = e.type === 'article' ? 'article' : 'misc';
  return `@${type}{${key},\n${entryFields(e).map(([k, v]) => `  ${k} = {${v}}`).join(',\n')}\n}\n`;
}

/** The entries as a .bib file; keys from citekey.ts unless `keys` are given. */
export function toBibtex(entries: readonly BibEntry[], keys: readonly string[] = citationKeys(entries)): string {
  return entries.map((e, i) => bibtexEntry(e, keys[i]!)).join('\n');
}
