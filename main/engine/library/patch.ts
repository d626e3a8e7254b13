/**
 * A user's correction of bibliographic fields, checked and tidied before it is pinned: text
 * trimmed (empty means no value), authors a list of names, a four-digit year, a DOI without its
 * resolver prefix that looks like one (10.<registrant>/<suffix>). Unknown fields are refused.
 */
import type { BibPatch } from '../api-library.js';
import { EngineError } from '../errors.js';
import { BIB_FIELDS, type BibField } from './fields.js';

const bad = (message: string) => new EngineError('BAD_ARGUMENT', message);
const text = (v: string) => v.replace(/\s+/g, ' ').trim();

function optionalText(field: string, v: unknown): string | null {
  if (v === null) return null;
  if (typeof v !== 'string') throw bad(`${field} must be text or null`);
  return text(v) || null;
}

function authors(v: unknown): string[] {
  if (v === null) return [];
  if (!Array.isArray(v) || !v.every((a) => typeof a === 'string')) throw bad('authors must be a list of names');
  return v.map(text).filter((a) => a.length > 0);
}

function year(v: unknown): number | null {
  if (v === null) return null;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1000 || v > 9999) throw bad(`year must be a four-digit year or null, got ${JSON.stringify(v)}`);
  return v;
}

function doi(v: unknown): string | null {
  const s = optionalText('doi', v)?.replace(/^(?:doi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)/i, '') ?? null;
  if (s === null || s === '') return null;
  if (!/^10\.\d{4,9}\/\S+$/.test(s)) throw bad(`not a DOI: ${JSON.stringify(v)} (a DOI looks like 10.1155/2010/157939)`);
  return s;
}

export function checkPatch(patch: unknown): BibPatch {
  if (!patch || typeof patch !== 'object' || Array.isArray(patch)) throw bad('a metadata change must be an object of fields');
  const unknown = Object.keys(patch).filter((k) => !(BIB_FIELDS as readonly string[]).includes(k));
  if (unknown.length > 0) throw bad(`unknown field${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}: the fields are ${BIB_FIELDS.join(', ')}`);
  const p = patch as Record<BibField, unknown>;
  const out: BibPatch = {};
  if ('title' in p && p.title !== undefined) out.title = optionalText('title', p.title);
  if ('authors' in p && p.authors !== undefined) out.authors = authors(p.authors);
  if ('year' in p && p.year !== undefined) out.year = year(p.year);
  if ('doi' in p && p.doi !== undefined) out.doi = doi(p.doi);
  if ('journal' in p && p.journal !== undefined) out.journal = optionalText('journal', p.journal);
  return out;
}
