/**
 * `delve pubmed check "<query>"` (parse and validate PubMed Boolean syntax, offline),
 * `delve pubmed search "<query>" [--seeds …]` (count, ids, translation and seed recall through NCBI
 * E-utilities), `delve pubmed draft "<question>"` (LLM candidates ranked by seed recall), and, on the
 * library database, `delve pubmed import <PMID…>` and `delve pubmed offline "<query>"`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEutils } from '../app/pubmed.js';
import { ncbiSettings, UsageError, type Parsed } from './args.js';
import { pubmedCheck } from './pubmed-check-command.js';
import { pubmedDraft } from './pubmed-draft-command.js';
import { pubmedExport } from './pubmed-export-command.js';
import { pubmedImport } from './pubmed-import-command.js';
import { pubmedOffline } from './pubmed-offline-command.js';
import { pubmedSearch } from './pubmed-search-command.js';
import { pubmedTranslate, pubmedTranslateCounted, syntaxOption } from './pubmed-translate-command.js';

type Out = (s: string) => void;

export async function pubmedCommand(a: Parsed, dataDir: string, out: Out, err: Out): Promise<number> {
  const [sub, query, ...rest] = a.positionals;
  const dbPath = a.db ?? process.env.DELVE_DB ?? join(dataDir, 'delve.db');
  if (sub === 'export') {
    if (!query) throw new UsageError('pubmed export needs one or more PMIDs');
    return pubmedExport({ pmids: [query, ...rest], format: a.format, out: a.out, eutils: a.eutils, apiKey: a.apiKey, email: a.email }, out, err);
  }
  if (sub === 'import') {
    if (!query) throw new UsageError('pubmed import needs one or more PMIDs');
    return pubmedImport(dbPath, { pmids: [query, ...rest], eutils: a.eutils, apiKey: a.apiKey, email: a.email, json: a.json }, out, err);
  }
  if (sub === 'translate' || (sub === 'check' && (a.file !== undefined || query === '-'))) {
    const text = strategyText(query, rest, a.file);
    if (sub === 'check') return pubmedCheck(text, a.json, out);
    const to = syntaxOption(a.to, '--to', 'pubmed') as 'pubmed' | 'ovid';
    const from = syntaxOption(a.from, '--from');
    if (a.counts) return pubmedTranslateCounted(text, to, from, a.json, createEutils(ncbiSettings(a)), out);
    return pubmedTranslate(text, to, from, a.json, out);
  }
  if (!query || rest.length > 0) throw new UsageError(`pubmed ${sub ?? ''} needs exactly one query (quote it)`.replace('  ', ' '));
  switch (sub) {
    case 'check': return pubmedCheck(query, a.json, out);
    case 'draft': return pubmedDraft({ question: query, seeds: a.seeds, eutils: a.eutils, ollama: a.ollama, llmModel: a.llmModel, k: a.candidates, apiKey: a.apiKey, email: a.email, json: a.json }, out, err);
    case 'offline': return pubmedOffline(dbPath, query, a.json, out);
    case 'search': return pubmedSearch({ query, seeds: a.seeds, eutils: a.eutils, apiKey: a.apiKey, email: a.email, json: a.json, ...(a.db ? { library: a.db } : {}) }, out);
    default: throw new UsageError('pubmed needs "check", "translate", "search", "draft", "import", "export" or "offline"');
  }
}

/** The strategy from the argument, `--file F`, or standard input (`-`). */
function strategyText(query: string | undefined, rest: string[], file: string | undefined): string {
  if (file !== undefined) {
    if (query !== undefined) throw new UsageError('give the strategy either as an argument or with --file, not both');
    return readFileSync(file, 'utf8');
  }
  if (query === '-') return readFileSync(0, 'utf8');
  if (!query || rest.length > 0) throw new UsageError('pubmed translate needs exactly one strategy (quote it), --file F, or - for standard input');
  return query;
}
