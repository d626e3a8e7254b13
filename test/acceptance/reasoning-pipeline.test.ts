/**
 * `mode: 'full'` end to end on a SciFact subset (hybrid with the random-weight BERT), the LLM played
 * by the Ollama-protocol test server through the real `ollama` client. Pins: a marker judge lifts its
 * documents to the top; random judge scores follow final = α·llm/10 + (1−α)·fused to 1e-9; a repeated
 * query makes no LLM call; round 2 sees no passage of round 0's top 5 and refines round 1's answer;
 * Ollama down, a server killed mid-rerank, malformed replies and cancellation all still return (or
 * cleanly cancel) without a crash.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createEngine, type DelveEngine, type SearchResponse } from '../../main/engine/index.js';
import { delveJson } from '../helpers/cli.js';
import { lastUserMessage, startOllamaServer, type ChatCall, type OllamaTestServer, type ScriptedReply } from '../helpers/ollama-server.js';
import { sharedDir, tempDir } from '../helpers/shared.js';

const QUERY = 'Vitamin D deficiency is associated with an increased risk of cancer.';
let server: OllamaTestServer;
let engine: DelveEngine;
let dbPath: string;
const texts = new Map<string, string>();

function roleOf(call: ChatCall): 'judge' | 'rewriter' | 'expander' | 'listwise' {
  const m = lastUserMessage(call);
  if (m.startsWith('Rate how helpful')) return 'judge';
  if (m.startsWith('Rewrite the search request')) return 'rewriter';
  if (m.includes('rank the documents')) return 'listwise';
  return 'expander';
}
const documentOf = (call: ChatCall) => /<document>\n([\s\S]*)\n<\/document>/.exec(lastUserMessage(call))?.[1] ?? '';
const expander = (call: ChatCall): ScriptedReply => ({ content: `<think>reasoning</think>Vitamin D and cancer risk sample ${Number(call.options?.seed) - 1000} of a round.`, delayMs: 20 });
const rewriter = (): ScriptedReply => ({ content: '<think>keywords</think><answer>{"query": "(vitamin D OR calciferol) AND cancer"}</answer>' });
const random = (s: string) => createHash('sha256').update(s).digest()[0]! % 11;

function script(judge: (call: ChatCall) => ScriptedReply): void {
  server.reset();
  server.respond((call) => {
    const role = roleOf(call);
    return role === 'judge' ? judge(call) : role === 'rewriter' ? rewriter() : expander(call);
  });
}

before(async () => {
  server = await startOllamaServer({ models: ['qwen3:4b'] });
  const dir = tempDir('delve-full-');
  const lib = join(dir, 'lib');
  mkdirSync(lib);
  const lines = readFileSync(join(sharedDir(), 'data', 'scifact', 'corpus.jsonl'), 'utf8').split('\n').filter(Boolean).slice(0, 400);
  for (const line of lines) {
    const d = JSON.parse(line) as { _id: string; title: string; text: string };
    const text = `${d.title}\n\n${d.text}`;
    texts.set(`${d._id}.txt`, text);
    writeFileSync(join(lib, `${d._id}.txt`), text);
  }
  dbPath = join(dir, 'full.db');
  engine = await createEngine({ dbPath, workers: 1, chunk: { targetChars: 20000, overlapChars: 0 }, embedding: { modelDir: join(sharedDir(), 'models', 'bert-tiny-random') }, llm: { host: server.url } });
  const s = await engine.index([lib]);
  assert.equal(s.embedding?.complete, true);
});
after(async () => { engine.close(); await server.close(); });

const textOf = (path: string) => texts.get(path.split(/[\\/]/).pop()!)!;
const full = (q: string, extra: Parameters<DelveEngine['search']>[1] = {}) => engine.search(q, { mode: 'full', k: 10, ...extra });

test('a judge giving 10 to passages with a marker word and 0 otherwise lifts those documents to the top', async () => {
  const initial = await engine.search(QUERY, { mode: 'hybrid', k: 30 });
  const words = (t: string) => new Set(t.toLowerCase().match(/[a-z]{6,}/g) ?? []);
  const top3 = initial.results.slice(0, 3).flatMap((r) => [...words(textOf(r.path))]);
  const counts = new Map<string, number>();
  for (const r of initial.results.slice(3)) for (const w of words(textOf(r.path))) counts.set(w, (counts.get(w) ?? 0) + 1);
  const marker = [...counts].filter(([w, n]) => n >= 2 && n <= 6 && !top3.includes(w)).sort((a, b) => a[0].localeCompare(b[0]))[0]![0];
  script((call) => ({ json: documentOf(call).toLowerCase().includes(marker) ? { score: 10, reason: `mentions ${marker}` } : { score: 0, reason: 'no marker' } }));
  const r = await full(QUERY, { pipeline: { rounds: 0, rewrite: false, rerankTop: 30 } });
  const marked = r.results.filter((x) => textOf(x.path).toLowerCase().includes(marker)).length;
  assert.ok(marked >= 2, `marker "${marker}" is in ${marked} results`);
  for (const x of r.results.slice(0, marked)) assert.ok(textOf(x.path).toLowerCase().includes(marker), `${x.rank}. ${x.path} lacks "${marker}"`);
  assert.equal(r.results[0]!.trace.llm?.score, 10);
  assert.ok(r.results[0]!.trace.stages!.initial! > 3, 'the top result was not in the initial top 3');
  assert.equal(r.status, null);
});

test('with random judge scores the final scores follow α·llm/10 + (1−α)·fused to 1e-9', async () => {
  script((call) => ({ json: { score: random(documentOf(call)), reason: 'random' } }));
  for (const alpha of [0.5, 0.3]) {
    const r = await full(QUERY, { pipeline: { rerankTop: 20, alpha } });
    assert.equal(r.status, null, JSON.stringify(r.status));
    for (const x of r.results) {
      const t = x.trace;
      assert.ok(t.llm && t.rerank, `result ${x.rank} was judged`);
      assert.equal(t.rerank.fused, t.fused, 'hybrid min-max scores are used as they are');
      assert.ok(Math.abs(x.score - (alpha * (t.llm.score / 10) + (1 - alpha) * t.fused)) < 1e-9, `rank ${x.rank}: ${x.score}`);
    }
    for (let i = 1; i < r.results.length; i++) assert.ok(r.results[i - 1]!.score >= r.results[i]!.score);
  }
});

test('the same query twice: the second makes no LLM call and returns the same ranking', async () => {
  script((call) => ({ json: { score: random(documentOf(call)), reason: 'random' } }));
  const q = 'Cancer risk and vitamin D levels in adults.';
  const first = await full(q);
  assert.ok(first.llm!.calls > 0);
  const second = await full(q);
  assert.equal(second.llm!.calls, 0);
  assert.ok(second.llm!.cacheHits >= first.llm!.calls);
  assert.deepEqual(second.results.map((x) => x.chunkId), first.results.map((x) => x.chunkId));
  assert.deepEqual(second.results.map((x) => x.score), first.results.map((x) => x.score));
});

test('editing the rewrite re-runs the later stages: the expansion comes from the cache, the retrieval changes, only new passages are judged', async () => {
  script((call) => ({ json: { score: random(documentOf(call)), reason: 'random' } }));
  const q = 'Calcium intake and bone density in older women.';
  const first = await full(q);
  server.reset();
  script((call) => ({ json: { score: random(documentOf(call)), reason: 'random' } }));
  const edited = await full(q, { pipeline: { edits: { rewrite: 'osteoporosis fracture hip' } } });
  const rw = edited.stages!.find((st) => st.name === 'rewrite')!;
  assert.deepEqual([rw.text, rw.note], ['osteoporosis fracture hip', 'edited by the user']);
  assert.deepEqual(server.calls.filter((c) => roleOf(c) !== 'judge'), [], 'expansion and rewrite made no LLM call');
  const before = first.stages!.find((st) => st.name === 'retrieve')!.delta!;
  const after = edited.stages!.find((st) => st.name === 'retrieve')!.delta!;
  assert.notDeepEqual(after, before, 'the retrieval with the edited rewrite ranks differently');
  // The judge is asked only about passages it has not judged for this query before.
  const judged = new Set(server.calls.map(documentOf));
  assert.ok(judged.size < 30, `${judged.size} passages judged again`);
  assert.equal(edited.llm!.calls, server.calls.length);
});

test('round 2 sees none of round 0\'s top 5 and refines round 1\'s last sample; samples run in parallel', async () => {
  script(() => ({ json: { score: 5, reason: 'r' } }));
  const r = await full('Statins reduce cardiovascular events in elderly patients.', { pipeline: { rerankTop: 0, rewrite: false } });
  const initialTop5 = (await engine.search('Statins reduce cardiovascular events in elderly patients.', { mode: 'hybrid', k: 5 })).results.map((x) => x.chunkId);
  const rounds = r.stages!.filter((s) => s.name === 'expand');
  assert.deepEqual(rounds.map((s) => s.round), [1, 2]);
  assert.deepEqual(rounds[0]!.shown, initialTop5);
  assert.equal(rounds[1]!.shown!.length, 5);
  assert.deepEqual(rounds[1]!.shown!.filter((id) => initialTop5.includes(id)), []);
  const exp = server.calls.filter((c) => roleOf(c) === 'expander');
  assert.equal(exp.length, 4, 'two samples per round');
  assert.ok(server.maxInFlight() >= 2, 'the two samples of a round are asked at once');
  assert.match(lastUserMessage(exp[2]!), /Earlier answer: Vitamin D and cancer risk sample 1 of a round\./);
  assert.ok(rounds[1]!.text!.startsWith('Statins reduce cardiovascular events in elderly patients.\n\n'));
});

test('Ollama down: the hybrid results come back at once (no retry loop), with OLLAMA_UNREACHABLE', async (t) => {
  const port = await new Promise<number>((res) => { const s = createServer().listen(0, '127.0.0.1', () => { const p = (s.address() as { port: number }).port; s.close(() => res(p)); }); });
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const hybrid: number[] = [];
  const down: number[] = [];
  let last: SearchResponse | null = null;
  let lastHybrid: SearchResponse | null = null;
  for (let i = 0; i < 7; i++) {
    let t = performance.now();
    lastHybrid = await engine.search(`${QUERY} ${i}`, { mode: 'hybrid', k: 10 });
    hybrid.push(performance.now() - t);
    t = performance.now();
    last = await full(`${QUERY} ${i}`, { ollama: `http://127.0.0.1:${port}` });
    down.push(performance.now() - t);
  }
  t.diagnostic(`median latency: hybrid ${median(hybrid).toFixed(1)} ms, full with Ollama down ${median(down).toFixed(1)} ms`);
  assert.equal(last!.status?.code, 'OLLAMA_UNREACHABLE');
  assert.match(last!.status!.hint, /ollama serve/);
  assert.equal(last!.results.length, 10);
  assert.deepEqual(last!.results.map((r) => r.chunkId), lastHybrid!.results.map((r) => r.chunkId), 'the fallback is the hybrid ranking');
  // The latency ratio is a figure (the diagnostic above, ~1.1-1.4× on an idle machine), not a timed assertion: the CI
  // machine is loaded. What would make it slow, a retry loop with backoff or a connect timeout, takes seconds.
  assert.ok(median(down) < median(hybrid) + 5000, `full with Ollama down: ${median(down).toFixed(1)} ms; hybrid: ${median(hybrid).toFixed(1)} ms`);
});

test('Ollama down with rm3Fallback: the query is expanded by RM3 instead, its terms in the stage, and the ranking is that of engine.search({ rm3: true })', async () => {
  const port = await new Promise<number>((res) => { const s = createServer().listen(0, '127.0.0.1', () => { const p = (s.address() as { port: number }).port; s.close(() => res(p)); }); });
  // A query no earlier test asked: the LLM replies cache would otherwise answer the stages.
  const q = `${QUERY} Serum levels in adults.`;
  const r = await full(q, { ollama: `http://127.0.0.1:${port}`, pipeline: { rm3Fallback: true } });
  assert.equal(r.status?.code, 'OLLAMA_UNREACHABLE');
  const rm3 = r.stages?.find((st) => st.name === 'rm3');
  assert.ok(rm3, JSON.stringify(r.stages));
  assert.match(rm3.note ?? '', /RM3/);
  assert.ok((rm3.feedback ?? []).length > 0 && (rm3.terms ?? []).some((t) => t.term === 'vitamin'), JSON.stringify(rm3));
  assert.ok(Math.abs((rm3.terms ?? []).reduce((a, t) => a + t.weight, 0) - 1) < 1e-9, 'the expanded query\'s weights sum to 1');
  const direct = await engine.search(q, { mode: 'hybrid', k: 10, rm3: true, history: false });
  assert.deepEqual(direct.rm3?.terms, rm3.terms);
  assert.ok((rm3.delta?.hits ?? 0) >= r.results.length && rm3.delta!.newInTop10 >= 0, JSON.stringify(rm3.delta));
  assert.deepEqual(r.results.map((x) => x.chunkId), direct.results.map((x) => x.chunkId));
});

test('Ollama down, the RM3 terms edited: the user\'s terms rank (words stemmed, weights scaled to sum 1), with each term\'s hit count', async () => {
  const port = await new Promise<number>((res) => { const s = createServer().listen(0, '127.0.0.1', () => { const p = (s.address() as { port: number }).port; s.close(() => res(p)); }); });
  const q = `${QUERY} Edited feedback.`;
  const down = { ollama: `http://127.0.0.1:${port}` };
  const own = (await full(q, { ...down, pipeline: { rm3Fallback: true } })).stages!.find((st) => st.name === 'rm3')!;
  const r = await full(q, { ...down, pipeline: { rm3Fallback: true, edits: { rm3: [{ term: 'vitamin', weight: 1 }, { term: 'Tumors', weight: 3 }] } } });
  const rm3 = r.stages!.find((st) => st.name === 'rm3')!;
  assert.match(rm3.note ?? '', /RM3 terms edited by the user/);
  assert.deepEqual(rm3.terms, [{ term: 'tumor', weight: 0.75 }, { term: 'vitamin', weight: 0.25 }]);
  const [whole, ...each] = rm3.queries!;
  assert.equal(whole!.label, 'expanded query');
  assert.deepEqual(each.map((x) => x.label), ['tumor', 'vitamin']);
  assert.ok(each.every((x) => x.hits > 0) && whole!.hits >= Math.max(...each.map((x) => x.hits)) && whole!.hits <= each[0]!.hits + each[1]!.hits, JSON.stringify(rm3.queries));
  assert.equal(r.results.length, 10);
  assert.notDeepEqual(rm3.delta, own.delta, 'the edited terms rank differently from the feedback\'s own');
});

test('malformed judge replies get the neutral score, are counted, and never fail the query', async () => {
  script((call) => (random(documentOf(call)) % 2 === 0 ? { content: 'I would say it is quite relevant!' } : { json: { score: 7, reason: 'fine' } }));
  const r = await full('Obesity and insulin resistance in adolescents.', { pipeline: { rounds: 0, rewrite: false, rerankTop: 20 } });
  assert.equal(r.status, null);
  assert.ok(r.llm!.unparsed > 0);
  const unparsed = r.results.filter((x) => x.trace.llm && !x.trace.llm.parsed);
  assert.ok(unparsed.every((x) => x.trace.llm!.score === 5));
});

test('the server killed mid-rerank: no crash, the partial rerank is reported and a ranking is returned', async () => {
  const victim = await startOllamaServer({ models: ['qwen3:4b'] });
  let judged = 0;
  victim.respond((call) => {
    if (roleOf(call) !== 'judge') return roleOf(call) === 'rewriter' ? rewriter() : expander(call);
    if (++judged === 8) setTimeout(() => victim.kill(), 5);
    return { json: { score: 9, reason: 'ok' }, delayMs: 20 };
  });
  const r = await full('Smoking cessation improves lung function.', { ollama: victim.url, pipeline: { rerankTop: 30 } });
  assert.equal(r.status?.code, 'OLLAMA_UNREACHABLE');
  const rerank = r.stages!.filter((s) => s.name === 'rerank').at(-1)!;
  assert.match(rerank.note ?? '', /^partial: \d+ of 30 judged/);
  assert.ok(rerank.done! > 0 && rerank.done! < 30);
  assert.equal(r.results.length, 10);
  await victim.close().catch(() => undefined);
});

test('cancelling the query aborts the LLM calls in flight', async () => {
  server.reset();
  // Replies would take 60 s: the search rejects with CANCELLED, and the calls leave the server's
  // in-flight list, only because the abort reached them.
  server.respond(() => ({ content: 'slow', delayMs: 60_000 }));
  const c = new AbortController();
  const waitThenAbort = (async () => { while (server.inFlight() === 0) await new Promise((res) => setTimeout(res, 5)); c.abort(); })();
  await assert.rejects(full('Exercise and depression.', { signal: c.signal }), (e: Error & { code?: string }) => e.code === 'CANCELLED');
  await waitThenAbort;
  while (server.inFlight() > 0) await new Promise((res) => setTimeout(res, 5));
});

test('the CLI: delve search --mode full --json carries stages, trace.llm and llm usage', async () => {
  script((call) => ({ json: { score: random(documentOf(call)), reason: 'because' } }));
  engine.close();
  interface Delta { newInTop10: number; moved: { chunkId: number; from: number | null; to: number }[]; hits?: number }
  interface Out { mode: string; stages: { name: string; round?: number; text?: string; note?: string; ms: number; delta?: Delta; queries?: { label: string; text: string; hits: number }[] }[]; results: { trace: { llm: { score: number; reason: string } | null } }[]; llm: { calls: number; promptTokens: number; completionTokens: number; cacheHits: number } }
  const r = await delveJson<Out>(['search', 'Vitamin D supplementation in pregnancy.', '--db', dbPath, '--mode', 'full', '--ollama', server.url, '--model', join(sharedDir(), 'models', 'bert-tiny-random')]);
  assert.equal(r.mode, 'full');
  // The rewrite runs beside the first retrieval, so those two stages are listed in the order they end.
  const names = [...new Set(r.stages.map((s) => s.name))];
  assert.deepEqual(names.slice(0, 2).sort(), ['initial', 'rewrite']);
  assert.deepEqual(names.slice(2), ['expand', 'retrieve', 'rerank']);
  assert.ok(r.stages.some((s) => s.name === 'expand' && s.round === 2 && s.text));
  assert.ok(r.stages.some((s) => s.name === 'rewrite' && s.text === '(vitamin D OR calciferol) AND cancer'));
  // Each retrieving stage says what it changed: new to the top 10, moves, and its hit count.
  for (const st of r.stages.filter((x) => x.name === 'expand' || x.name === 'retrieve')) {
    const d = st.delta!;
    assert.ok(d && d.hits! > 0 && d.newInTop10 >= 0 && d.newInTop10 <= 10, JSON.stringify(st));
    assert.equal(d.moved.filter((m) => m.from === null || m.from > 10).length, d.newInTop10, JSON.stringify(d));
    assert.ok(d.moved.every((m) => m.to >= 1 && m.to <= 10 && m.from !== m.to));
  }
  // ... and each of its queries' hit count: the expansion samples and the round's query, the rewrite, the expanded query.
  const labels = (name: string) => r.stages.filter((x) => x.name === name).flatMap((x) => (x.queries ?? []).map((y) => `${y.label}:${y.hits > 0}`));
  assert.deepEqual(labels('expand'), ['sample 1:true', 'sample 2:true', 'round query:true', 'sample 1:true', 'sample 2:true', 'round query:true']);
  assert.deepEqual(labels('rewrite'), ['keyword rewrite:true']);
  assert.deepEqual(labels('retrieve'), ['expanded query:true']);
  assert.ok(r.results.every((x) => x.trace.llm && x.trace.llm.reason === 'because'));
  assert.ok(r.llm.calls > 0 && r.llm.promptTokens > 0 && r.llm.completionTokens > 0);
  // --rewrite: the user's keyword query replaces the rewriter's; the later stages run again.
  const e = await delveJson<Out>(['search', 'Vitamin D supplementation in pregnancy.', '--db', dbPath, '--mode', 'full', '--ollama', server.url, '--model', join(sharedDir(), 'models', 'bert-tiny-random'), '--rewrite', 'calciferol pregnancy outcomes']);
  const rw = e.stages.find((st) => st.name === 'rewrite')!;
  assert.deepEqual([rw.text, rw.note], ['calciferol pregnancy outcomes', 'edited by the user']);
  assert.ok(e.stages.find((st) => st.name === 'retrieve')?.delta);
  engine = await createEngine({ dbPath, workers: 1, llm: { host: server.url } });
});

test('listwise pass (DIVER v2): merged with the pointwise ranking as 0.6·(−ln(r+1)) + 0.4·(−ln(r+1))', async () => {
  let ids: number[] = [];
  server.reset();
  server.respond((call) => {
    const role = roleOf(call);
    if (role === 'judge') return { json: { score: random(documentOf(call)), reason: 'r' } };
    if (role === 'listwise') {
      const n = (lastUserMessage(call).match(/^\[\d+\]\. /gm) ?? []).length;
      ids = Array.from({ length: n }, (_, i) => n - i); // the reverse of retrieval order
      return { json: { ranking: ids } };
    }
    return role === 'rewriter' ? rewriter() : expander(call);
  });
  const r = await full('Folic acid in pregnancy prevents neural tube defects.', { k: 10, pipeline: { rounds: 0, rewrite: false, rerankTop: 10, listwise: true } });
  assert.equal(r.status, null);
  assert.equal(ids.length, 10);
  const pointRank = [...r.results].sort((a, b) => b.trace.rerank!.pointwise - a.trace.rerank!.pointwise).map((x) => x.chunkId);
  for (const x of r.results) {
    const rp = pointRank.indexOf(x.chunkId);
    const rl = x.trace.rerank!.listRank! - 1;
    assert.ok(Math.abs(x.score - (0.6 * -Math.log(rp + 1) + 0.4 * -Math.log(rl + 1))) < 1e-9, `rank ${x.rank}`);
  }
  assert.ok(r.stages!.some((s) => s.name === 'listwise' && !s.note));
});

test('a missing model or a judge too slow: the ranking still comes back, with MODEL_MISSING or LLM_TIMEOUT and the fix', async () => {
  script((call) => ({ json: { score: random(documentOf(call)), reason: 'r' } }));
  const missing = await engine.search('Aspirin and colorectal cancer.', { mode: 'full', k: 5 });
  assert.equal(missing.status, null);
  const other = await createEngine({ dbPath, workers: 1, llm: { host: server.url, model: 'llama9:70b' } });
  try {
    const r = await other.search('Aspirin and colorectal cancer.', { mode: 'full', k: 5 });
    assert.equal(r.status?.code, 'MODEL_MISSING');
    assert.equal(r.status?.hint, 'run: ollama pull llama9:70b');
    assert.equal(r.results.length, 5);
  } finally {
    other.close();
  }
  script((call) => ({ json: { score: 1, reason: 'slow' }, delayMs: roleOf(call) === 'judge' ? 2000 : 0 }));
  const slow = await createEngine({ dbPath, workers: 1, llm: { host: server.url, timeoutMs: 300 } });
  try {
    const r = await slow.search('Iron supplements and anaemia in infants.', { mode: 'full', k: 5, pipeline: { rounds: 0, rewrite: false } });
    assert.equal(r.status?.code, 'LLM_TIMEOUT');
    assert.equal(r.results.length, 5);
    assert.match(r.stages!.at(-1)!.note ?? '', /^partial: 0 of \d+ judged \(LLM_TIMEOUT\)/, JSON.stringify(r.stages));
  } finally {
    slow.close();
  }
});
