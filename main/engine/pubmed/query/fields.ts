/**
 * PubMed search field tags: each canonical short tag with its long name and the other spellings
 * PubMed accepts (PubMed Help, "Search Field Descriptions and Tags"). Matching is case-insensitive
 * and tolerates spaces (`[Title/Abstract]`, `[tiab ]`, `[MeSH Terms : noexp]`).
 *
 * Modifiers: `:noexp` (do not explode) on [mh], [majr] and [sh]; `:~N` (proximity) on [ti], [tiab]
 * and [ad], the only fields PubMed allows it on (NLM Technical Bulletin 2022 Nov-Dec, e4; 2023
 * Jul-Aug, e3). A canonical tag with `:noexp` is its own canonical tag: `mh:noexp`, `majr:noexp`,
 * `sh:noexp`.
 */

interface FieldDef {
  tag: string;
  name: string;
  aliases?: string[];
  date?: boolean;
  noexp?: boolean;
  proximity?: boolean;
}

const FIELDS: readonly FieldDef[] = [
  { tag: 'tiab', name: 'Title/Abstract', proximity: true },
  { tag: 'ti', name: 'Title', proximity: true },
  { tag: 'ab', name: 'Abstract' },
  { tag: 'tw', name: 'Text Word', aliases: ['text words'] },
  { tag: 'mh', name: 'MeSH Terms', aliases: ['mesh', 'mesh term', 'mesh headings'], noexp: true },
  { tag: 'majr', name: 'MeSH Major Topic', aliases: ['mesh major topic'], noexp: true },
  { tag: 'sh', name: 'Subheading', aliases: ['mesh subheading', 'subheadings'], noexp: true },
  { tag: 'pt', name: 'Publication Type', aliases: ['ptyp'] },
  { tag: 'au', name: 'Author', aliases: ['author name', 'authors'] },
  { tag: '1au', name: 'First Author Name', aliases: ['first author'] },
  { tag: 'lastau', name: 'Last Author Name', aliases: ['last author'] },
  { tag: 'fau', name: 'Full Author Name' },
  { tag: 'auid', name: 'Author Identifier' },
  { tag: 'cn', name: 'Corporate Author' },
  { tag: 'ir', name: 'Investigator' },
  { tag: 'fir', name: 'Full Investigator Name' },
  { tag: 'ed', name: 'Editor' },
  { tag: 'la', name: 'Language', aliases: ['lang'] },
  { tag: 'dp', name: 'Publication Date', aliases: ['date - publication'], date: true },
  { tag: 'pdat', name: 'PDat', date: true },
  { tag: 'edat', name: 'Entry Date', aliases: ['entrez date', 'date - entry', 'date - entrez'], date: true },
  { tag: 'mhda', name: 'MeSH Date', aliases: ['date - mesh'], date: true },
  { tag: 'crdt', name: 'Create Date', aliases: ['date - create'], date: true },
  { tag: 'dcom', name: 'Completion Date', aliases: ['date - completion'], date: true },
  { tag: 'lr', name: 'Modification Date', aliases: ['date - modification'], date: true },
  { tag: 'epdat', name: 'Electronic Publication Date', aliases: ['date - electronic publication'], date: true },
  { tag: 'ppdat', name: 'Print Publication Date', aliases: ['date - print publication'], date: true },
  { tag: 'sb', name: 'Subset', aliases: ['subset'] },
  { tag: 'filter', name: 'Filter' },
  { tag: 'all', name: 'All Fields' },
  { tag: 'ta', name: 'Journal', aliases: ['jour', 'journal title', 'journal title abbreviation'] },
  { tag: 'jid', name: 'NLM Unique ID' },
  { tag: 'nm', name: 'Supplementary Concept', aliases: ['substance name', 'supplementary concepts'] },
  { tag: 'pa', name: 'Pharmacological Action', aliases: ['mesh pharmacological action'] },
  { tag: 'ot', name: 'Other Term', aliases: ['other terms', 'keyword'] },
  { tag: 'rn', name: 'EC/RN Number', aliases: ['ec/rn', 'registry number'] },
  { tag: 'pmid', name: 'PMID', aliases: ['uid', 'pubmed id'] },
  { tag: 'aid', name: 'Article Identifier' },
  { tag: 'lid', name: 'Location ID' },
  { tag: 'ad', name: 'Affiliation', aliases: ['affiliations'], proximity: true },
  { tag: 'gr', name: 'Grants and Funding', aliases: ['grant number', 'grant'] },
  { tag: 'is', name: 'ISSN' },
  { tag: 'isbn', name: 'ISBN' },
  { tag: 'vi', name: 'Volume' },
  { tag: 'ip', name: 'Issue' },
  { tag: 'pg', name: 'Pagination', aliases: ['page'] },
  { tag: 'si', name: 'Secondary Source ID', aliases: ['secondary source identifier'] },
  { tag: 'ps', name: 'Personal Name as Subject' },
  { tag: 'tt', name: 'Transliterated Title' },
  { tag: 'pl', name: 'Place of Publication' },
  { tag: 'pubn', name: 'Publisher' },
  { tag: 'cois', name: 'Conflict of Interest Statement' },
  { tag: 'bk', name: 'Book' },
  { tag: 'so', name: 'Source' },
];

