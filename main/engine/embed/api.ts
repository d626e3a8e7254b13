/**
 * The embedder's public shape. An embedder runs one ONNX model in a worker thread; the engine, the
 * eval command and the benchmarks use it through this interface only.
 */
import type { ModelManifest } from '../models/manifest.js';

/** onnxruntime execution providers Delve knows how to ask for. */
export type ProviderName = 'cpu' | 'cuda' | 'dml' | 'coreml' | 'webgpu';
export type ProviderChoice = 'auto' | ProviderName;

export interface EmbedderOptions {
  /** Folder holding the manifest's files (the ONNX graph, tokenizer.json, tokenizer_config.json). */
  modelDir: string;
  manifest: ModelManifest;
  /** 'auto' (default) picks the best provider the platform has; a named one is tried, then CPU. */
  provider?: ProviderChoice;
  /** Texts per ONNX run (default 32). */
  batchSize?: number;
  /**
   * Most padded tokens (texts × the longest one's tokens) per ONNX run: bounds onnxruntime's memory
   * on long texts. Default 4096 on the CPU provider, 16384 on a GPU provider.
   */
  maxBatchTokens?: number;
  /** Intra-op threads for the CPU provider (default: onnxruntime's choice). */
  threads?: number;
}

export interface EmbedderInfo {
  modelId: string;
  dims: number;
  requested: ProviderChoice;
  /** The provider actually running the model. */
  provider: ProviderName;
  /** Why a requested or preferred provider was not used (null when it was). */
  fallbackReason: string | null;
}

export interface EmbedderStats {
  /** Texts embedded so far, time spent computing them (in the worker), and the resulting rate. */
  texts: number;
  ms: number;
  textsPerSec: number | null;
}

export interface Embedder {
  readonly info: EmbedderInfo;
  stats(): EmbedderStats;
  /** Document vectors (document template applied), one Float32Array of `dims` per text, in order. */
  embedDocuments(texts: string[], opts?: { signal?: AbortSignal }): Promise<Float32Array[]>;
  /** Query vectors (query template applied). */
  embedQueries(texts: string[], opts?: { signal?: AbortSignal }): Promise<Float32Array[]>;
  close(): Promise<void>;
}
