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
  /**
   * Which weights: 'auto' (default) runs the manifest's int8 graph on the CPU provider where it offers
   * one and fp32 on GPU providers; 'fp32' and 'int8' force one (int8 only where offered).
   */
  weights?: WeightsChoice;
}

export type WeightsChoice = 'auto' | 'fp32' | 'int8';

export interface EmbedderInfo {
  modelId: string;
  dims: number;
  requested: ProviderChoice | 'ollama';
  /** The provider actually running the model ('ollama': a remote Ollama server, embed/ollama.ts). */
  provider: ProviderName | 'ollama';
  /** Why a requested or preferred provider was not used (null when it was). */
  fallbackReason: string | null;
  /** Local models: the ONNX graph loaded (a path in the model folder) and its weights. */
  graph?: string;
  weights?: 'fp32' | 'int8';
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
