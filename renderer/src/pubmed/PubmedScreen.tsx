/**
 * The PubMed screen: draft Boolean queries from a review question with the local LLM (after
 * DeepRetrieval), each checked against PubMed (hit count, recall of known PMIDs, clause counts,
 * MeSH headings); edit one with live syntax checking; search PubMed and import records.
 */
import { useMemo, useRef, useState } from 'react';
import { api, unwrap, type CheckedCandidate, type PubmedSearchResult } from '../api.js';
import { CandidateCard } from './CandidateCard.js';
import { DraftForm } from './DraftForm.js';
import { ErrorNotice, toShownError, type ShownError } from './ErrorNotice.js';
import { QueryEditor } from './QueryEditor.js';
import { SearchResults } from './SearchResults.js';
import { StrategyPanel } from './StrategyPanel.js';
import { parseSeeds } from './seeds.js';
import { useElapsed } from './useElapsed.js';
import './PubmedScreen.css';

export const SEARCH_RETMAX = 50;

export function PubmedScreen() {
  const [question, setQuestion] = useState('');
  const [seedsText, setSeedsText] = useState('');
  const [k, setK] = useState(4);
  const seeds = useMemo(() => parseSeeds(seedsText), [seedsText]);

  const [drafting, setDrafting] = useState(false);
  const [candidates, setCandidates] = useState<CheckedCandidate[] | null>(null);
  const [draftError, setDraftError] = useState<ShownError | null>(null);
  const elapsed = useElapsed(drafting);

  const [query, setQuery] = useState('');
  const [searching, setSearching] = useState(false);
  const [result, setResult] = useState<{ res: PubmedSearchResult; seeds: string[]; n: number } | null>(null);
  const [searchError, setSearchError] = useState<ShownError | null>(null);
  const editor = useRef<HTMLTextAreaElement>(null);

  const draft = async () => {
    setDrafting(true);
    setDraftError(null);
    try {
      const req = { question: question.trim(), k, ...(seeds.pmids.length > 0 ? { seeds: seeds.pmids } : {}) };
      setCandidates(await unwrap(api().pubmedDraft(req)));
    } catch (e) {
      setDraftError(toShownError(e));
    } finally {
      setDrafting(false);
    }
  };

  const use = (q: string) => {
    setQuery(q);
    editor.current?.focus();
    editor.current?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
  };

  const search = async () => {
    const q = query.trim();
    if (!q || seeds.invalid.length > 0) return;
    setSearching(true);
    setSearchError(null);
    try {
      const used = seeds.pmids;
      const res = await unwrap(api().pubmedSearch(q, { ...(used.length > 0 ? { seeds: used } : {}), retmax: SEARCH_RETMAX }));
      setResult((prev) => ({ res, seeds: used, n: (prev?.n ?? 0) + 1 }));
    } catch (e) {
      setSearchError(toShownError(e));
    } finally {
      setSearching(false);
    }
  };

  return (
    <div className="pubmed">
      <header className="pubmed-intro">
        <h2>PubMed</h2>
        <p className="muted">Draft a Boolean search from a review question with the local LLM, check every clause against PubMed, then refine, search and import.</p>
      </header>

      <section className="pubmed-panel" aria-label="Draft queries">
        <h3>1 · Draft queries</h3>
        <DraftForm
          question={question} onQuestion={setQuestion} seedsText={seedsText} onSeedsText={setSeedsText} seeds={seeds}
          k={k} onK={setK} busy={drafting} elapsed={elapsed} onDraft={() => void draft()}
        />
        {draftError && <ErrorNotice error={draftError} />}
        {candidates && candidates.length === 0 && <p className="muted">The model gave no usable candidate; try rephrasing the question or asking for more candidates.</p>}
        {candidates && candidates.length > 0 && (
          <div className="pubmed-cards" aria-label="Candidates">
            <p className="muted pubmed-small">{candidates.length} candidate{candidates.length === 1 ? '' : 's'}, best first{seeds.pmids.length > 0 ? ' (ranked by recall of your known PMIDs, then size)' : ''}.</p>
            {candidates.map((c) => <CandidateCard key={`${c.rank}:${c.normalized ?? c.query ?? ''}`} c={c} onUse={use} />)}
          </div>
        )}
      </section>

      <section className="pubmed-panel" aria-label="Translate a strategy">
        <h3>Translate a published strategy</h3>
        <StrategyPanel onUse={use} />
      </section>

      <section className="pubmed-panel" aria-label="Query editor">
        <h3>2 · Edit and search</h3>
        <QueryEditor ref={editor} value={query} onChange={setQuery} busy={searching} onSearch={() => void search()} />
        {seeds.invalid.length > 0 && <p className="error pubmed-small">Fix the known PMIDs above before searching.</p>}
        {searchError && <ErrorNotice error={searchError} />}
        {!result && !searchError && <p className="muted pubmed-small">Results show here: the first {SEARCH_RETMAX} records, with the ones already in your library marked.</p>}
        {result && <SearchResults key={result.n} result={result.res} seeds={result.seeds} />}
      </section>
    </div>
  );
}
