/** The viewer's header: title, authors, year, journal and DOI (a link through openExternal), each with where it came from. */
import { useState } from 'react';
import { api, unwrap, type DocumentDetail, errorText } from '../api.js';
import { fileName } from '../format.js';
import { fieldSourceLabel, pubmedId } from './metadata.js';

function Source({ of }: { of: string }) {
  return of ? <span className="viewer-source">{of}</span> : null;
}

export function ViewerHeader({ detail, onEdit }: { detail: DocumentDetail; onEdit(): void }) {
  const [linkError, setLinkError] = useState<string | null>(null);
  const s = (k: keyof DocumentDetail['sources']) => fieldSourceLabel(detail.sources[k]);
  const pmid = pubmedId(detail);

  async function open(url: string) {
    setLinkError(null);
    try {
      await unwrap(api().openExternal(url));
    } catch (err) {
      setLinkError(errorText(err));
    }
  }

  return (
    <div className="viewer-header">
      <h2 id="viewer-title" className="viewer-title">
        {detail.title ?? fileName(detail.path)} <Source of={detail.title ? s('title') : ''} />
      </h2>
      <p className="viewer-byline">
        {detail.authors.length > 0 ? <span>{detail.authors.join(', ')} <Source of={s('authors')} /></span> : <span className="muted">No authors</span>}
        {detail.year !== null && <span> · {detail.year} <Source of={s('year')} /></span>}
        {detail.journal && <span> · <em>{detail.journal}</em> <Source of={s('journal')} /></span>}
      </p>
      <p className="viewer-links">
        {detail.doi && (
          <span>
            <button type="button" className="viewer-link" aria-label={`Open DOI ${detail.doi}`} onClick={() => void open(`https://doi.org/${detail.doi}`)}>
              doi:{detail.doi}
            </button>{' '}
            <Source of={s('doi')} />
          </span>
        )}
        {pmid && <button type="button" onClick={() => void open(`https://pubmed.ncbi.nlm.nih.gov/${pmid}/`)}>View on PubMed</button>}
        <button type="button" onClick={onEdit}>Edit details</button>
        <span className="viewer-path muted" title={detail.path}>{detail.kind === 'pubmed' ? `PubMed ${pmid ?? ''}` : detail.path}</span>
      </p>
      {detail.status !== 'ok' && (
        <p className={detail.status === 'error' ? 'error' : 'viewer-partial'}>
          <code>{detail.code ?? detail.status}</code> {detail.message}
        </p>
      )}
      {linkError && <p role="alert" className="error">Could not open the link ({linkError})</p>}
    </div>
  );
}
