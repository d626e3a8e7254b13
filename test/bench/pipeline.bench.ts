/**
 * `npm run bench:pipeline`: the full search (`mode: 'full'`) against the Ollama-protocol test server
 * with fixed per-call delays (expander 300 ms, rewriter 200 ms, judge 50 ms), over 400 SciFact
 * abstracts (BM25; the LLM stages do not depend on the retriever). Reports calls, tokens and wall
 * time per stage, the measured total against the critical path (what the stages cost if everything
 * that may overlap does) and against running every call one after another. Medians of 3 queries,
 * each new (no cache hits).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../../main/engine/index.js';
import { lastUserMessage, startOllamaServer } from '../helpers/ollama-server.js';
import { sharedDir, tempDir } from '../helpers/shared.js';

const DELAY = { expander: 300, rewriter: 200, judge: 50 };
const CONCURRENCY = 4;
const ROUNDS = 2;
const SAMPLES = 2;
const TOP = 30;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const server = await startOllamaServer({ models: ['qwen3:4b'] });
server.respond((call) => {
  const m = lastUserMessage(call);
  if (m.startsWith('Rate how helpful')) return { json: { score: m.length % 11, reason: 'scripted' }, delayMs: DELAY.judge };
  if (m.startsWith('Rewrite the search request')) return { content: '<think>k</think><answer>{"query": "vitamin AND cancer"}</answer>', delayMs: DELAY.rewriter };
  return { content: 'An expansion passage about vitamin D, cancer risk and cohort studies.', delayMs: DELAY.expander };
});
const dir = tempDir('delve-bench-pipeline-');
const lib = join(dir, 'lib');
mkdirSync(lib);
for (const line of readFileSync(join(sharedDir(), 'data', 'scifact', 'corpus.jsonl'), 'utf8').split('\n').filter(Boolean).slice(0, 400)) {
  const d = JSON.parse(line) as { _id: string; title: string; text: string };
  writeFileSync(join(lib, `${d._id}.txt`), `${d.title}\n\n${d.text}`);
}
const engine = await createEngine({ dbPath: join(dir, 'b.db'), workers: 1, llm: { host: server.url, concurrency: CONCURRENCY } });
await engine.index([lib]);

const rows: { total: number; stages: Record<string, number>; calls: number; prompt: number; completion: number; maxInFlight: number }[] = [];
for (const q of ['Vitamin D deficiency and cancer risk.', 'Statins and muscle pain in older adults.', 'Sleep duration and obesity in children.']) {
  server.reset();
  const t0 = performance.now();
  const r = await engine.search(q, { mode: 'full', k: 10, pipeline: { rounds: ROUNDS, samples: SAMPLES, rerankTop: TOP } });
  const total = performance.now() - t0;
  const stages: Record<string, number> = {};
  for (const s of r.stages ?? []) {
    const key = s.name === 'expand' ? `expand ${s.round}` : s.name;
    stages[key] = s.ms; // the last report of a stage carries its whole time
  }
  rows.push({ total, stages, calls: r.llm!.calls, prompt: r.llm!.promptTokens, completion: r.llm!.completionTokens, maxInFlight: server.maxInFlight() });
}
engine.close();
await server.close();

const critical = ROUNDS * DELAY.expander + Math.ceil(TOP / CONCURRENCY) * DELAY.judge;
const serial = ROUNDS * SAMPLES * DELAY.expander + DELAY.rewriter + TOP * DELAY.judge;
const stageNames = Object.keys(rows[0]!.stages);
const report = {
  delaysMs: DELAY, concurrency: CONCURRENCY, rounds: ROUNDS, samples: SAMPLES, rerankTop: TOP,
  calls: median(rows.map((r) => r.calls)), promptTokens: median(rows.map((r) => r.prompt)), completionTokens: median(rows.map((r) => r.completion)),
  maxInFlight: Math.max(...rows.map((r) => r.maxInFlight)),
  stageMs: Object.fromEntries(stageNames.map((n) => [n, median(rows.map((r) => r.stages[n] ?? 0))])),
  totalMs: Math.round(median(rows.map((r) => r.total))),
  criticalPathMs: critical, serialMs: serial,
};
if (process.argv.includes('--json')) console.log(JSON.stringify(report));
else {
  console.log(`full search, test server delays ${JSON.stringify(DELAY)}, concurrency ${CONCURRENCY}, ${ROUNDS} rounds × ${SAMPLES} samples, rerank top ${TOP}`);
  console.log(`LLM calls ${report.calls}, tokens ${report.promptTokens} prompt + ${report.completionTokens} completion, at most ${report.maxInFlight} in flight`);
  for (const [n, ms] of Object.entries(report.stageMs)) console.log(`  ${n.padEnd(10)} ${String(ms).padStart(6)} ms`);
  console.log(`total ${report.totalMs} ms (median of 3); critical path ${critical} ms (expansion rounds in sequence, samples and rewrite beside them, judge calls ${CONCURRENCY} at a time); all calls in sequence ${serial} ms`);
  console.log(`total / critical path = ${(report.totalMs / critical).toFixed(2)}; serial / total = ${(serial / report.totalMs).toFixed(2)}×`);
}
