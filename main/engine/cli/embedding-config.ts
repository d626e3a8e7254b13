/**
 * Which embedding model a CLI command uses: `--model` (an installed model id, a model folder, or
 * `ollama:<name>` for an Ollama embedding model at --ollama / $OLLAMA_HOST), else $DELVE_MODEL, else
 * the default model when it is installed; none means BM25 only.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { EmbeddingConfig } from '../api.js';
import { EngineError } from '../errors.js';
import { DEFAULT_MODEL_ID } from '../models/catalog.js';
import { UsageError, type Parsed } from './args.js';

export { DEFAULT_MODEL_ID };

/** `--model ollama:<name>`: the model is served by Ollama's /api/embed. */
export const OLLAMA_PREFIX = 'ollama:';

export function embeddingFromArgs(a: Parsed, dataDir: string): EmbeddingConfig | undefined {
  const name = a.model ?? process.env.DELVE_MODEL;
  if (name?.startsWith(OLLAMA_PREFIX)) {
    const model = name.slice(OLLAMA_PREFIX.length).trim();
    if (!model) throw new UsageError(`--model ${OLLAMA_PREFIX}<name> needs the Ollama model's name (e.g. ${OLLAMA_PREFIX}nomic-embed-text)`);
    if (a.provider || a.weights) throw new UsageError('--provider and --weights apply to local models; an Ollama model runs where Ollama runs it');
    return { ollama: { model, ...(a.ollama ? { host: a.ollama } : {}) }, ...(a.quantize ? { quantize: a.quantize } : {}), ...(a.scan ? { scan: a.scan } : {}) };
  }
  let dir: string | undefined;
  if (name) {
    dir = existsSync(name) ? resolve(name) : join(dataDir, 'models', name);
    if (!existsSync(dir)) throw new EngineError('MODEL_NOT_FOUND', `model "${name}" is neither a folder nor installed in ${join(dataDir, 'models')} (delve models pull ${name})`);
  } else {
    const fallback = join(dataDir, 'models', DEFAULT_MODEL_ID);
    if (existsSync(join(fallback, 'manifest.json'))) dir = fallback;
  }
  if (!dir) {
    if (a.provider) throw new UsageError('--provider needs an embedding model (--model, or install the default one)');
    return undefined;
  }
  return { modelDir: dir, ...(a.provider ? { provider: a.provider } : {}), ...(a.weights ? { weights: a.weights } : {}), ...(a.quantize ? { quantize: a.quantize } : {}), ...(a.scan ? { scan: a.scan } : {}) };
}
