/**
 * The status bar: library size and its kinds from the engine's status, the scanned pages still
 * without text, the embedding model in use, whether Ollama answers (a quick check, cached; see
 * llm.ts) and whether an index job runs.
 */
import type { Engine, EmbeddingStatus } from '../../engine/api.js';
import type { LlmHealth } from '../../engine/app/llm.js';
import type { AppStatus } from './types.js';

export function embeddingSummary(e: EmbeddingStatus | null): AppStatus['embedding'] {
  if (!e) return null;
  return {
    model: e.model, provider: e.host ? `ollama @ ${e.host}` : e.provider, fallbackReason: e.fallbackReason, vectors: e.vectors, complete: e.complete,
    chunksPerSec: e.lastJob?.chunksPerSec ?? null,
  };
}

export async function appStatus(engine: Engine, health: Promise<LlmHealth>, indexing: boolean): Promise<AppStatus> {
  const { totals, documents } = engine.status();
  const kinds: AppStatus['kinds'] = {};
  for (const d of documents) kinds[d.kind] = (kinds[d.kind] ?? 0) + 1;
  const [embedding, h] = await Promise.all([engine.embeddingStatus(), health]);
  return {
    documents: totals.documents,
    chunks: totals.chunks,
    dbBytes: totals.dbBytes,
    kinds,
    ocrPages: totals.needsOcrPages,
    embedding: embeddingSummary(embedding),
    ollama: { host: h.host, ok: h.ok, message: h.status?.message ?? null },
    indexing,
  };
}
