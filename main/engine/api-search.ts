/** The engine facade's search shapes: options, results with their score traces, responses, pipeline events. */
import type { DocKind } from './types.js';
import type { LlmSummary, PipelineOptions, PipelineStatus, StageInfo, StageName } from './reason/types.js';

/** A full search's progress: a stage's start or end, or an updated ranking. */
export type PipelineEvent =
  | { type: 'stage'; stage: StageInfo }
  | { type: 'results'; stage: StageName; results: SearchResult[] };

export interface SearchTrace {
  /**
   * Rank and score by BM25 (Lucene's formula: search/bm25/bm25-index.ts) before word-order re-scoring;
   * null when the chunk was not among the BM25 candidates.
   */
  bm25Rank: number | null;
  bm25Score: number | null;
  /** Share (0..1) of the query's consecutive word pairs found in the chunk. */
  proximity: number;
  /**
   * proximity³ × the best bm25 score among the candidates. The BM25 list is ordered by
   * bm25Score + proximityBonus, which is the score in bm25 mode and what hybrid fusion normalises.
   */
  proximityBonus: number;
  /** The FTS5 MATCH expression actually run, for explanation (null in dense mode). */
  ftsQuery: string | null;
  /** Rank and cosine similarity in the dense list; null when not in it (or not run). */
  denseRank: number | null;
  denseScore: number | null;
  /** Each list's score after min-max normalisation over its top N (0 when absent from that list). */
  bm25Norm: number | null;
  denseNorm: number | null;
  /** The fused score (= `score` of the result) and how it was computed. */
  fused: number;
  fusion: 'none' | 'minmax' | 'rrf';
  /** `--mode full` only: the judge's helpfulness (0–10; expected over log-probabilities where given) and its reason; null when unjudged. */
  llm?: { score: number; sampled: number | null; expected: number | null; reason: string; parsed: boolean } | null;
  /** `--mode full` only: final = alpha·llm/10 + (1−alpha)·fused (fused as used, normalised), and the listwise rank when that pass ran. */
  rerank?: { alpha: number; fused: number; pointwise: number; listRank: number | null };
  /** `--mode full` only: this chunk's rank in each stage's ranking (null when absent from it). */
  stages?: { initial: number | null; expanded: number | null; final: number };
  /** Rank of this passage in the ungrouped passage list (set when results are grouped by document). */
  passageRank?: number;
  /** True when the passage is its PDF's title/author/affiliation block (search/front-matter.ts). */
  frontMatter?: boolean;
}

/** Where a chunk is: its document and first page (shared by search results and chunk details). */
export interface ChunkPlace {
  chunkId: number;
  docId: number;
  path: string;
  title: string | null;
  kind: DocKind;
  /** Physical page (1-based) for PDFs; null for notes. */
  page: number | null;
  /** The page's printed label (`84`, `iv`), when the PDF has one. */
  pageLabel: string | null;
}

export interface SearchResult extends ChunkPlace {
  rank: number;
  headingPath: string[];
  /** Chunk text excerpt with matched terms wrapped in «…». */
  snippet: string;
  /** The same excerpt without marks, and the [start, end) offsets of the matched terms in it. */
  snippetText: string;
  marks: [number, number][];
  /** DOCX/HTML: {paragraph}; EPUB: {chapter, href, paragraph} (page is then the chapter); DOCX comments and tracked changes add {kind, author}. */
  locator?: Record<string, string | number>;
  /** Set when the passage's text came from OCR: the page's mean word confidence (0–100). */
  ocrConfidence?: number;
  score: number;
  trace: SearchTrace;
  /** Grouped by document: the document's other passages among the candidates (search/group.ts). */
  group?: ResultGroup;
}

export interface ResultGroup {
  /** How many of the document's passages were among the candidates (this one included). */
  passages: number;
  /** The document's score: its best passage's (which may be front matter, not shown). */
  score: number;
  /** Its other passages, in rank order, each with its own trace (at most `morePerDocument`). */
  more: SearchResult[];
}

export type SearchMode = 'bm25' | 'dense' | 'hybrid';

export interface SearchOptions {
  /**
   * Default: 'hybrid' when an embedding model is configured and its vectors exist, else 'bm25'.
   * 'full' adds the LLM stages (expansion, rewrite, helpfulness rerank) through Ollama: see searchFull.
   */
  mode?: SearchMode | 'full';
  k?: number;
  /** Hybrid fusion: DIVER's min-max weighted sum (default) or reciprocal rank fusion (k = 60). */
  fusion?: 'minmax' | 'rrf';
  /** Weight of the dense list in min-max fusion: final = w·dense + (1−w)·bm25 (default 0.5). */
  weight?: number;
  /** Candidates taken from each list before fusion (default 100). */
  candidates?: number;
  /**
   * 'document': one result per document, ranked by its best chunk, shown by its best chunk that is
   * not front matter, with its other passages in `group.more`. Default 'chunk'.
   */
  groupBy?: 'chunk' | 'document';
  /** false: the text is searched as it is, without the search box's operators (evaluations run queries so). */
  operators?: boolean;
  /** Grouped results: most other passages hydrated per document (default 5). */
  morePerDocument?: number;
  /** `mode: 'full'`: the LLM stages' settings, the Ollama host for this query, cancel, and stage events as they happen. */
  pipeline?: PipelineOptions;
  ollama?: string;
  signal?: AbortSignal;
  onEvent?: (e: PipelineEvent) => void;
  /** false: leave this search out of the search history (default: recorded). */
  history?: boolean;
  /** RM3 pseudo-relevance feedback on the BM25 list (default: the engine's `bm25.rm3`, off). */
  rm3?: boolean;
}

export interface SearchResponse {
  query: string;
  mode: SearchMode | 'full';
  results: SearchResult[];
  ms: number;
  /** How the results were grouped ('chunk': one result per passage). */
  grouping?: 'chunk' | 'document';
  /**
   * The search box's operators (search/query/operators.ts), when the query used any: how it was understood
   * ("must contain “heart failure”", "author: Tully") and what could not be honoured, in words.
   */
  operators?: { applied: string[]; notes: string[] };
  /** `mode: 'full'` only: each LLM stage as it ran, LLM usage for this query, and why stages stopped (null when all ran). */
  stages?: StageInfo[];
  llm?: LlmSummary;
  status?: PipelineStatus | null;
  /** With RM3: the feedback terms and the expanded query's terms with their weights (each sums to 1); null when the query could not be expanded. */
  rm3?: { feedback: { term: string; weight: number }[]; terms: { term: string; weight: number }[]; feedbackChunks: number[] } | null;
  /** The default mode answered with BM25 alone because the remote (Ollama) embedding model did not answer: why. */
  denseError?: { code: string; message: string };
}
