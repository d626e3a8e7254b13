/** Command-line parsing for `delve`: usage errors become UsageError (exit code 2). */
import { parseArgs } from 'node:util';

export class UsageError extends Error {}

export const USAGE = `usage:
  delve index <paths…> [--db <file>] [--json] [--workers N] [--chunk-size N] [--chunk-overlap N] [--no-ocr] [--ocr-lang eng+fra]
  delve status [--db <file>] [--json]
  delve search "<query>" [--db <file>] [--mode bm25|dense|hybrid|full] [--k 10] [--json]
               full: [--ollama URL] [--llm-model M] [--rounds 2] [--rerank-top 30] [--alpha 0.5] [--listwise]
  delve watch <folders…> [--db <file>] [--json]
  delve embed [--db <file>] [--model <id|folder>] [--provider auto|cpu|cuda|dml|coreml|webgpu] [--json]
  delve llm status|pull <model> [--ollama URL] [--llm-model M] [--json]
  delve pubmed check "<PubMed query>" [--json]
  delve pubmed search "<PubMed query>" [--seeds PMID,…] [--db <file>: show records, marking those in the library] [--eutils URL] [--api-key K] [--email E] [--json]
  delve pubmed import <PMID…> [--db <file>] [--eutils URL]      (records into the library, searchable offline)
  delve pubmed export <PMID…> --format ris|bib|csv [--out <file>] [--eutils URL]
  delve pubmed offline "<PubMed query>" [--db <file>] [--json]   (run a Boolean query against the library)
  delve pubmed draft "<question>" [--seeds PMID,…] [--candidates 4] [--ollama URL] [--llm-model M] [--eutils URL] [--json]
  delve eval --dataset <BEIR folder> [--mode bm25|dense|hybrid] [--model <id|folder>] [--fusion minmax|rrf]
             [--weight 0.5] [--limit N] [--trec-run <file>] [--db <file>] [--chunk-size N] [--json]
  delve models list|pull <id>|import <folder> [--id <id>]|remove <id> [--json]
  delve collection create <name> | list [<name>] [--sort document|page|tag|stance|added] [--json]
  delve collection add <name> --chunk <id> [--note "…"] [--tag t]… [--stance supports|contradicts|background] [--query "…"]
  delve collection export <name> --format md|csv|bib|ris [--out <file>]
  delve history [--limit 50] [--json]
  delve zotero import <Zotero data folder> [--db <file>] [--json]   (read-only; a second import applies only the changes)
Models are installed in the app's data folder (models/<id>); $DELVE_HF_BASE sets a hub mirror, and
HTTPS_PROXY / HTTP_PROXY / NO_PROXY are honoured. Ctrl-C stops a pull; pulling again resumes it.
Embedding (index, embed, search, status): --model names an installed model id or a model folder
(default: $DELVE_MODEL, else the default model if installed); --provider picks the execution provider;
--quantize bit|int8 makes dense search scan quantised vectors and re-score with floats (large libraries);
--scan sqlite uses sqlite-vec's KNN instead of the exact in-memory scan (the default).
The database defaults to $DELVE_DB, else delve.db in the app's data folder.`;

