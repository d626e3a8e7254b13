/**
 * Text-word leaves of an offline PubMed query, on the FTS5 indexes: `chunks_fts` (a document's text;
 * a record's title and abstract) and `documents_title_fts` (titles, for [ti]). A document matches
 * when any one of its chunks does; the runner combines the documents of each leaf.
 *
 *  - words and phrases: an FTS5 phrase. The index stems (porter), so "cancer" also finds "cancers",
 *    where PubMed's [tiab] finds the word itself: offline matching is the wider of the two.
 *  - an unquoted multi-word term is a phrase, as PubMed searches it when its phrase index has it; when
 *    no document in the library has the phrase, its words are ANDed (PubMed's fallback).
 *  - truncation `exercis*`: PubMed matches words that begin with the letters typed. The index holds
 *    stems, and FTS5 stems the prefix too: `"mobiliz" *` misses "mobilization" (stored "mobil") and
 *    `"mobile" *` (stemmed "mobil") finds it. So a single truncated word is looked up in the index's
 *    vocabulary: stored terms that begin with the prefix, and stems shorter than it (or differing in
 *    their last letter) whose chunks are then checked word by word against the unstemmed text. A
 *    truncated phrase ("breast fed*") runs FTS5's prefix phrase only, with the stemming caveat.
 *  - proximity `"a b"[tiab:~N]`: FTS5 NEAR("a" "b", N): at most N words between them, any order.
 */
import type { Db } from '../../store/db.js';
import { FTS_TOKENIZE } from '../../store/fts-tokenizer.js';

export type TextScope = 'text' | 'title';

interface ScopeDef { fts: string; docsOf: string; textOf: string; docOf: string }

const SCOPES: Record<TextScope, ScopeDef> = {
  text: {
    fts: 'chunks_fts',
    docsOf: 'SELECT DISTINCT c.doc_id AS id FROM chunks_fts JOIN chunks c ON c.id = chunks_fts.rowid WHERE chunks_fts MATCH ?',
    textOf: 'SELECT doc_id AS id, text FROM chunks WHERE id = ?',
    docOf: 'SELECT doc_id FROM chunks WHERE id = ?',
  },
  title: {
    fts: 'documents_title_fts',
    docsOf: 'SELECT rowid AS id FROM documents_title_fts WHERE documents_title_fts MATCH ?',
    textOf: 'SELECT id, title AS text FROM documents WHERE id = ?',
    docOf: 'SELECT ?',
  },
};

