/**
 * Field leaves of an offline PubMed query that are not text words: MeSH headings and subheadings
 * (`pubmed_mesh`), publication types, language, journal and PMID (`pubmed_records` and the record's
 * metadata), publication year and authors (every document's row, so PDFs and notes match [dp] and
 * [au] too). Controlled terms compare folded: case, diacritics, punctuation and "&"/"and" aside.
 */
import type { Db } from '../../store/db.js';
import { authorMatches, fold, nameParts, type NameParts } from '../library/names.js';

interface RecordRow { id: number; pmid: string; language: string | null; types: string; journal: string | null; abbrev: string | null }

/** ISO 639-2 codes (as MEDLINE stores them) of the language names PubMed's [la] accepts. */
const LANGUAGES: Record<string, string> = {
  english: 'eng', french: 'fre', german: 'ger', spanish: 'spa', italian: 'ita', japanese: 'jpn', chinese: 'chi',
  russian: 'rus', portuguese: 'por', dutch: 'dut', polish: 'pol', korean: 'kor', swedish: 'swe', danish: 'dan',
  norwegian: 'nor', finnish: 'fin', turkish: 'tur', hebrew: 'heb', czech: 'cze', hungarian: 'hun', greek: 'gre',
  arabic: 'ara', persian: 'per', croatian: 'hrv', serbian: 'srp', romanian: 'rum', ukrainian: 'ukr',
};

export class FieldIndex {
  private recordRows: RecordRow[] | null = null;
  private authorRows: { id: number; names: NameParts[] }[] | null = null;
  constructor(private readonly db: Db) {}

  /** `descriptor` or `descriptor/qualifier`; a truncated descriptor matches headings beginning with it. */
  mesh(text: string, opts: { major: boolean; truncated: boolean }): Set<number> {
    const slash = text.indexOf('/');
    const descriptor = fold(slash < 0 ? text : text.slice(0, slash));
    const qualifier = slash < 0 ? null : fold(text.slice(slash + 1));
    const where = [opts.truncated ? "descriptor LIKE ? ESCAPE '\\'" : 'descriptor = ?'];
    const args: unknown[] = [opts.truncated ? likePrefix(descriptor) : descriptor];
    if (qualifier) { where.push('qualifier = ?'); args.push(qualifier); }
    if (opts.major) where.push('major = 1');
    return this.ids(`SELECT DISTINCT doc_id FROM pubmed_mesh WHERE ${where.join(' AND ')}`, args);
  }

  subheading(text: string, major: boolean): Set<number> {
    return this.ids(`SELECT DISTINCT doc_id FROM pubmed_mesh WHERE qualifier = ?${major ? ' AND major = 1' : ''}`, [fold(text)]);
  }

  publicationType(text: string): Set<number> {
    const want = fold(text);
    return new Set(this.records().filter((r) => (JSON.parse(r.types) as string[]).some((t) => fold(t) === want)).map((r) => r.id));
  }

  language(text: string): Set<number> {
    const want = fold(text);
    const code = LANGUAGES[want] ?? want;
    return new Set(this.records().filter((r) => r.language !== null && fold(r.language) === code).map((r) => r.id));
  }

  journal(text: string): Set<number> {
    const want = fold(text);
    return new Set(this.records().filter((r) => [r.journal, r.abbrev].some((j) => j !== null && fold(j) === want)).map((r) => r.id));
  }

  pmid(text: string): Set<number> {
    return new Set(this.records().filter((r) => r.pmid === text.trim()).map((r) => r.id));
  }

  years(from: number, to: number): Set<number> {
    return this.ids('SELECT id FROM documents WHERE year BETWEEN ? AND ?', [from, to]);
  }

  /** [au] (any author), [1au] (the first), [lastau] (the last). */
  author(text: string, which: 'any' | 'first' | 'last'): Set<number> {
    const q = nameParts(text);
    if (q.last === '') return new Set();
    this.authorRows ??= (this.db.prepare("SELECT id, authors FROM documents WHERE authors != '[]'").all() as { id: number; authors: string }[])
      .map((r) => ({ id: r.id, names: (JSON.parse(r.authors) as unknown[]).filter((a): a is string => typeof a === 'string').map(nameParts) }));
    const out = new Set<number>();
    for (const r of this.authorRows) {
      const names = which === 'first' ? r.names.slice(0, 1) : which === 'last' ? r.names.slice(-1) : r.names;
      if (names.some((n) => authorMatches(q, n))) out.add(r.id);
    }
    return out;
  }

  private records(): RecordRow[] {
    this.recordRows ??= this.db.prepare(`SELECT r.doc_id AS id, r.pmid, r.language, r.publication_types AS types, r.journal,
      json_extract(d.metadata, '$.journalAbbrev') AS abbrev FROM pubmed_records r JOIN documents d ON d.id = r.doc_id`).all() as RecordRow[];
    return this.recordRows;
  }

  private ids(sql: string, args: unknown[]): Set<number> {
    return new Set(this.db.prepare(sql).pluck().all(...args) as number[]);
  }
}

function likePrefix(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`) + '%';
}
