/**
 * Reads a model folder: its `manifest.json` (written by the model manager on install or import), or,
 * for a bare export folder (config.json + an .onnx graph + tokenizer.json), a manifest inferred from
 * its files. Also computes the model's fingerprint: what must match for stored vectors to be reused.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { EngineError } from '../errors.js';
import { parseManifest, type ModelManifest } from './manifest.js';

export interface ModelFolder {
  dir: string;
  manifest: ModelManifest;
  fingerprint: string;
}

function readJson(path: string): Record<string, unknown> | null {
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch (err) {
    throw new EngineError('MODEL_INVALID', `${path} is not valid JSON: ${(err as Error).message}`);
  }
}

/** sentence-transformers' 1_Pooling/config.json names the pooling; mean when absent. */
function poolingOf(dir: string): ModelManifest['pooling'] {
  const p = readJson(join(dir, '1_Pooling', 'config.json'));
  if (p?.pooling_mode_cls_token) return 'cls';
  if (p?.pooling_mode_lasttoken) return 'last-token';
  return 'mean';
}

function inferManifest(dir: string): ModelManifest {
  const config = readJson(join(dir, 'config.json'));
  const onnx = ['model.onnx', 'onnx/model.onnx'].find((p) => existsSync(join(dir, p)));
  const int8 = ['model_quantized.onnx', 'onnx/model_quantized.onnx'].find((p) => existsSync(join(dir, p)));
  if (!config || !onnx || !existsSync(join(dir, 'tokenizer.json'))) {
    throw new EngineError('MODEL_INVALID', `${dir} is not a model folder: it needs manifest.json, or config.json + model.onnx (or onnx/model.onnx) + tokenizer.json`);
  }
  const tokConfig = readJson(join(dir, 'tokenizer_config.json'));
  const id = basename(dir).toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+/, '') || 'local-model';
  if (config.model_type === 'model2vec') {
    // model2vec's own config: hidden_dim, normalize; its ONNX export takes input_ids + offsets (embed/static.ts).
    return parseManifest({
      id, name: basename(dir), license: 'unknown (local folder)', source: { repo: dir, revision: 'local' }, files: [],
      onnx, architecture: 'static', output: 'embeddings', dims: Number(config.hidden_dim), pooling: 'mean',
      normalize: config.normalize !== false, maxTokens: 512,
    }, join(dir, 'config.json'));
  }
  const dims = Number(config.hidden_size);
  const limits = [512, Number(config.max_position_embeddings), Number(tokConfig?.model_max_length)].filter((n) => Number.isFinite(n) && n > 0);
  return parseManifest({
    id, name: basename(dir), license: 'unknown (local folder)', source: { repo: dir, revision: 'local' }, files: [],
    onnx, ...(int8 ? { int8 } : {}), dims, pooling: poolingOf(dir), normalize: true, maxTokens: Math.min(...limits),
  }, join(dir, 'config.json'));
}

async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}

/** Hash of what decides a document vector: the weights and tokenizer, pooling, normalisation, limits, template. */
export async function fingerprintOf(dir: string, m: ModelManifest): Promise<string> {
  const pinned = new Map(m.files.map((f) => [f.path, f.sha256] as const));
  const hashes: string[] = [];
  for (const path of [m.onnx, 'tokenizer.json']) hashes.push(`${path}:${pinned.get(path) ?? await sha256File(join(dir, path))}`);
  const what = { hashes, output: m.output, pooling: m.pooling, normalize: m.normalize, maxTokens: m.maxTokens, paddingSide: m.paddingSide, document: m.templates.document, task: m.task ?? '',
    ...(m.architecture === 'static' ? { architecture: 'static' } : {}) };
  return createHash('sha256').update(JSON.stringify(what)).digest('hex');
}

export async function loadModelFolder(dir: string): Promise<ModelFolder> {
  if (!existsSync(dir)) throw new EngineError('MODEL_NOT_FOUND', `model folder ${dir} does not exist`);
  const saved = readJson(join(dir, 'manifest.json'));
  const manifest = saved ? parseManifestAt(saved, join(dir, 'manifest.json')) : inferManifest(dir);
  if (!existsSync(join(dir, manifest.onnx))) throw new EngineError('MODEL_INVALID', `${dir}: the ONNX graph ${manifest.onnx} is missing`);
  return { dir, manifest, fingerprint: await fingerprintOf(dir, manifest) };
}

function parseManifestAt(value: unknown, where: string): ModelManifest {
  try {
    return parseManifest(value, where);
  } catch (err) {
    throw new EngineError('MODEL_INVALID', (err as Error).message);
  }
}