const OPTIONS = {
  db: { type: 'string' },
  json: { type: 'boolean', default: false },
  mode: { type: 'string' },
  k: { type: 'string', default: '10' },
  workers: { type: 'string' },
  'chunk-size': { type: 'string' },
  'chunk-overlap': { type: 'string' },
  model: { type: 'string' },
  provider: { type: 'string' },
  dataset: { type: 'string' },
  fusion: { type: 'string' },
  weight: { type: 'string' },
  limit: { type: 'string' },
  'trec-run': { type: 'string' },
  ollama: { type: 'string' },
  'llm-model': { type: 'string' },
  rounds: { type: 'string' },
  'rerank-top': { type: 'string' },
  alpha: { type: 'string' },
  listwise: { type: 'boolean', default: false },
  quantize: { type: 'string' },
  scan: { type: 'string' },
  seeds: { type: 'string' },
  candidates: { type: 'string' },
  eutils: { type: 'string' },
  'api-key': { type: 'string' },
  email: { type: 'string' },
  id: { type: 'string' },
  chunk: { type: 'string' },
  note: { type: 'string' },
  tag: { type: 'string', multiple: true },
  stance: { type: 'string' },
  sort: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  query: { type: 'string' },
  'no-ocr': { type: 'boolean', default: false },
  'ocr-lang': { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export interface Parsed {
  command: string;
  positionals: string[];
  db: string | undefined;
  json: boolean;
  mode: string | undefined;
  k: number;
  workers: number | undefined;
  chunkSize: number | undefined;
  chunkOverlap: number | undefined;
  /** Embedding model: an installed model id or a model folder. */
  model: string | undefined;
  provider: ProviderChoice | undefined;
  /** eval: BEIR dataset folder, fusion, dense weight, first N queries, TREC run file. */
  dataset: string | undefined;
  fusion: 'minmax' | 'rrf' | undefined;
  weight: number | undefined;
  limit: number | undefined;
  trecRun: string | undefined;
  /** search --mode full: Ollama host, LLM model, expansion rounds, passages judged, judge weight, listwise pass. */
  ollama: string | undefined;
  llmModel: string | undefined;
  rounds: number | undefined;
  rerankTop: number | undefined;
  alpha: number | undefined;
  listwise: boolean;
  /** Dense search over 1-bit codes re-scored with floats ('bit'), or sqlite-vec int8 ('int8'). */
  quantize: 'bit' | 'int8' | undefined;
  /** Exact dense search: the in-memory scan (default) or sqlite-vec's KNN. */
  scan: 'memory' | 'sqlite' | undefined;
  /** pubmed: seed PMIDs (comma-separated), E-utilities base URL, NCBI API key and contact e-mail. */
  seeds: string[] | undefined;
  eutils: string | undefined;
  /** pubmed draft: how many candidate queries the LLM writes (default 4). */
  candidates: number | undefined;
  apiKey: string | undefined;
  email: string | undefined;
  /** models import: the id to install under. */
  id: string | undefined;
  /** collection: the chunk to add, its note, tags (repeated or comma-separated), stance, the query that found it; list's sort; export's format and file. */
  chunk: number | undefined;
  note: string | undefined;
  tags: string[] | undefined;
  stance: string | undefined;
  sort: string | undefined;
  format: string | undefined;
  out: string | undefined;
  query: string | undefined;
  /** OCR of image-only PDF pages turned off (--no-ocr), and its languages (--ocr-lang eng+fra). */
  noOcr: boolean;
  ocrLangs: string[] | undefined;
  help: boolean;
}

const PROVIDERS = ['auto', 'cpu', 'cuda', 'dml', 'coreml', 'webgpu'] as const;
type ProviderChoice = (typeof PROVIDERS)[number];

export function parse(argv: string[]): Parsed {
  let values, positionals;
  try {
    ({ values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const [command = '', ...rest] = positionals;
  return {
    command,
    positionals: rest,
    db: values.db,
    json: values.json ?? false,
    mode: values.mode,
    k: int('--k', values.k, 1, 1000) ?? 10,
    workers: int('--workers', values.workers, 1, 256),
    chunkSize: int('--chunk-size', values['chunk-size'], 200, 20000),
    chunkOverlap: int('--chunk-overlap', values['chunk-overlap'], 0, 10000),
    model: values.model,
    provider: provider(values.provider),
    dataset: values.dataset,
    fusion: fusion(values.fusion),
    weight: fraction('--weight', values.weight),
    limit: int('--limit', values.limit, 1, 1_000_000),
    trecRun: values['trec-run'],
    ollama: values.ollama,
    llmModel: values['llm-model'],
    rounds: int('--rounds', values.rounds, 0, 5),
    rerankTop: int('--rerank-top', values['rerank-top'], 0, 100),
    alpha: fraction('--alpha', values.alpha),
    listwise: values.listwise ?? false,
    quantize: values.quantize === undefined ? undefined : quantize(values.quantize),
    scan: values.scan === undefined ? undefined : scanMethod(values.scan),
    seeds: values.seeds === undefined ? undefined : pmidList([values.seeds], '--seeds'),
    eutils: values.eutils,
    candidates: int('--candidates', values.candidates, 1, 16),
    apiKey: values['api-key'] ?? process.env.NCBI_API_KEY,
    email: values.email ?? process.env.NCBI_EMAIL,
    id: values.id,
    chunk: int('--chunk', values.chunk, 1, Number.MAX_SAFE_INTEGER),
    note: values.note,
    tags: values.tag?.flatMap((t) => t.split(',')).map((t) => t.trim()).filter(Boolean),
    stance: values.stance,
    sort: values.sort,
    format: values.format,
    out: values.out,
    query: values.query,
    noOcr: values['no-ocr'] ?? false,
    ocrLangs: values['ocr-lang']?.split(/[+,\s]+/).filter(Boolean),
    help: values.help ?? false,
  };
}

function provider(v: string | undefined): ProviderChoice | undefined {
  if (v === undefined) return undefined;
  if (!(PROVIDERS as readonly string[]).includes(v)) throw new UsageError(`--provider must be one of ${PROVIDERS.join(', ')}`);
  return v as ProviderChoice;
}

function scanMethod(v: string): 'memory' | 'sqlite' {
  if (v !== 'memory' && v !== 'sqlite') throw new UsageError('--scan must be memory or sqlite');
  return v;
}

function quantize(v: string): 'bit' | 'int8' {
  if (v !== 'bit' && v !== 'int8') throw new UsageError('--quantize must be bit or int8');
  return v;
}

/** PMIDs from values that may each hold several (comma- or space-separated), de-duplicated and checked. */
export function pmidList(values: readonly string[] | undefined, what: string): string[] {
  const ids = [...new Set((values ?? []).flatMap((v) => v.split(/[\s,;]+/)).filter(Boolean))];
  const bad = ids.filter((id) => !/^\d{1,9}$/.test(id));
  if (bad.length) throw new UsageError(`${what} takes PMIDs; not PMIDs: ${bad.slice(0, 5).join(', ')}`);
  return ids;
}

/** NCBI settings from the CLI's --eutils/--api-key/--email, else $NCBI_API_KEY/$NCBI_EMAIL. */
export function ncbiSettings(a: { eutils?: string; apiKey?: string; email?: string }): { baseUrl?: string; apiKey?: string; email?: string } {
  const apiKey = a.apiKey ?? (process.env.NCBI_API_KEY || undefined);
  const email = a.email ?? (process.env.NCBI_EMAIL || undefined);
  return { ...(a.eutils ? { baseUrl: a.eutils } : {}), ...(apiKey ? { apiKey } : {}), ...(email ? { email } : {}) };
}

function fusion(v: string | undefined): 'minmax' | 'rrf' | undefined {
  if (v === undefined) return undefined;
  if (v !== 'minmax' && v !== 'rrf') throw new UsageError('--fusion must be minmax or rrf');
  return v;
}

function fraction(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new UsageError(`${name} must be a number from 0 to 1`);
  return n;
}

function int(name: string, v: string | undefined, min: number, max: number): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${name} must be a whole number from ${min} to ${max}`);
  return n;
}