/** A canonical tag: a short tag from the table, optionally with `:noexp` (e.g. `tiab`, `mh:noexp`). */
export type FieldTag = string;

const BY_SPELLING = new Map<string, FieldDef>();
for (const f of FIELDS) {
  for (const s of [f.tag, f.name, ...(f.aliases ?? [])]) BY_SPELLING.set(squash(s), f);
}

function squash(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ').replace(/\s*\/\s*/g, '/').trim();
}

export type TagResult =
  | { ok: true; field: FieldTag; proximity?: number }
  | { ok: false; message: string };

/** Reads the inside of `[…]`: `Title/Abstract`, `mesh:noexp`, `tiab:~3`. */
export function resolveTag(inside: string): TagResult {
  const colon = inside.indexOf(':');
  const base = squash(colon < 0 ? inside : inside.slice(0, colon));
  const mod = colon < 0 ? null : inside.slice(colon + 1).replace(/\s+/g, '').toLowerCase();
  const def = BY_SPELLING.get(base);
  const shown = `[${inside.trim()}]`;
  if (!def) return { ok: false, message: `unknown field tag ${shown}` };
  if (mod === null) return { ok: true, field: def.tag };
  if (mod === 'noexp') {
    if (!def.noexp) return { ok: false, message: `:noexp works only with [mh], [majr] and [sh], not ${shown}` };
    return { ok: true, field: `${def.tag}:noexp` };
  }
  const m = /^~(\d+)$/.exec(mod);
  if (m) {
    if (!def.proximity) return { ok: false, message: `proximity (:~N) works only with [ti], [tiab] and [ad], not ${shown}` };
    return { ok: true, field: def.tag, proximity: Number(m[1]) };
  }
  return { ok: false, message: `unknown field tag modifier in ${shown}` };
}

function defOf(field: FieldTag): FieldDef | undefined {
  return BY_SPELLING.get(field.replace(/:noexp$/, ''));
}

export function isDateField(field: FieldTag | null): boolean {
  return field !== null && defOf(field)?.date === true;
}

export function allowsProximity(field: FieldTag | null): boolean {
  return field !== null && defOf(field)?.proximity === true;
}

/** The long name PubMed shows for a canonical tag (`tiab` → `Title/Abstract`). */
export function fieldName(field: FieldTag): string | undefined {
  const d = defOf(field);
  if (!d) return undefined;
  return field.endsWith(':noexp') ? `${d.name}:noexp` : d.name;
}

/** Every canonical short tag (without modifiers). */
export function fieldTags(): string[] {
  return [...new Set(FIELDS.map((f) => f.tag))];
}
