/**
 * The FTS5 tokenizer of `chunks_fts` and `documents_title_fts` (migrations 0002 and 0005), and of
 * the scratch table that stems words for offline PubMed queries (pubmed/offline/text.ts): porter
 * stemming over unicode61, diacritics folded, and the middle dots that join Korean and Japanese
 * word lists (ㆍ ・ ·) as separators. Changing it changes existing indexes: that takes a new
 * migration that rebuilds them, never an edit here.
 */
export const FTS_TOKENIZE = `tokenize = 'porter unicode61 remove_diacritics 2 separators ''ㆍ・·'''`;