/** Lower case, diacritics removed: how the index's tokenizer (unicode61 remove_diacritics 2) sees letters. */
export function foldText(s: string): string {
  return s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** The words of a term as the index splits them (letters, digits; the word-joining dots separate). */
export function wordsOf(s: string): string[] {
  return foldText(s.replace(/[\u318D\u30FB\u00B7]/g, ' ')).match(/[\p{L}\p{N}\p{Co}]+/gu) ?? [];
}


const phrase = (words: readonly string[]) => `"${words.join(' ')}"`;

export class TextIndex {
  private readonly vocabReady = new Set<TextScope>();
  constructor(private readonly db: Db) {}

  docs(scope: TextScope, match: string): Set<number> {
    const rows = this.db.prepare(SCOPES[scope].docsOf).pluck().all(match) as number[];
    return new Set(rows);
  }

  /** A word or phrase; an unquoted multi-word term falls back to all its words when the phrase is nowhere. */
  phrase(scope: TextScope, words: readonly string[], quoted: boolean): Set<number> {
    const hits = this.docs(scope, phrase(words));
    if (hits.size > 0 || quoted || words.length < 2) return hits;
    return words.map((w) => this.docs(scope, phrase([w]))).reduce((a, b) => new Set([...a].filter((x) => b.has(x))));
  }

  near(scope: TextScope, words: readonly string[], distance: number, truncated: boolean): Set<number> {
    if (words.length < 2) return truncated ? this.prefix(scope, words) : this.phrase(scope, words, true);
    const parts = words.map((w, i) => (truncated && i === words.length - 1 ? `${phrase([w])} *` : phrase([w])));
    return this.docs(scope, `NEAR(${parts.join(' ')}, ${distance})`);
  }

  /** Words beginning with the last word's letters (preceded by the other words, for a phrase). */
  prefix(scope: TextScope, words: readonly string[]): Set<number> {
    const last = words[words.length - 1];
    if (words.length !== 1 || last === undefined) return this.docs(scope, `${phrase(words)} *`);
    // FTS5's prefix query is exact when the prefix is its own stem; otherwise read the vocabulary.
    const hits = this.stem(last) === last ? this.docs(scope, `${phrase([last])} *`) : this.startingWith(scope, last);
    for (const id of this.shorterStems(scope, last)) hits.add(id);
    return hits;
  }

  /** Documents with a stored term that begins with `p` (read from the vocabulary, not stemmed again). */
  private startingWith(scope: TextScope, p: string): Set<number> {
    this.ensureVocab(scope);
    const rows = this.db.prepare(`SELECT DISTINCT doc FROM temp.delve_${scope}_instance WHERE term >= ? AND term < ?`).pluck().all(p, p + '\uffff') as number[];
    const doc = this.db.prepare(SCOPES[scope].docOf).pluck();
    return new Set(rows.map((r) => doc.get(r) as number));
  }

  /** The index's stem of one word: the tokenizer run on it in a scratch FTS5 table. */
  private stem(word: string): string {
    this.db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.delve_stem USING fts5 (w, ${FTS_TOKENIZE});
      CREATE VIRTUAL TABLE IF NOT EXISTS temp.delve_stem_vocab USING fts5vocab(temp, delve_stem, row);`);
    this.db.prepare('INSERT INTO temp.delve_stem (rowid, w) VALUES (1, ?)').run(word);
    const stem = this.db.prepare('SELECT term FROM temp.delve_stem_vocab').pluck().get() as string | undefined;
    this.db.exec('DELETE FROM temp.delve_stem');
    return stem ?? word;
  }

  /**
   * Documents with a word that begins with `p` but whose stem is shorter than `p` or differs in its
   * last letter ("mobilization" → "mobil" for `mobiliz*`, "happy" → "happi" for `happy*`): candidate
   * stems from the vocabulary, then the unstemmed words of those chunks.
   */
  private shorterStems(scope: TextScope, p: string): Set<number> {
    const out = new Set<number>();
    const root = p.slice(0, Math.max(3, p.length - 6));
    if (root.length >= p.length) return out;
    this.ensureVocab(scope);
    const terms = (this.db.prepare(`SELECT term FROM temp.delve_${scope}_vocab WHERE term >= ? AND term < ?`).pluck()
      .all(root, root + '\uffff') as string[]).filter((t) => !t.startsWith(p) && candidate(t, p));
    if (terms.length === 0) return out;
    const rows = this.db.prepare(`SELECT DISTINCT doc FROM temp.delve_${scope}_instance WHERE term = ?`).pluck();
    const text = this.db.prepare(SCOPES[scope].textOf);
    const seen = new Set<number>();
    for (const t of terms) {
      for (const rowid of rows.all(t) as number[]) {
        if (seen.has(rowid)) continue;
        seen.add(rowid);
        const r = text.get(rowid) as { id: number; text: string | null } | undefined;
        if (r && !out.has(r.id) && wordsOf(r.text ?? '').some((w) => w.startsWith(p))) out.add(r.id);
      }
    }
    return out;
  }

  private ensureVocab(scope: TextScope): void {
    if (this.vocabReady.has(scope)) return;
    const fts = SCOPES[scope].fts;
    this.db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.delve_${scope}_vocab USING fts5vocab(main, ${fts}, row);
      CREATE VIRTUAL TABLE IF NOT EXISTS temp.delve_${scope}_instance USING fts5vocab(main, ${fts}, instance);`);
    this.vocabReady.add(scope);
  }
}

/** A stem `t` a word beginning with `p` may have: `t` follows `p` up to, at most, its own last letter. */
function candidate(t: string, p: string): boolean {
  let common = 0;
  while (common < t.length && common < p.length && t[common] === p[common]) common++;
  return common >= t.length - 1 && t.length <= p.length + 1;
}
