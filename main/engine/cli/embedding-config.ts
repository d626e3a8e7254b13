/**
 * Which embedding model a CLI command uses: `--model` (an installed model id or a model folder), else
 * $DELVE_MODEL, else the default model when it is installed; none means BM25 only.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { EmbeddingConfig } from '../api.js';
import { EngineError } from '../errors.js';
import { DEFAULT_MODEL_ID } from '../models/catalog.js';
import { UsageError, type Parsed } from './args.js';

export { DEFAULT_MODEL_ID };

export function embeddingFromArgs(a: Parsed, dataDir: string): EmbeddingConfig | undefined {
  const name = a.model ?? process.env.DELVE_MODEL;
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
  return { modelDir: dir, ...(a.provider ? { provider: a.provider } : {}), ...(a.quantize ? { quantize: a.quantize } : {}), ...(a.scan ? { scan: a.scan } : {}) };
}
