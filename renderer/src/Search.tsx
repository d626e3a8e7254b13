import { useState, type FormEvent } from 'react';
import { delve, type IpcError, type SearchResponse } from './api.js';
import { fileName, sourceLabel } from './format.js';
import { Snippet } from './Snippet.js';

/** A search box and the result list: title, page, snippet. */
export function Search({ onError }: { onError(error: IpcError): void }) {
  const [query, setQuery] = useState('');
  const [response, setResponse] = useState<SearchResponse | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const q = query.trim();
    if (!delve || q === '') return;
    const r = await delve.search(q, { k: 20 });
    if (r.ok) setResponse(r.data);
    else onError(r.error);
  }

  return (
    <section className="search">
      <form onSubmit={(e) => void submit(e)}>
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Search your documents" aria-label="Search" />
        <button type="submit" disabled={!delve}>Search</button>
      </form>
      {response && response.results.length === 0 && <p className="muted">No results for “{response.query}”.</p>}
      <ol className="results">
        {response?.results.map((r) => (
          <li key={r.chunkId}>
            <div className="result-head">
              <span className="title" title={r.path}>{r.title ?? fileName(r.path)}</span>
              {sourceLabel(r) !== '' && <span className="page">{sourceLabel(r)}</span>}
            </div>
            <Snippet result={r} />
          </li>
        ))}
      </ol>
    </section>
  );
}
