/**
 * The catalog: the repository's `models/` folder, one manifest per model. It is found relative to
 * this compiled file (dist/main/engine/models → ../../../../models), or at $DELVE_MODEL_CATALOG, or
 * wherever the caller says.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EngineError } from '../errors.js';
import { parseManifest, type ModelManifest } from './manifest.js';

/** The embedding model used when none is chosen (the catalog marks it `default`). */
export const DEFAULT_MODEL_ID = 'all-minilm-l6-v2';

export function defaultCatalogDir(env: Record<string, string | undefined> = process.env): string {
  return env.DELVE_MODEL_CATALOG || resolve(fileURLToPath(new URL('../../../../models/', import.meta.url)));
}

/** Every manifest in `dir`, the default model first, then by id. Ids must be unique. */
export function loadCatalog(dir: string = defaultCatalogDir()): ModelManifest[] {
  if (!existsSync(dir)) throw new EngineError('MODEL_NOT_FOUND', `the model catalog ${dir} does not exist`);
  const seen = new Map<string, string>();
  const out: ModelManifest[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const path = join(dir, name);
    let m: ModelManifest;
    try {
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(path, 'utf8'));
      } catch (err) {
        throw new Error(`${path}: not valid JSON: ${(err as Error).message}`);
      }
      m = parseManifest(json, path);
    } catch (err) {
      throw new EngineError('MODEL_INVALID', `catalog: ${(err as Error).message}`);
    }
    const dup = seen.get(m.id);
    if (dup) throw new EngineError('MODEL_INVALID', `catalog: ${name} and ${dup} both use the id "${m.id}"`);
    seen.set(m.id, name);
    out.push(m);
  }
  return out.sort((a, b) => Number(b.default ?? false) - Number(a.default ?? false) || a.id.localeCompare(b.id));
}
