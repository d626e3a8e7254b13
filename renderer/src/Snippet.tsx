import { Fragment } from 'react';
import type { SearchResponse } from './api.js';
import { piecesFromGuillemets, piecesFromOffsets } from './highlight.js';

type Result = SearchResponse['results'][number];

/** The snippet as text with <mark> around matched terms. */
export function Snippet({ result }: { result: Result }) {
  const pieces = Array.isArray(result.marks) && typeof result.snippetText === 'string'
    ? piecesFromOffsets(result.snippetText, result.marks)
    : piecesFromGuillemets(result.snippet);
  return (
    <p className="snippet">
      {pieces.map((p, i) => (p.marked ? <mark key={i}>{p.text}</mark> : <Fragment key={i}>{p.text}</Fragment>))}
    </p>
  );
}
