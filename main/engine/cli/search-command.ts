/**
 * `delve search`: ranked, page-cited results. `--mode full` adds the LLM stages through Ollama; the
 * stages print on stderr as they finish (with what each changed and its queries' hit counts), and
 * --json adds `stages` (each with its `delta` and `queries`), per-result `trace.llm` and `llm` usage. When Ollama cannot help, the hybrid results still print, with the reason and the fix.
 */
import type { DelveEngine } from '../index.js';
import type { SearchMode, SearchResponse, StageInfo } from '../api.js';
import { UsageError, type Parsed } from './args.js';
import { onInterrupt } from './interrupt.js';

type Out = (s: string) => void;

function describeStage(s: StageInfo): string {
  const what = s.name === 'expand' ? `expand round ${s.round}` : s.name === 'rerank' ? `rerank ${s.done}/${s.total}` : s.name;
  const delta = s.delta ? `; ${s.delta.newInTop10} new in the top 10, ${s.delta.moved.length} moved` : '';
  const hits = s.queries?.length ? `; hits: ${s.queries.map((q) => `${q.label} ${q.hits}`).join(', ')}` : '';
  return `${what} (${s.ms} ms)${s.note ? `: ${s.note}` : ''}${s.name === 'rewrite' && s.text ? `: ${s.text}` : ''}${delta}${hits}`;
}

export async function searchCommand(engine: DelveEngine, a: Parsed, out: Out, err: Out): Promise<void> {
  if (a.positionals.length !== 1) throw new UsageError('search needs exactly one query (quote it)');
  if (a.mode !== undefined && !['bm25', 'dense', 'hybrid', 'full'].includes(a.mode)) throw new UsageError(`unknown --mode "${a.mode}" (available: bm25, dense, hybrid, full)`);
  const full = a.mode === 'full';
  const interrupt = onInterrupt();
  let r: SearchResponse;
  try {
    r = await engine.search(a.positionals[0]!, {
      mode: a.mode as SearchMode | 'full' | undefined, k: a.k, signal: interrupt.signal, groupBy: a.group,
      ...(full ? {
        ollama: a.ollama,
        pipeline: { rounds: a.rounds, rerankTop: a.rerankTop, alpha: a.alpha, listwise: a.listwise, rm3Fallback: a.rm3,
          ...(a.rewrite !== undefined ? { edits: { rewrite: a.rewrite } } : {}) },
        onEvent: (e) => { if (e.type === 'stage' && !a.json && (e.stage.name !== 'rerank' || e.stage.done === e.stage.total)) err(`delve: ${describeStage(e.stage)}`); },
      } : {}),
    });
  } finally {
    interrupt.release();
  }
  if (a.json) {
    const extra = full ? { stages: r.stages, llm: r.llm, status: r.status } : {};
    out(JSON.stringify({ mode: r.mode, grouping: r.grouping ?? a.group ?? 'chunk', ...(r.operators ? { operators: r.operators } : {}), results: r.results, ms: Math.round(r.ms * 10) / 10, ...extra, ...(r.rm3 !== undefined ? { rm3: r.rm3 } : {}) }));
    return;
  }
  if (r.operators?.applied.length) err(`delve: searched ${r.operators.applied.join('; ')}`);
  for (const note of r.operators?.notes ?? []) err(`delve: ${note}`);
  if (r.status) err(`delve: LLM stages stopped: ${r.status.code}: ${r.status.message} (${r.status.hint})`);
  if (r.results.length === 0) out('no results');
  for (const x of r.results) {
    const where = x.page === null ? '' : ` p. ${x.page}${x.pageLabel && x.pageLabel !== String(x.page) ? ` ("${x.pageLabel}")` : ''}`;
    const judged = x.trace.llm ? `\n   judge ${x.trace.llm.score.toFixed(1)}/10: ${x.trace.llm.reason}` : '';
    const others = x.group && x.group.passages > 1 ? `\n   +${x.group.passages - 1} more passage${x.group.passages > 2 ? 's' : ''} from this document` : '';
    const front = x.trace.frontMatter ? ' (title/author block)' : '';
    out(`${x.rank}. ${x.title ?? x.path}${where}${front}  [${x.score.toFixed(2)}]\n   ${x.path}\n   ${x.snippet.replace(/\s+/g, ' ')}${judged}${others}`);
  }
  if (r.llm) out(`LLM: ${r.llm.calls} calls, ${r.llm.promptTokens} + ${r.llm.completionTokens} tokens, ${r.llm.cacheHits} from cache`);
}
