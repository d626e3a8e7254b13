/** Ranking defaults as the app shows them (Settings → Ranking): BM25's k1 and b (search/RANKING.md). */
export { DEFAULT_BM25, type Bm25Params } from '../search/bm25/bm25-index.js';
