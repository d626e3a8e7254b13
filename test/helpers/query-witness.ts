/**
 * Test support: synthetic PubMed records built from a Boolean query's own terms.
 *
 *  - `witness(tree, seed)`: what a record must contain to satisfy the query: every child of an AND,
 *    one child of an OR (rotated by the seed, skipping children that cannot be satisfied offline),
 *    the left of a NOT. Text terms become phrases (a truncated word gets a suffix), [ti] terms go in
 *    the title (else a text term is the title), [mh]/[majr]/[sh] become MeSH headings, [pt]/[la]/[au]/[ta]/[dp] their fields. Null
 *    when no choice avoids fields the library does not store ([nm], [pa]…).
 *  - `mayMatch(node, atoms)`: a deliberately generous check (shared 4-letter word starts, equal
 *    headings) that a record could satisfy any leaf of `node`. Used to make sure the right side of
 *    every NOT, and the AND branch a distractor drops, cannot match: if no leaf can, the subtree is false.
 */
import type { Node, TermNode } from '../../main/engine/pubmed/query/ast.js';
import { fold } from '../../main/engine/pubmed/library/names.js';

export interface Atoms {
  title: string[];
  text: string[];
  mesh: { descriptor: string; qualifier?: string; major: boolean }[];
  types: string[];
  language?: string;
  journal?: string;
  year?: number;
  authors: string[];
  /** Right sides of the NOTs this witness went through: none may match. */
  excluded: Node[];
}

export const empty = (): Atoms => ({ title: [], text: [], mesh: [], types: [], authors: [], excluded: [] });

const TEXT = new Set([null, 'tiab', 'tw', 'all', 'ab', 'ti']);
const LANG: Record<string, string> = { english: 'eng', french: 'fre', german: 'ger', spanish: 'spa' };

function leaf(t: TermNode): Atoms | null {
  const a = empty();
  const words = t.truncated ? `${t.text}ations` : t.text;
  if (!/[\p{L}\p{N}]/u.test(t.text)) return null;
  const field = t.field?.replace(/:noexp$/, '') ?? null;
  if (TEXT.has(field)) (field === 'ti' ? a.title : a.text).push(words);
  else if (field === 'mh' || field === 'majr') {
    const [descriptor = '', qualifier] = t.text.split('/');
    a.mesh.push({ descriptor: t.truncated ? `${descriptor}s` : descriptor, ...(qualifier ? { qualifier } : {}), major: field === 'majr' });
  } else if (field === 'sh') a.mesh.push({ descriptor: 'Synthetic Topics', qualifier: t.text, major: false });
  else if (field === 'pt') a.types.push(t.text);
  else if (field === 'la') a.language = LANG[t.text.toLowerCase()] ?? t.text.toLowerCase();
  else if (field === 'ta') a.journal = t.text;
  else if (field === 'au') a.authors.push(t.text);
  else if (field === 'dp' && /^\d{4}$/.test(t.text)) a.year = Number(t.text);
  else return null;
  return a;
}

export function merge(a: Atoms, b: Atoms): Atoms {
  return {
    title: [...a.title, ...b.title], text: [...a.text, ...b.text], mesh: [...a.mesh, ...b.mesh], types: [...a.types, ...b.types],
    language: b.language ?? a.language, journal: b.journal ?? a.journal, year: b.year ?? a.year,
    authors: [...a.authors, ...b.authors], excluded: [...a.excluded, ...b.excluded],
  };
}

/** The record's atoms with a title: its [ti] terms, else one of its text terms (moved, as [tiab] covers titles). */
export function witness(n: Node, seed: number): Atoms | null {
  const w = atomsOf(n, seed);
  if (!w || w.title.length > 0 || w.text.length === 0) return w;
  const k = seed % w.text.length;
  return { ...w, title: [w.text[k]!], text: w.text.filter((_, i) => i !== k) };
}

function atomsOf(n: Node, seed: number): Atoms | null {
  switch (n.type) {
    case 'term': return leaf(n);
    case 'range': return { ...empty(), year: Number(n.from.slice(0, 4)) };
    case 'ref': return null;
    case 'and': {
      let acc = empty();
      for (const c of n.children) {
        const w = atomsOf(c, seed);
        if (!w) return null;
        acc = merge(acc, w);
      }
      return acc;
    }
    case 'or': {
      for (let i = 0; i < n.children.length; i++) {
        const w = atomsOf(n.children[(seed + i) % n.children.length]!, seed * 7 + i + 1);
        if (w) return w;
      }
      return null;
    }
    case 'not': {
      const w = atomsOf(n.children[0], seed);
      return w && { ...w, excluded: [...w.excluded, n.children[1]] };
    }
  }
}

const words = (s: string) => fold(s).split(' ').filter(Boolean);
const close = (a: string, b: string) => {
  const k = Math.min(4, a.length, b.length);
  return a.slice(0, k) === b.slice(0, k);
};

/** Could a record with these atoms satisfy some leaf of `n`? Generous on purpose. */
export function mayMatch(n: Node, a: Atoms): boolean {
  if (n.type !== 'term') return n.type === 'range' || n.type === 'ref' || (n.type !== 'not' ? n.children.some((c) => mayMatch(c, a)) : mayMatch(n.children[0], a));
  const titleOnly = n.field === 'ti' || n.field === 'ti:noexp';
  const recordWords = [...a.title, ...(titleOnly ? [] : a.text)].flatMap(words);
  const heads = a.mesh.flatMap((m) => [fold(m.descriptor), fold(m.qualifier ?? '')]);
  const term = fold(n.text.split('/')[0] ?? '');
  const textual = n.field === null || TEXT.has(n.field.replace(/:noexp$/, ''));
  const termWords = words(n.text);
  if (textual && termWords.length > 0 && termWords.every((w) => recordWords.some((r) => close(w, r)))) return true;
  return heads.includes(term) || heads.includes(fold(n.text)) || [...a.types, 'Journal Article'].some((t) => fold(t) === fold(n.text))
    || a.authors.some((x) => fold(x) === fold(n.text)) || (a.journal !== undefined && fold(a.journal) === fold(n.text));
}

/** A witness whose NOT right sides cannot match, trying seeds in turn; null when none is found. */
export function safeWitness(n: Node, seed: number, tries = 25): Atoms | null {
  for (let s = seed; s < seed + tries; s++) {
    const w = witness(n, s);
    if (w && !w.excluded.some((x) => mayMatch(x, w))) return w;
  }
  return null;
}

/** The AND whose branches a distractor drops: the root, or the left of NOTs down from it. */
export function conjunction(n: Node): Node[] | null {
  if (n.type === 'and') return n.children;
  if (n.type === 'not') return conjunction(n.children[0]);
  return null;
}
