/**
 * `delve pubmed check "<query>"` (parse and validate PubMed Boolean syntax, offline),
 * `delve pubmed search "<query>" [--seeds …]` (count, ids, translation and seed recall through NCBI
 * E-utilities) and `delve pubmed draft "<question>"` (LLM candidates ranked by seed recall). No database needed.
 */
import { UsageError, type Parsed } from './args.js';
import { pubmedCheck } from './pubmed-check-command.js';
import { pubmedDraft } from './pubmed-draft-command.js';
import { pubmedSearch } from './pubmed-search-command.js';

type Out = (s: string) => void;

export async function pubmedCommand(a: Parsed, out: Out, err: Out): Promise<number> {
  const [sub, query, ...rest] = a.positionals;
  if (!query || rest.length > 0) throw new UsageError(`pubmed ${sub ?? ''} needs exactly one query (quote it)`.replace('  ', ' '));
  switch (sub) {
    case 'check': return pubmedCheck(query, a.json, out);
    case 'draft': return pubmedDraft({ question: query, seeds: a.seeds, eutils: a.eutils, ollama: a.ollama, llmModel: a.llmModel, k: a.candidates, apiKey: a.apiKey, email: a.email, json: a.json }, out, err);
    case 'search': return pubmedSearch({ query, seeds: a.seeds, eutils: a.eutils, apiKey: a.apiKey, email: a.email, json: a.json }, out);
    default: throw new UsageError('pubmed needs "check", "search" or "draft"');
  }
}
