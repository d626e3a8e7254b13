/** A result's excerpt as text, with <mark> around the matched terms (never parsed as HTML). */
import { Fragment } from 'react';
import { piecesFromGuillemets, piecesFromOffsets } from '../highlight.js';
import type { Result } from './scores.js';

export function Snippet({ result, className }: { result: Pick<Result, 'snippet' | 'snippetText' | 'marks'>; className?: string }) {
  const pieces = Array.isArray(result.marks) && typeof result.snippetText === 'string'
    ? piecesFromOffsets(result.snippetText, result.marks)
    : piecesFromGuillemets(result.snippet);
  return (
    <p className={className}>
      {pieces.map((p, i) => (p.marked ? <mark key={i}>{p.text}</mark> : <Fragment key={i}>{p.text}</Fragment>))}
    </p>
  );
}
