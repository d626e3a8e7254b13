/**
 * The two baselines Delve's embedder is measured against, with the same session options it uses
 * (CPU provider, graph optimisation 'all', `threads` intra-op threads, one inter-op thread):
 *  - bare: onnxruntime-node `InferenceSession.run` over pre-built feeds, padded exactly like Delve's
 *    length-sorted batches (same row and token budgets); tokenization, padding and pooling are
 *    outside the timing (the floor);
 *  - transformers.js: `pipeline('feature-extraction')` on the same folder, mean pooling + normalise,
 *    texts in batches in the caller's order (how Reor and AnythingLLM call it).
 */
import { basename, dirname, join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { env, pipeline } from '@huggingface/transformers';
import { DEFAULT_BATCH_TOKENS, makeBatches } from '../../../main/engine/embed/batch.js';
import { openSession } from '../../../main/engine/embed/providers.js';
import { loadTokenizer } from '../../../main/engine/embed/tokenize.js';
import { applyTemplate, type ModelManifest } from '../../../main/engine/models/manifest.js';

export type Feeds = Record<string, ort.Tensor>[];

export interface BareOrt {
  /** Token ids per text, as Delve's embedder makes them (document template, truncation). */
  tokenize(texts: string[]): number[][];
  /** Delve's length-sorted padded batches as ready feeds. */
  feeds(texts: string[]): Feeds;
  run(feeds: Feeds): Promise<void>;
  close(): Promise<void>;
}

export async function openBareOrt(dir: string, m: ModelManifest, batchSize: number, threads: number): Promise<BareOrt> {
  const tok = loadTokenizer(dir, m.maxTokens);
  const { session } = await openSession(join(dir, m.onnx), 'cpu', threads);
  const wantsTypes = session.inputNames.includes('token_type_ids');
  const tokenize = (texts: string[]) => texts.map((t) => tok.encode(applyTemplate(m.templates.document, t, m.task ?? '')));
  return {
    tokenize,
    feeds(texts) {
      return makeBatches(tokenize(texts), batchSize, tok.padId, m.paddingSide, DEFAULT_BATCH_TOKENS).map((b) => {
        const shape = [b.rows.length, b.seq];
        const f: Record<string, ort.Tensor> = {
          input_ids: new ort.Tensor('int64', b.inputIds, shape),
          attention_mask: new ort.Tensor('int64', b.attentionMask, shape),
        };
        if (wantsTypes) f.token_type_ids = new ort.Tensor('int64', new BigInt64Array(b.inputIds.length), shape);
        return f;
      });
    },
    async run(feeds) {
      for (const f of feeds) await session.run(f, [m.output]);
    },
    close: () => session.release(),
  };
}

export interface TransformersJs {
  embed(texts: string[]): Promise<Float32Array[]>;
  close(): Promise<void>;
}

export async function openTransformersJs(dir: string, batchSize: number, threads: number): Promise<TransformersJs> {
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = `${dirname(dir)}/`;
  const extractor = await pipeline('feature-extraction', basename(dir), {
    local_files_only: true, device: 'cpu', dtype: 'fp32',
    session_options: { graphOptimizationLevel: 'all', intraOpNumThreads: threads, interOpNumThreads: 1 },
  });
  return {
    async embed(texts) {
      const out: Float32Array[] = [];
      for (let s = 0; s < texts.length; s += batchSize) {
        const t = await extractor(texts.slice(s, s + batchSize), { pooling: 'mean', normalize: true });
        const data = t.data as Float32Array;
        const dims = t.dims[1]!;
        for (let i = 0; i < t.dims[0]!; i++) out.push(data.slice(i * dims, (i + 1) * dims));
        t.dispose();
      }
      return out;
    },
    close: () => extractor.dispose(),
  };
}
