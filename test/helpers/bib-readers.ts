/**
 * Test support: exports read back by independent, maintained parsers, each result flattened to
 * one shape so that tests compare field by field.
 *  - BibTeX: @retorquere/bibtex-parser (Better BibTeX's parser), citation-js (@citation-js/plugin-bibtex)
 *    and pandoc (`pandoc -f bibtex -t csljson`, Debian's package);
 *  - RIS: citation-js (@citation-js/plugin-ris);
 *  - CSV: csv-parse.
 * Pandoc typesets as LaTeX would: a straight apostrophe becomes ’ (LaTeX prints ' as a right quote),
 * so pandoc's ’ is read back as '. Nothing else is normalised.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { parse as bibtexParse, type Creator } from '@retorquere/bibtex-parser';
import { parse as csvParse } from 'csv-parse/sync';

const require = createRequire(import.meta.url);
const { Cite } = require('@citation-js/core') as { Cite: new (data: string, opts: { forceType: string }) => { data: Csl[] } };
require('@citation-js/plugin-bibtex');
require('@citation-js/plugin-ris');

export interface Flat {
  key: string;
  type: string;
  title: string | null;
  authors: string[];
  year: string | null;
  journal: string | null;
  volume: string | null;
  issue: string | null;
  pages: string | null;
  doi: string | null;
  url: string | null;
  abstract: string | null;
}

interface CslName { family?: string; given?: string; literal?: string; 'non-dropping-particle'?: string; 'dropping-particle'?: string }
export interface Csl {
  id: string; type: string; title?: string; author?: CslName[]; issued?: { 'date-parts'?: number[][] }; 'container-title'?: string;
  volume?: string | number; issue?: string | number; page?: string; DOI?: string; URL?: string; [k: string]: unknown;
}

const s = (v: unknown): string | null => (v === undefined || v === null || v === '' ? null : String(v));

function cslName(n: CslName): string {
  if (n.literal) return n.literal;
  const family = [n['dropping-particle'], n['non-dropping-particle'], n.family].filter(Boolean).join(' ');
  return n.given ? `${family}, ${n.given}` : family;
}

export function flatFromCsl(c: Csl, apostrophes = false): Flat {
  const fix = (v: string | null) => (v !== null && apostrophes ? v.replace(/’/g, "'") : v);
  return {
    key: c.id, type: c.type, title: fix(s(c.title)), authors: (c.author ?? []).map((n) => fix(cslName(n))!),
    year: s(c.issued?.['date-parts']?.[0]?.[0]), journal: fix(s(c['container-title'])), volume: s(c.volume), issue: s(c.issue),
    pages: s(c.page), doi: s(c.DOI), url: s(c.URL), abstract: fix(s(c.abstract)),
  };
}

/** BibTeX through pandoc → CSL JSON. */
export function pandocCsl(bib: string): Csl[] {
  const r = spawnSync('pandoc', ['-f', 'bibtex', '-t', 'csljson'], { input: bib, encoding: 'utf8' });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`pandoc failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Csl[];
}
export const viaPandoc = (bib: string): Flat[] => pandocCsl(bib).map((c) => flatFromCsl(c, true));

/** BibTeX or RIS through citation-js → CSL JSON. */
export function citationJsCsl(text: string, type: '@bibtex/text' | '@ris/file'): Csl[] {
  return new Cite(text, { forceType: type }).data;
}
export const viaCitationJs = (text: string, type: '@bibtex/text' | '@ris/file'): Flat[] => citationJsCsl(text, type).map((c) => flatFromCsl(c));

function creator(c: Creator): string {
  if (c.name) return c.name;
  const family = [c.prefix, c.lastName].filter(Boolean).join(' ');
  return c.firstName ? `${family}, ${c.firstName}` : family;
}

/**
 * BibTeX through @retorquere/bibtex-parser (no sentence-casing: titles as written); throws on any parse error.
 * `number` is an issue only in an @article (elsewhere it is a report's or registry's number, kept in `fields`).
 */
export function retorquereEntries(bib: string) {
  const lib = bibtexParse(bib, { english: false });
  if (lib.errors.length > 0) throw new Error(`bibtex-parser: ${JSON.stringify(lib.errors)}`);
  return lib.entries;
}
export function viaRetorquere(bib: string): (Flat & { fields: Record<string, unknown> })[] {
  return retorquereEntries(bib).map((e) => {
    const f = e.fields as Record<string, unknown>;
    return {
      key: e.key, type: e.type, title: s(f.title), authors: (e.fields.author ?? []).map(creator), year: s(f.year), journal: s(f.journal),
      volume: s(f.volume), issue: e.type === 'article' ? s(f.number) : null, pages: s(f.pages), doi: s(f.doi), url: s(f.url), abstract: s(f.abstract), fields: f,
    };
  });
}

/** CSV through csv-parse (RFC 4180, BOM stripped); rows of cells. */
export function viaCsvParse(csv: string): string[][] {
  return csvParse(csv, { bom: true, relax_column_count: false }) as string[][];
}
