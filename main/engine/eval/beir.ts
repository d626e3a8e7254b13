/**
 * Reads a BEIR-format dataset folder: corpus.jsonl ({"_id","title","text"}), queries.jsonl
 * ({"_id","text"}) and a qrels file (qrels.tsv, or qrels/test.tsv as BEIR ships it; header
 * `query-id corpus-id score`). Only queries that have judgments are evaluated. Malformed input is a
 * DATASET_INVALID error naming the file and line.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EngineError } from '../errors.js';

export interface BeirDoc { id: string; title: string; text: string }
/** Query id → (document id → graded relevance). Judgments of 0 are kept (judged not relevant). */
export type Qrels = Map<string, Map<string, number>>;

export interface BeirDataset {
  dir: string;
  corpus: BeirDoc[];
  /** Judged queries only, in file order. */
  queries: { id: string; text: string }[];
  qrels: Qrels;
}

function bad(file: string, line: number, what: string): never {
  throw new EngineError('DATASET_INVALID', `${file}:${line}: ${what}`);
}

function readLines(file: string): string[] {
  if (!existsSync(file)) throw new EngineError('DATASET_INVALID', `${file} is missing (a BEIR folder holds corpus.jsonl, queries.jsonl and qrels.tsv or qrels/test.tsv)`);
  return readFileSync(file, 'utf8').split(/\r?\n/);
}

function* jsonl(file: string): Generator<[Record<string, unknown>, number]> {
  const lines = readLines(file);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    let value: unknown;
    try { value = JSON.parse(line); } catch { bad(file, i + 1, 'not valid JSON'); }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) bad(file, i + 1, 'expected a JSON object');
    yield [value as Record<string, unknown>, i + 1];
  }
}

function idOf(v: Record<string, unknown>, file: string, line: number): string {
  const id = v._id;
  if (typeof id !== 'string' && typeof id !== 'number') bad(file, line, 'missing "_id"');
  return String(id);
}

export function readQrels(file: string): Qrels {
  const qrels: Qrels = new Map();
  readLines(file).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || (i === 0 && /^query[-_]id/i.test(line))) return;
    const cols = line.split(/\s+/);
    // BEIR: qid docid score; TREC: qid 0 docid score.
    const [qid, docid, score] = cols.length === 4 ? [cols[0], cols[2], cols[3]] : cols;
    const rel = Number(score);
    if (!qid || !docid || cols.length < 3 || !Number.isInteger(rel)) bad(file, i + 1, 'expected "query-id corpus-id score" with an integer score');
    if (!qrels.has(qid)) qrels.set(qid, new Map());
    qrels.get(qid)!.set(docid, rel);
  });
  return qrels;
}

export function loadBeir(dir: string): BeirDataset {
  if (!existsSync(dir)) throw new EngineError('DATASET_INVALID', `dataset folder ${dir} does not exist`);
  const qrelsFile = [join(dir, 'qrels.tsv'), join(dir, 'qrels', 'test.tsv')].find((f) => existsSync(f)) ?? join(dir, 'qrels.tsv');
  const qrels = readQrels(qrelsFile);
  const corpusFile = join(dir, 'corpus.jsonl');
  const corpus: BeirDoc[] = [];
  const seen = new Set<string>();
  for (const [v, line] of jsonl(corpusFile)) {
    const id = idOf(v, corpusFile, line);
    if (seen.has(id)) bad(corpusFile, line, `duplicate document id "${id}"`);
    seen.add(id);
    corpus.push({ id, title: typeof v.title === 'string' ? v.title : '', text: typeof v.text === 'string' ? v.text : '' });
  }
  const queriesFile = join(dir, 'queries.jsonl');
  const queries: { id: string; text: string }[] = [];
  for (const [v, line] of jsonl(queriesFile)) {
    const id = idOf(v, queriesFile, line);
    if (typeof v.text !== 'string') bad(queriesFile, line, 'missing "text"');
    if (qrels.has(id)) queries.push({ id, text: v.text });
  }
  for (const qid of [...qrels.keys()]) if (!queries.some((q) => q.id === qid)) qrels.delete(qid);
  if (corpus.length === 0) throw new EngineError('DATASET_INVALID', `${corpusFile} holds no documents`);
  if (queries.length === 0) throw new EngineError('DATASET_INVALID', `no query in ${queriesFile} has judgments in ${qrelsFile}`);
  return { dir, corpus, queries, qrels };
}
