/**
 * `npm run bench:embed`: Delve's whole embedder (createEmbedder → embedDocuments: tokenization,
 * worker, length-sorted batches, pooling, normalisation) with fp32 and with int8 weights (the CPU
 * default where a model offers them) against bare onnxruntime-node
 * `InferenceSession.run` on the same padded batches (the floor) and against transformers.js'
 * feature-extraction pipeline, all in this process, on the same SciFact texts, batch size and thread
 * count, rounds interleaved batch by batch with the order rotated; medians reported. First, while
 * Delve's is the only model loaded, process RSS over BENCH_CHUNKS (default 20000; 0 skips) chunks
 * through Delve's embedder. Then Delve's Ollama client against the Ollama-protocol test server (no
 * model: the client's ceiling). Each rate comes with the time it would take for 600,000 chunks.
 * `--json` prints the report as JSON.
 * Env: BENCH_ROUNDS (5), BENCH_ROUND_TEXTS (512), BENCH_CHUNKS (20000), BENCH_THREADS (all cores).
 */
import { availableParallelism } from 'node:os';
import { DEFAULT_BATCH_TOKENS } from '../../main/engine/embed/batch.js';
import { createEmbedder } from '../../main/engine/embed/embedder.js';
import { createOllamaEmbedder } from '../../main/engine/embed/ollama.js';
import { startOllamaServer } from '../helpers/ollama-server.js';
import { loadModelFolder } from '../../main/engine/models/folder.js';
import { sharedDir } from '../helpers/shared.js';
import { openBareOrt, openTransformersJs, type Feeds } from './embed/contenders.js';
import { benchModelFolder, benchStaticFolder, MODEL_ARGS } from './embed/model.js';
import { rssRun } from './embed/rss.js';
import { printTable, type BenchReport, type Name } from './embed/table.js';
import { cosine, paddingEfficiency, scifactTexts, take } from './embed/texts.js';

const JSON_OUT = process.argv.includes('--json');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const ROUND_TEXTS = Number(process.env.BENCH_ROUND_TEXTS ?? 512);
const CHUNKS = Number(process.env.BENCH_CHUNKS ?? 20000);
const THREADS = Number(process.env.BENCH_THREADS ?? availableParallelism());
const BATCH = 32;
const STEP = BATCH;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
/** Padded tokens in the batches Delve and bare ORT actually run (row and token budgets applied). */
const paddedTokens = (feeds: Feeds[]) => feeds.flat().reduce((a, f) => a + f.input_ids!.dims[0]! * f.input_ids!.dims[1]!, 0);
const progress = (s: string) => process.stderr.write(`[bench:embed] ${s}\n`);


/** Delve's embedder on the random static model: chunks/s over STATIC_TEXTS texts (after one warm-up batch). */
async function staticRun(shared: string, pool: string[], threads: number): Promise<BenchReport['staticModel']> {
  const dir = benchStaticFolder(shared);
  const { manifest } = await loadModelFolder(dir);
  const e = await createEmbedder({ modelDir: dir, manifest, provider: 'cpu', threads });
  try {
    const texts = take(pool, Number(process.env.BENCH_STATIC_TEXTS ?? 4096));
    await e.embedDocuments(texts.slice(0, 64));
    const t0 = performance.now();
    await e.embedDocuments(texts);
    return { chunksPerSec: round(texts.length / ((performance.now() - t0) / 1000)), texts: texts.length, dims: manifest.dims };
  } finally {
    await e.close();
  }
}

/** Delve's Ollama embedder against the Ollama-protocol test server (384-d hash vectors): chunks/s over `rounds` passes. */
async function ollamaRun(texts: string[], rounds: number): Promise<BenchReport['ollamaProtocol']> {
  const server = await startOllamaServer({ models: ['nomic-embed-text'], embedDims: 384 });
  const batchSize = 32;
  const concurrency = 2;
  try {
    const e = await createOllamaEmbedder({ host: server.url, documents: 'nomic-embed-text', batchSize, concurrency });
    await e.embedDocuments(texts.slice(0, batchSize));
    const t0 = performance.now();
    for (let r = 0; r < rounds; r++) await e.embedDocuments(texts);
    return { chunksPerSec: round((texts.length * rounds) / ((performance.now() - t0) / 1000)), batchSize, concurrency };
  } finally {
    await server.close();
  }
}

