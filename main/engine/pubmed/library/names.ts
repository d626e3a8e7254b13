/**
 * Author names and controlled-vocabulary keys.
 *
 * Authors are stored in `documents.authors` as PubMed shows them: "Müller AL" (last name and
 * initials) or the collective name. Other documents hold whatever their metadata had ("Anna
 * Müller", "Müller, Anna"); `nameParts` reads all three shapes for [au] searches.
 */
import type { PubmedAuthor } from '../eutils/types.js';

/** "Müller AL"; "Müller A" from the fore name when the record has no initials; a collective name as is. */
export function authorString(a: PubmedAuthor): string {
  if ('collective' in a) return a.collective;
  const initials = a.initials ?? initialsOf(a.fore ?? '');
  return initials ? `${a.last} ${initials}` : a.last;
}

function initialsOf(fore: string): string {
  return fore.split(/[\s-]+/).filter(Boolean).map((w) => w[0]!.toUpperCase()).join('');
}

/** Lower case, diacritics removed, punctuation to spaces, "&" read as "and", spaces collapsed. */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

export interface NameParts { last: string; initials: string; /** The whole name folded: collective names compare this way. */ full: string }

/**
 * A name as last name + initials, folded: "Müller AL", "Muller, Anna-Lena", "Anna Lena Müller",
 * and the query forms "muller al", "muller"; a collective name keeps all its words as `last`.
 */
export function nameParts(name: string): NameParts {
  return { ...lastAndInitials(name), full: fold(name) };
}

function lastAndInitials(name: string): Omit<NameParts, 'full'> {
  const comma = name.indexOf(',');
  if (comma > 0) return { last: fold(name.slice(0, comma)), initials: fold(initialsOf(name.slice(comma + 1))).replace(/ /g, '') };
  const words = name.trim().split(/\s+/).filter(Boolean);
  const tail = words[words.length - 1] ?? '';
  if (words.length >= 2 && /^\p{Lu}{1,3}$/u.test(tail)) return { last: fold(words.slice(0, -1).join(' ')), initials: fold(tail).replace(/ /g, '') };
  if (words.length >= 2 && /^\p{Ll}{1,3}$/u.test(tail) && name === name.toLowerCase()) {
    return { last: fold(words.slice(0, -1).join(' ')), initials: tail };
  }
  if (words.length >= 2 && words.length <= 4 && words.every((w) => /^\p{Lu}/u.test(w))) {
    return { last: fold(tail), initials: fold(initialsOf(words.slice(0, -1).join(' '))).replace(/ /g, '') };
  }
  return { last: fold(name), initials: '' };
}

/** PubMed's [au]: the last name matches, and the query's initials (if any) begin the author's. */
export function authorMatches(query: NameParts, author: NameParts): boolean {
  return query.full === author.full || (query.last === author.last && author.initials.startsWith(query.initials));
}
