/** The benchmark's report and its printed table. */
import type { RssReport } from './rss.js';

export const NAMES = {
  delve: 'Delve embedder, fp32 weights', int8: 'Delve embedder, int8 (default on CPU)', bare: 'bare InferenceSession.run fp32 (floor)',
  tjs: 'transformers.js pipeline', tjsSorted: 'transformers.js, texts pre-sorted',
} as const;
export type Name = keyof typeof NAMES;

export interface BenchReport {
  model: { shape: string; dir: string; maxTokens: number };
  cores: number; threads: number; batchSize: number; maxBatchTokens: number; rounds: number;
  texts: { count: number; source: string; meanTokens: number; maxTokens: number; truncated: number;
    paddingEfficiencySorted: number; paddingEfficiencyInputOrder: number };
  chunksPerSec: Record<Name, number>;
  perRoundChunksPerSec: Record<Name, number[]>;
  /** Medians of per-round paired values; the step-paired overhead is 1 − median(bare ms / Delve ms) over every batch. */
  overheadVsBare: number; perRoundOverhead: number[]; overheadVsBareStepPaired: number;
  ratioVsTransformersJs: number; perRoundRatioVsTransformersJs: number[];
  ratioVsTransformersJsSorted: number;
  agreement: { minCosine: number; texts: number; cosineBetweenDifferentTexts: number; int8VsFp32MinCosine: number };
  /** Delve's Ollama client against the Ollama-protocol test server (hash vectors, no model): the client's and protocol's ceiling. */
  ollamaProtocol: { chunksPerSec: number; batchSize: number; concurrency: number } | null;
  /** Delve's embedder on a random model2vec-shaped static model (potion-base-8M's dims), same texts. */
  staticModel: { chunksPerSec: number; texts: number; dims: number } | null;
  /** Chunks the projection is for (600,000: a 10,000-paper library). */
  projectChunks: number;
  rss: RssReport | null;
}

const met = (ok: boolean) => (ok ? 'met' : 'NOT met');

export function printTable(r: BenchReport): void {
  const t = r.texts;
  console.log(`\nEmbedding benchmark: random-weight MiniLM-shaped encoder (${r.model.shape}), batch ${r.batchSize} texts / ${r.maxBatchTokens} tokens, ` +
    `${r.threads} intra-op threads on ${r.cores} cores, truncation at ${r.model.maxTokens} tokens for every contender`);
  console.log(`${t.count} ${t.source} texts: mean ${t.meanTokens} tokens, max ${t.maxTokens}, ${t.truncated} truncated; ` +
    `padding efficiency ${t.paddingEfficiencySorted} length-sorted vs ${t.paddingEfficiencyInputOrder} in input order\n`);
  const hours = (rate: number) => (rate > 0 ? `${Math.round((r.projectChunks / rate / 3600) * 10) / 10} h` : '-');
  console.log(`${'contender'.padEnd(40)}${'chunks/s (median)'.padStart(18)}${`${r.projectChunks / 1000}k chunks`.padStart(14)}   per round`);
  for (const n of Object.keys(NAMES) as Name[]) {
    console.log(`${NAMES[n].padEnd(40)}${String(r.chunksPerSec[n]).padStart(18)}${hours(r.chunksPerSec[n]).padStart(14)}   ${r.perRoundChunksPerSec[n].join('  ')}`);
  }
  if (r.staticModel) {
    const s = r.staticModel;
    const mins = Math.round((r.projectChunks / s.chunksPerSec / 60) * 10) / 10;
    console.log(`${'Delve embedder, static (model2vec shape)'.padEnd(40)}${String(s.chunksPerSec).padStart(18)}${`${mins} min`.padStart(14)}   ` +
      `(random weights, ${s.dims}-d, ${s.texts} texts)`);
  }
  if (r.ollamaProtocol) {
    const o = r.ollamaProtocol;
    const mins = Math.round((r.projectChunks / o.chunksPerSec / 60) * 10) / 10;
    console.log(`${'Delve Ollama client, test server'.padEnd(40)}${String(o.chunksPerSec).padStart(18)}${`${mins} min`.padStart(14)}   ` +
      `(no model: the client and protocol ceiling, ${o.batchSize} texts/request, ${o.concurrency} in flight; a real server's rate is its GPU's)`);
  }
  const ratios = r.perRoundChunksPerSec.int8.map((x, i) => Math.round((x / r.perRoundChunksPerSec.delve[i]!) * 100) / 100);
  const medianRatio = [...ratios].sort((a, b) => a - b)[Math.floor(ratios.length / 2)]!;
  console.log(`int8 / fp32 (Delve, median of per-round ratios): ${medianRatio}× (per round ${ratios.join(', ')}); ` +
    `vectors int8 vs fp32: min cosine ${r.agreement.int8VsFp32MinCosine} over ${r.agreement.texts} texts (random weights: quantisation error only)`);
  const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
  console.log(`\noverhead vs bare ORT (1 − delve/bare, median of rounds): ${pct(r.overheadVsBare)} (per round ${r.perRoundOverhead.map(pct).join(', ')}; ` +
    `goal ≤ 10%: ${met(r.overheadVsBare <= 0.1)}); median of batch-by-batch pairs: ${pct(r.overheadVsBareStepPaired)} ` +
    `(goal: ${met(r.overheadVsBareStepPaired <= 0.1)})`);
  console.log(`Delve / transformers.js (median of rounds): ${r.ratioVsTransformersJs}× (per round ${r.perRoundRatioVsTransformersJs.join(', ')}; ` +
    `goal ≥ 1.3×: ${met(r.ratioVsTransformersJs >= 1.3)}); vs transformers.js on pre-sorted texts: ${r.ratioVsTransformersJsSorted}×`);
  console.log(`vectors Delve vs transformers.js: min cosine ${r.agreement.minCosine} over ${r.agreement.texts} texts ` +
    `(the 4 longest and 4 shortest; cosine between two different texts: ${r.agreement.cosineBetweenDifferentTexts})`);
  if (r.rss) {
    const s = r.rss;
    const series = Object.entries(s.at).map(([k, v]) => `${k} ${v}`).join(', ');
    console.log(`RSS over ${s.chunks} chunks through Delve (${s.chunksPerSec} chunks/s, groups of ${s.group}): ` +
      `start ${s.startMiB} MiB; ${series} MiB; max ${s.maxMiB} MiB; last/5k ${s.growthAfterWarmup} ` +
      `(goal flat, within 10%: ${met(s.growthAfterWarmup <= 1.1)})`);
  }
}
