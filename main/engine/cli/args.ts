/** Command-line parsing for `delve`: usage errors become UsageError (exit code 2). */
import { parseArgs } from 'node:util';
import { ncbiSettings, pmidList as facadePmidList } from '../app/pubmed-args.js';
import { EngineError } from '../errors.js';

export class UsageError extends Error {}

export const USAGE = `usage:
  delve index <paths…> [--db <file>] [--json] [--workers N] [--chunk-size N] [--chunk-overlap N] [--no-ocr] [--ocr-lang eng+fra] [--ocr-data auto|bundled|system] [--ocr-garbage] [--no-wait]
               (--no-wait: fail at once with DB_BUSY while another Delve process writes the library, instead of waiting)
  delve status [--db <file>] [--json]
  delve search "<query>" [--db <file>] [--mode bm25|dense|hybrid|full] [--k 10] [--group chunk|document] [--json]
               full: [--ollama URL] [--llm-model M] [--rounds 2] [--rerank-top 30] [--alpha 0.5] [--listwise]
  delve watch <folders…> [--db <file>] [--json]
  delve embed [--db <file>] [--model <id|folder>] [--provider auto|cpu|cuda|dml|coreml|webgpu] [--json]
  delve llm status|pull <model> [--ollama URL] [--llm-model M] [--json]
  delve pubmed check "<PubMed query or strategy>" [--json]   (multi-line strategies: PubMed or Ovid MEDLINE)
  delve pubmed translate "<strategy>" | --file F | - [--to pubmed|ovid] [--from pubmed|ovid] [--counts [--eutils URL]] [--json]
  delve pubmed search "<PubMed query>" [--seeds PMID,…] [--db <file>: show records, marking those in the library] [--eutils URL] [--api-key K] [--email E] [--json]
  delve pubmed import <PMID…> [--db <file>] [--eutils URL]      (records into the library, searchable offline)
  delve pubmed export <PMID…> --format ris|bib|csv [--out <file>] [--eutils URL]
  delve pubmed offline "<PubMed query>" [--db <file>] [--json]   (run a Boolean query against the library)
  delve pubmed draft "<question>" [--seeds PMID,…] [--candidates 4] [--ollama URL] [--llm-model M] [--eutils URL] [--json]
  delve trials check "<Essie expression>" [--json]
  delve trials search "<Essie expression>" [--seeds NCT…] [--limit 1000] [--db <file>: mark trials in the library] [--ctgov URL] [--json]
  delve trials draft "<question | PICO | patient>" [--patient] [--per-area] [--seeds NCT…] [--candidates 4] [--limit 1000] [--ollama URL] [--ctgov URL] [--json]
  delve trials import <NCT…> [--db <file>] [--ctgov URL] [--json]   (studies into the library, linked to their publications there)
  delve trials links [NCT…|PMID…] [--db <file>] [--json]           (a trial's publications in the library; the trials citing a PMID)
  delve eval --dataset <BEIR folder> [--mode bm25|dense|hybrid] [--model <id|folder>] [--fusion minmax|rrf]
             [--weight 0.5] [--limit N] [--trec-run <file>] [--db <file>] [--chunk-size N] [--k1 1.5] [--b 0.75] [--rm3] [--json]
  delve models list|pull <id>|import <folder> [--id <id>]|remove <id> [--json]
  delve collection create <name> | list [<name>] [--sort document|page|tag|stance|added|manual] [--json]
  delve collection add <name> --chunk <id> [--note "…"] [--tag t]… [--stance supports|contradicts|background] [--query "…"]
  delve collection export <name> --format md|csv|bib|ris [--out <file>]
  delve collection rename <name> <new> | duplicate <name> <copy> | delete <name> | deleted | restore <id>
  delve collection edit <evidence id> [--note "…"] [--tag t]… [--stance supports|contradicts|background|none] [--quote "…"]
  delve collection remove <evidence id> | unremove <evidence id> | move <evidence id> <place>
  delve history [--limit 50] [--json]
  delve zotero import <Zotero data folder> [--base-dir <folder>] [--db <file>] [--json]   (read-only; every item a record; a second import applies only the changes)
  delve mcp [--db <file>] [--allow-writes] [--ollama URL] [--llm-model M] [--eutils URL] [--api-key K] [--email E]   (MCP server on stdio)
  delve import <file.bib|file.ris> [--db <file>] [--json]   (records with their attached PDFs; duplicates merged; re-import applies changes)
  delve backup [--out <file>] [--user-data] [--db <file>] [--json]   (a full copy by SQLite's online backup; --user-data: collections, evidence, notes, corrections, folders, history as JSON)
  delve restore <backup.db|user-data.json> [--db <file>] [--json]   (merges the backup's user data in, never dropping what was made since; a damaged library is replaced by the backup)
Models are installed in the app's data folder (models/<id>); $DELVE_HF_BASE sets a hub mirror, and
HTTPS_PROXY / HTTP_PROXY / NO_PROXY are honoured. Ctrl-C stops a pull; pulling again resumes it.
Embedding (index, embed, search, status): --model names an installed model id or a model folder
(default: $DELVE_MODEL, else the default model if installed), or ollama:<name> for an Ollama embedding
model (e.g. ollama:nomic-embed-text at --ollama <host> / $OLLAMA_HOST); --provider picks the execution
provider; --weights fp32|int8 overrides the default (int8 on CPU where the model offers it, else fp32);
--quantize bit|int8 makes dense search scan quantised vectors and re-score with floats (large libraries);
--scan sqlite uses sqlite-vec's KNN instead of the exact in-memory scan (the default).
BM25 (search, eval): --k1 and --b set its parameters (default 1.5 and 0.75); --rm3 expands the query with
RM3 pseudo-relevance feedback (10 feedback documents, 10 terms, original query weight 0.5); with
--mode full, --rm3 expands with RM3 when Ollama is unavailable and --rewrite "<keywords>" replaces the
rewriter's keyword query (the other stages come from the LLM reply cache where unchanged).
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
  weights: { type: 'string' },
  dataset: { type: 'string' },
  fusion: { type: 'string' },
  weight: { type: 'string' },
  k1: { type: 'string' },
  rewrite: { type: 'string' },
  b: { type: 'string' },
  rm3: { type: 'boolean', default: false },
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
  ctgov: { type: 'string' },
  'per-area': { type: 'boolean', default: false },
  patient: { type: 'boolean', default: false },
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
  'base-dir': { type: 'string' },
  'allow-writes': { type: 'boolean', default: false },
  query: { type: 'string' },
  to: { type: 'string' },
  counts: { type: 'boolean', default: false },
  from: { type: 'string' },
  file: { type: 'string' },
  group: { type: 'string' },
  quote: { type: 'string' },
  'no-ocr': { type: 'boolean', default: false },
  'no-wait': { type: 'boolean', default: false },
  'user-data': { type: 'boolean', default: false },
  'ocr-lang': { type: 'string' },
  'ocr-data': { type: 'string' },
  'ocr-garbage': { type: 'boolean', default: false },
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
  /** Local embedding models: fp32 or int8 weights (default auto: int8 on CPU where the model offers it). */
  weights: 'auto' | 'fp32' | 'int8' | undefined;
  /** eval: BEIR dataset folder, fusion, dense weight, first N queries, TREC run file. */
  dataset: string | undefined;
  fusion: 'minmax' | 'rrf' | undefined;
  weight: number | undefined;
  /** search, eval: BM25's k1 and b, and RM3 pseudo-relevance feedback. */
  k1: number | undefined;
  b: number | undefined;
  rm3: boolean;
  /** search --mode full: the user's keyword rewrite, used instead of the rewriter's (later stages re-run). */
  rewrite: string | undefined;
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
  /** trials: ClinicalTrials.gov API v2 base URL; drafts one query per search area; the question is a patient description. */
  ctgov: string | undefined;
  perArea: boolean;
  patient: boolean;
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
  /** zotero import: Zotero's base directory for linked files. */
  baseDir: string | undefined;
  /** mcp: allow the tools that change the library. */
  allowWrites: boolean;
  /** pubmed translate: target and (optional) source syntax, strategy file. */
  to: string | undefined;
  from: string | undefined;
  file: string | undefined;
  /** pubmed translate: each line's PubMed count through E-utilities. */
  counts: boolean;
  /** search: one result per passage ('chunk', the default) or per document ('document'). */
  group: 'chunk' | 'document' | undefined;
  /** collection edit: the evidence's new quote (words of its passage). */
  quote: string | undefined;
  /** OCR of image-only PDF pages turned off (--no-ocr), and its languages (--ocr-lang eng+fra). */
  noOcr: boolean;
  ocrLangs: string[] | undefined;
  /** Which OCR language data (--ocr-data): Tesseract's on the computer where it has the languages (auto), or forced. */
  ocrData: 'auto' | 'bundled' | 'system' | undefined;
  /** Also OCR pages whose text layer is garbage (--ocr-garbage). */
  ocrGarbage: boolean;
  /** index/embed/import: fail with DB_BUSY instead of waiting for another process's writer lock. */
  noWait: boolean;
  /** backup: the user data alone, as JSON. */
  userData: boolean;
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
    weights: weightsChoice(values.weights),
    dataset: values.dataset,
    fusion: fusion(values.fusion),
    weight: fraction('--weight', values.weight),
    k1: positive('--k1', values.k1),
    b: fraction('--b', values.b),
    rm3: values.rm3 ?? false,
    rewrite: values.rewrite,
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
    seeds: values.seeds === undefined ? undefined : command === 'trials' ? idList([values.seeds]) : pmidList([values.seeds], '--seeds'),
    ctgov: values.ctgov,
    perArea: values['per-area'] ?? false,
    patient: values.patient ?? false,
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
    baseDir: values['base-dir'],
    allowWrites: values['allow-writes'] ?? false,
    to: values.to,
    counts: values.counts ?? false,
    from: values.from,
    file: values.file,
    group: groupChoice(values.group),
    quote: values.quote,
    noOcr: values['no-ocr'] ?? false,
    ocrLangs: values['ocr-lang']?.split(/[+,\s]+/).filter(Boolean),
    ocrData: ocrDataChoice(values['ocr-data']),
    ocrGarbage: values['ocr-garbage'] ?? false,
    noWait: values['no-wait'] ?? false,
    userData: values['user-data'] ?? false,
    help: values.help ?? false,
  };
}

function provider(v: string | undefined): ProviderChoice | undefined {
  if (v === undefined) return undefined;
  if (!(PROVIDERS as readonly string[]).includes(v)) throw new UsageError(`--provider must be one of ${PROVIDERS.join(', ')}`);
  return v as ProviderChoice;
}

function ocrDataChoice(v: string | undefined): 'auto' | 'bundled' | 'system' | undefined {
  if (v === undefined) return undefined;
  if (v !== 'auto' && v !== 'bundled' && v !== 'system') throw new UsageError('--ocr-data must be auto, bundled or system');
  return v;
}

function weightsChoice(v: string | undefined): 'auto' | 'fp32' | 'int8' | undefined {
  if (v === undefined) return undefined;
  if (v !== 'auto' && v !== 'fp32' && v !== 'int8') throw new UsageError('--weights must be auto, fp32 or int8');
  return v;
}

function groupChoice(v: string | undefined): 'chunk' | 'document' | undefined {
  if (v === undefined) return undefined;
  if (v !== 'chunk' && v !== 'document') throw new UsageError('--group must be chunk or document');
  return v;
}

function scanMethod(v: string): 'memory' | 'sqlite' {
  if (v !== 'memory' && v !== 'sqlite') throw new UsageError('--scan must be memory or sqlite');
  return v;
}

function quantize(v: string): 'bit' | 'int8' {
  if (v !== 'bit' && v !== 'int8') throw new UsageError('--quantize must be bit or int8');
  return v;
}

/** Comma/space-separated ids, de-duplicated (checked by the command that uses them). */
export function idList(values: readonly string[] | undefined): string[] {
  return [...new Set((values ?? []).flatMap((v) => v.split(/[\s,;]+/)).filter(Boolean))];
}

/** PMIDs as the PubMed facade reads them (engine/app/pubmed.ts); a bad one is a usage error here. */
export function pmidList(values: readonly string[] | undefined, what: string): string[] {
  try {
    return facadePmidList(values, what);
  } catch (err) {
    if (err instanceof EngineError && err.code === 'BAD_ARGUMENT') throw new UsageError(err.message);
    throw err;
  }
}

/** NCBI settings from the CLI's --eutils/--api-key/--email, else $NCBI_API_KEY/$NCBI_EMAIL. */
export { ncbiSettings };

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

function positive(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0 || n > 10) throw new UsageError(`${name} must be a number from 0 to 10`);
  return n;
}

function int(name: string, v: string | undefined, min: number, max: number): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${name} must be a whole number from ${min} to ${max}`);
  return n;
}
