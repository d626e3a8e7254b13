/**
 * Drafting PubMed Boolean queries with the local LLM (issue #5): draftQueries asks for K candidates
 * and ranks them by seed recall (DeepRetrieval's Recall@3K); draftAndCheck adds, for each valid
 * candidate, its clause counts (like PubMed's History) and a check of its MeSH headings.
 */
import { checkCandidate, type CheckedCandidate } from './checked.js';
import { draftQueries, type DraftOptions } from './draft.js';
import type { MeshClient } from './mesh-client.js';

export { readAnswer } from './answer.js';
export { failed, type DraftCandidate } from './candidate.js';
export { checkCandidate, type CheckedCandidate } from './checked.js';
export { clauseCounts, clauseQueries, MAX_CLAUSE_REQUESTS, type ClauseCount, type ClauseReport } from './clauses.js';
export { draftQueries, RECALL_AT, type DraftOptions } from './draft.js';
export { createMeshClient, type MeshClient, type MeshClientOptions, type MeshRecord } from './mesh-client.js';
export { checkHeading, checkMesh, meshHeadings, type MeshCheck } from './mesh.js';
export { parsePico } from './pico.js';
export { countDistance, deepRetrievalReward, DEFAULT_TARGET_COUNT, rankCandidates, recallReward } from './rank.js';

export interface DraftAndCheckOptions extends DraftOptions {
  /** MeSH lookups; null skips the check. */
  mesh: MeshClient | null;
  /** Clause-count requests per candidate (default 12; 0 for none). */
  clauseLimit?: number;
}

/** Drafts, ranks, then counts clauses and checks MeSH for every valid candidate. */
export async function draftAndCheck(o: DraftAndCheckOptions): Promise<CheckedCandidate[]> {
  const ranked = await draftQueries(o);
  return Promise.all(ranked.map((c) => checkCandidate(c, o)));
}