async function main(): Promise<void> {
  const shared = sharedDir();
  const dir = benchModelFolder(shared);
  const { manifest } = await loadModelFolder(dir);
  const pool = scifactTexts(shared);
  const delve = await createEmbedder({ modelDir: dir, manifest, provider: 'cpu', batchSize: BATCH, threads: THREADS, weights: 'fp32' });

  // RSS first, while Delve's embedder is the only model in the process.
  progress(`RSS run: ${CHUNKS} chunks through Delve's embedder…`);
  const rss = CHUNKS > 0 ? await rssRun(delve, (n, from) => take(pool.slice(from % pool.length).concat(pool), n), CHUNKS,
    (done, mib) => progress(`  ${done} chunks, RSS ${mib} MiB`)) : null;

  const int8 = await createEmbedder({ modelDir: dir, manifest, provider: 'cpu', batchSize: BATCH, threads: THREADS });
  if (int8.info.weights !== 'int8') throw new Error(`the int8 contender runs ${int8.info.weights} weights`);
  const bare = await openBareOrt(dir, manifest, BATCH, THREADS);
  const tjs = await openTransformersJs(dir, BATCH, THREADS);
  const texts = take(pool, ROUND_TEXTS);
  const lengths = bare.tokenize(texts).map((ids) => ids.length);
  const byLength = texts.map((_, i) => i).sort((a, b) => lengths[a]! - lengths[b]! || a - b);
  const sorted = byLength.map((i) => texts[i]!);
  // A round is ROUND_TEXTS texts; contenders alternate every STEP texts (one batch) so load changes on a
  // shared machine hit all of them alike. Delve gets the texts in length order in slices, which gives
  // exactly the batches it makes from the whole list; bare ORT gets those batches pre-built.
  const slices = (xs: string[]) => Array.from({ length: Math.ceil(xs.length / STEP) }, (_, k) => xs.slice(k * STEP, (k + 1) * STEP));
  const sortedSlices = slices(sorted);
  const inputSlices = slices(texts);
  const feeds = sortedSlices.map((s) => bare.feeds(s));

  // Same vectors? The 4 longest (truncated) and 4 shortest texts.
  const check = [...byLength.slice(0, 4), ...byLength.slice(-4)].map((i) => texts[i]!);
  const dv = await delve.embedDocuments(check);
  const tv = await tjs.embed(check);
  const agreement = dv.map((v, i) => cosine(v, tv[i]!));
  const otherText = cosine(dv[0]!, dv[dv.length - 1]!);
  const iv = await int8.embedDocuments(check);
  const int8Agreement = dv.map((v, i) => cosine(v, iv[i]!));

  const steps: Record<Name, (k: number) => Promise<unknown>> = {
    delve: (k) => delve.embedDocuments(sortedSlices[k]!), int8: (k) => int8.embedDocuments(sortedSlices[k]!), bare: (k) => bare.run(feeds[k]!),
    tjs: (k) => tjs.embed(inputSlices[k]!), tjsSorted: (k) => tjs.embed(sortedSlices[k]!),
  };
  progress('warm-up…');
  for (const n of Object.keys(steps) as Name[]) await steps[n](0);
  const names = Object.keys(steps) as Name[];
  const rates = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<Name, number[]>;
  const stepRatios: number[] = []; // bare ms / Delve ms on the same batch, a few seconds apart
  for (let r = 0; r < ROUNDS; r++) {
    const ms = Object.fromEntries(names.map((n) => [n, 0])) as Record<Name, number>;
    const step = { ...ms };
    for (let k = 0; k < sortedSlices.length; k++) {
      const first = (r + k) % names.length;
      for (const n of [...names.slice(first), ...names.slice(0, first)]) {
        const t0 = performance.now();
        await steps[n](k);
        step[n] = performance.now() - t0;
        ms[n] += step[n];
      }
      stepRatios.push(step.bare / step.delve);
    }
    for (const n of names) rates[n].push(round(ROUND_TEXTS / (ms[n] / 1000)));
    progress(`round ${r + 1}/${ROUNDS}: ${names.map((n) => `${n} ${rates[n][r]}`).join(', ')} chunks/s`);
  }
  await Promise.all([delve.close(), int8.close(), bare.close(), tjs.close()]);
  progress('static model…');
  const staticModel = await staticRun(shared, pool, THREADS);
  progress('Ollama client against the test server…');
  const ollamaProtocol = await ollamaRun(texts, ROUNDS);

  const med = Object.fromEntries(names.map((n) => [n, median(rates[n])])) as Record<Name, number>;
  const perRound = (f: (r: number) => number) => Array.from({ length: ROUNDS }, (_, r) => round(f(r), 3));
  const overheads = perRound((r) => 1 - rates.delve[r]! / rates.bare[r]!);
  const vsTjs = perRound((r) => rates.delve[r]! / rates.tjs[r]!);
  const report: BenchReport = {
    model: { shape: `layers ${MODEL_ARGS[0]}, hidden ${MODEL_ARGS[1]}, heads ${MODEL_ARGS[2]}, ffn ${MODEL_ARGS[3]}, vocab ${MODEL_ARGS[4]}`, dir, maxTokens: manifest.maxTokens },
    cores: availableParallelism(), threads: THREADS, batchSize: BATCH, maxBatchTokens: DEFAULT_BATCH_TOKENS, rounds: ROUNDS,
    texts: { count: ROUND_TEXTS, source: 'SciFact title + abstract', meanTokens: round(lengths.reduce((a, b) => a + b, 0) / lengths.length),
      maxTokens: Math.max(...lengths), truncated: lengths.filter((l) => l >= manifest.maxTokens).length,
      paddingEfficiencySorted: round(lengths.reduce((a, b) => a + b, 0) / paddedTokens(feeds), 3),
      paddingEfficiencyInputOrder: round(paddingEfficiency(lengths, BATCH), 3) },
    chunksPerSec: med, perRoundChunksPerSec: rates,
    overheadVsBare: median(overheads), perRoundOverhead: overheads, overheadVsBareStepPaired: round(1 - median(stepRatios), 3),
    ratioVsTransformersJs: round(median(vsTjs), 2), perRoundRatioVsTransformersJs: vsTjs,
    ratioVsTransformersJsSorted: round(median(perRound((r) => rates.delve[r]! / rates.tjsSorted[r]!)), 2),
    agreement: { minCosine: round(Math.min(...agreement), 6), texts: check.length, cosineBetweenDifferentTexts: round(otherText, 4),
      int8VsFp32MinCosine: round(Math.min(...int8Agreement), 4) },
    rss, ollamaProtocol, staticModel, projectChunks: 600_000,
  };
  if (JSON_OUT) { console.log(JSON.stringify(report, null, 2)); return; }
  printTable(report);
}

await main();
