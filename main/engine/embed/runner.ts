/**
 * The embedding computation itself, run inside the embedder's worker thread: template → tokens →
 * length-sorted padded batches → onnxruntime → pooling → normalisation, results in input order.
 */
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { EngineError } from '../errors.js';
import { applyTemplate, type ModelManifest } from '../models/manifest.js';
import type { EmbedderInfo, EmbedderOptions } from './api.js';
import { DEFAULT_BATCH_TOKENS, DEFAULT_GPU_BATCH_TOKENS, makeBatches, positionIds } from './batch.js';
import { poolBatch } from './pool.js';
import { openSession } from './providers.js';
import { loadTokenizer, type TextTokenizer } from './tokenize.js';
import { runStaticBatch, staticBatches } from './static.js';
import { graphFor } from './weights.js';

export type TextKind = 'document' | 'query';

export class EmbedRunner {
  private constructor(
    readonly info: EmbedderInfo,
    private readonly manifest: ModelManifest,
    private readonly session: ort.InferenceSession,
    private readonly tokenizer: TextTokenizer,
    private readonly batchSize: number,
    private readonly maxBatchTokens: number,
  ) {}

  static async open(opts: EmbedderOptions): Promise<EmbedRunner> {
    const m = opts.manifest;
    const isStatic = m.architecture === 'static';
    const tokenizer = loadTokenizer(opts.modelDir, m.maxTokens, { bare: isStatic });
    let opened;
    const graph = (p: Parameters<typeof graphFor>[1]) => graphFor(m, p, opts.weights, opts.modelDir);
    try {
      opened = await openSession((p) => join(opts.modelDir, graph(p).graph), opts.provider ?? 'auto', opts.threads);
    } catch (err) {
      throw new EngineError('MODEL_INVALID', `cannot load ${join(opts.modelDir, graph('cpu').graph)}: ${(err as Error).message.split('\n')[0]}`);
    }
    const chosen = graph(opened.provider);
    const { session } = opened;
    if (!session.outputNames.includes(m.output)) {
      throw new EngineError('MODEL_INVALID', `the model has no output "${m.output}" (it has: ${session.outputNames.join(', ')})`);
    }
    for (const name of isStatic ? ['input_ids', 'offsets'] : ['input_ids', 'attention_mask']) {
      if (!session.inputNames.includes(name)) throw new EngineError('MODEL_INVALID', `the model has no input "${name}" (it has: ${session.inputNames.join(', ')})`);
    }
    const info: EmbedderInfo = {
      modelId: m.id, dims: m.dims, requested: opts.provider ?? 'auto', provider: opened.provider, fallbackReason: opened.fallbackReason,
      graph: chosen.graph, weights: chosen.weights,
    };
    const budget = opts.maxBatchTokens ?? (opened.provider === 'cpu' ? DEFAULT_BATCH_TOKENS : DEFAULT_GPU_BATCH_TOKENS);
    return new EmbedRunner(info, m, session, tokenizer, Math.max(1, opts.batchSize ?? 32), Math.max(1, budget));
  }

  /** Token ids for each text after the template; exposed for benchmarks and tests. */
  tokenize(texts: string[], kind: TextKind): number[][] {
    const template = kind === 'query' ? this.manifest.templates.query : this.manifest.templates.document;
    return texts.map((t) => this.tokenizer.encode(applyTemplate(template, t, this.manifest.task ?? '')));
  }

  /** Vectors for `texts`, `dims` floats each, concatenated in input order. */
  async embed(texts: string[], kind: TextKind, stopped: () => boolean = () => false): Promise<Float32Array> {
    const dims = this.manifest.dims;
    const out = new Float32Array(texts.length * dims);
    if (this.manifest.architecture === 'static') {
      const encoded = this.tokenize(texts, kind);
      // No padding and no attention: a run's cost is its token count, so batches are larger.
      for (const rows of staticBatches(encoded, this.batchSize * 8, this.maxBatchTokens * 16)) {
        if (stopped()) throw new EngineError('CANCELLED', 'embedding cancelled');
        await runStaticBatch(this.session, this.manifest.output, encoded, rows, dims, this.manifest.normalize, out);
        await new Promise((resolve) => setImmediate(resolve));
      }
      return out;
    }
    const batches = makeBatches(this.tokenize(texts, kind), this.batchSize, this.tokenizer.padId, this.manifest.paddingSide, this.maxBatchTokens);
    const wantsTypes = this.session.inputNames.includes('token_type_ids');
    // Decoder-style models (Qwen3-Embedding) take positions; with left padding they start at the first real token.
    const wantsPositions = this.session.inputNames.includes('position_ids');
    const tmp = new Float32Array(this.batchSize * dims);
    for (const b of batches) {
      if (stopped()) throw new EngineError('CANCELLED', 'embedding cancelled');
      const shape = [b.rows.length, b.seq];
      const feeds: Record<string, ort.Tensor> = {
        input_ids: new ort.Tensor('int64', b.inputIds, shape),
        attention_mask: new ort.Tensor('int64', b.attentionMask, shape),
      };
      if (wantsTypes) feeds.token_type_ids = new ort.Tensor('int64', new BigInt64Array(b.inputIds.length), shape);
      if (wantsPositions) feeds.position_ids = new ort.Tensor('int64', positionIds(b.mask, b.rows.length, b.seq), shape);
      const result = await this.session.run(feeds, [this.manifest.output]);
      const states = result[this.manifest.output]!;
      const hidden = states.dims[states.dims.length - 1];
      if (states.dims.length !== 3 || hidden !== dims) {
        throw new EngineError('MODEL_INVALID', `output "${this.manifest.output}" has shape [${states.dims.join(', ')}], expected [batch, tokens, ${dims}]`);
      }
      poolBatch(states.data as Float32Array, b.mask, b.rows.length, b.seq, dims, this.manifest.pooling, this.manifest.normalize, tmp);
      states.dispose();
      b.rows.forEach((r, i) => out.set(tmp.subarray(i * dims, (i + 1) * dims), r * dims));
      await new Promise((resolve) => setImmediate(resolve)); // let a cancel message in between batches
    }
    return out;
  }

  async close(): Promise<void> {
    await this.session.release();
  }
}
