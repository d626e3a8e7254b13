/**
 * What the settings mean for the engine: its EngineConfig (database, chunking, the Ollama host and
 * models per role, the embedding model: an Ollama one when set, else the installed one and its
 * provider; OCR on/off and its languages) and the LLM settings alone.
 */
import { join } from 'node:path';
import type { EngineConfig, LlmConfig } from '../../engine/api.js';
import type { EngineServerConfig } from '../engine-protocol.js';
import { modelInstalled } from './settings.js';
import type { Settings } from './types.js';

/** The Ollama host and each role's model ('' in the settings: the engine's default model). */
export function llmConfigOf(s: Settings): LlmConfig {
  const models = Object.fromEntries((['expander', 'rewriter', 'judge'] as const).filter((r) => s.ollama[r] !== '').map((r) => [r, s.ollama[r]]));
  return { host: s.ollama.host, ...(Object.keys(models).length ? { models } : {}) };
}

export function toEngineConfig(config: EngineServerConfig, s: Settings): EngineConfig {
  const model = s.embeddingModel;
  return {
    dbPath: config.dbPath,
    ...(config.nativeBinding !== undefined ? { nativeBinding: config.nativeBinding } : {}),
    chunk: { targetChars: s.chunking.size, overlapChars: s.chunking.overlap },
    llm: llmConfigOf(s),
    bm25: { k1: s.ranking.k1, b: s.ranking.b, rm3: s.ranking.rm3 },
    ocr: { ...(s.ocr.enabled !== null ? { enabled: s.ocr.enabled } : {}), languages: s.ocr.languages, garbageText: s.ocr.garbageText, data: s.ocr.data },
    ...(s.ollama.embedder !== ''
      ? { embedding: { ollama: { host: s.ollama.host, model: s.ollama.embedder } } }
      : model !== null && modelInstalled(config.dataDir, model)
        ? { embedding: { modelDir: join(config.dataDir, 'models', model), provider: s.provider } }
        : {}),
  };
}
