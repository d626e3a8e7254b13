/**
 * The Trials screen, beside PubMed: draft ClinicalTrials.gov searches (Essie) from a question, PICO
 * lines or a patient description with the local LLM, ranked by recall of known NCT ids; edit one
 * with live syntax checking; search, import, and see which trials' results are already in the library.
 */
import { useEffect, useMemo, useState } from 'react';
import { api, unwrap, type TrialCandidate, type TrialsCheckResult, type TrialsSearchResult } from '../api.js';
import { ErrorNotice, toShownError, type ShownError } from '../pubmed/ErrorNotice.js';
import { useElapsed } from '../pubmed/useElapsed.js';
import { parseNctIds } from './nct.js';
import { TrialCard } from './TrialCard.js';
import { TrialResults } from './TrialResults.js';
import '../pubmed/PubmedScreen.css';
import './TrialsScreen.css';

export function TrialsScreen() {
  const [question, setQuestion] = useState('');
  const [patient, setPatient] = useState(false);
  const [perArea, setPerArea] = useState(false);
  const [seedsText, setSeedsText] = useState('');
  const seeds = useMemo(() => parseNctIds(seedsText), [seedsText]);
  const [drafting, setDrafting] = useState(false);
  const [candidates, setCandidates] = useState<TrialCandidate[] | null>(null);
  const [draftError, setDraftError] = useState<ShownError | null>(null);
  const elapsed = useElapsed(drafting);
  const [query, setQuery] = useState('');
  const [check, setCheck] = useState<TrialsCheckResult | null>(null);
  const [searching, setSearching] = useState(false);
  const [result, setResult] = useState<{ res: TrialsSearchResult; n: number } | null>(null);
  const [searchError, setSearchError] = useState<ShownError | null>(null);

  useEffect(() => {
    if (!query.trim()) { setCheck(null); return; }
    let live = true;
    void unwrap(api().trialsCheck(query)).then((r) => { if (live) setCheck(r); }).catch(() => undefined);
    return () => { live = false; };
  }, [query]);

  const draft = async () => {
    setDrafting(true);
    setDraftError(null);
    try {
      setCandidates(await unwrap(api().trialsDraft({ question: question.trim(), ...(patient ? { patient } : {}), ...(perArea ? { perArea } : {}), ...(seeds.ids.length ? { seeds: seeds.ids } : {}) })));
    } catch (e) {
      setDraftError(toShownError(e));
    } finally {
      setDrafting(false);
    }
  };

  const search = async () => {
    if (!query.trim() || check?.valid === false || seeds.invalid.length) return;
    setSearching(true);
    setSearchError(null);
    try {
      const res = await unwrap(api().trialsSearch(query.trim(), seeds.ids.length ? { seeds: seeds.ids } : {}));
      setResult((p) => ({ res, n: (p?.n ?? 0) + 1 }));
    } catch (e) {
      setSearchError(toShownError(e));
    } finally {
      setSearching(false);
    }
  };

  return (
    <div className="pubmed">
      <header className="pubmed-intro">
        <h2>Clinical trials</h2>
        <p className="muted">Draft ClinicalTrials.gov searches with the local LLM, judged by how many known trials they find in the first 1,000 results; then search, import, and see which trials already have their results in your library.</p>
      </header>
      <section className="pubmed-panel" aria-label="Draft trial searches">
        <h3>1 · Draft searches</h3>
        <label className="trials-field">Question, PICO or patient<textarea aria-label="Trial question" value={question} onChange={(e) => setQuestion(e.target.value)} rows={3} /></label>
        <label className="trials-check"><input type="checkbox" checked={patient} onChange={(e) => setPatient(e.target.checked)} /> This is a patient description (find trials the patient could join)</label>
        <label className="trials-check"><input type="checkbox" checked={perArea} onChange={(e) => setPerArea(e.target.checked)} /> One query per search area (condition, intervention, other terms)</label>
        <label className="trials-field">Known relevant trials (NCT ids)<textarea aria-label="Known relevant NCT ids" value={seedsText} onChange={(e) => setSeedsText(e.target.value)} rows={2} /></label>
        {seeds.invalid.length > 0 && <p className="error pubmed-small">Not NCT ids: {seeds.invalid.join(', ')}</p>}
        <button type="button" className="primary" onClick={() => void draft()} disabled={drafting || !question.trim() || seeds.invalid.length > 0}>Draft trial searches</button>
        {drafting && <p role="status" className="muted">Drafting with the local LLM… {elapsed} s</p>}
        {draftError && <ErrorNotice error={draftError} purpose="trials" />}
        {candidates && (
          <div className="pubmed-cards" aria-label="Trial searches">
            {candidates.map((c) => <TrialCard key={`${c.rank}:${JSON.stringify(c.normalized ?? c.areas)}`} c={c} seeds={seeds.ids.length} onUse={setQuery} />)}
          </div>
        )}
      </section>
      <section className="pubmed-panel" aria-label="Trial query editor">
        <h3>2 · Edit and search</h3>
        <label className="trials-field">Essie expression<textarea aria-label="Essie query" value={query} onChange={(e) => setQuery(e.target.value)} rows={3} spellCheck={false} /></label>
        {check && !check.valid && <ul className="error" aria-label="Query errors">{check.errors.map((e, i) => <li key={i}>At character {e.offset + 1}: {e.message}</li>)}</ul>}
        {check?.valid && check.normalized !== query.trim() && <p className="muted pubmed-small">Reads as: <code>{check.normalized}</code></p>}
        <button type="button" className="primary" onClick={() => void search()} disabled={searching || !query.trim() || check?.valid === false}>{searching ? 'Searching…' : 'Search ClinicalTrials.gov'}</button>
        {searchError && <ErrorNotice error={searchError} purpose="trials" />}
        {result && <TrialResults key={result.n} result={result.res} />}
      </section>
    </div>
  );
}
