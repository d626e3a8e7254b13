/** The PDF toolbar: previous/next, page number ("Page N of M", and "p. 84 (PDF page 1)" where the printed label differs), zoom out/in with the zoom level. */
import { useEffect, useState } from 'react';
import { pageName } from '../format.js';

interface Props {
  current: number;
  count: number;
  scale: number;
  onPage(n: number): void;
  onZoom(dir: 1 | -1): void;
  hitNote: string | null;
  /** The current page's printed label, when it has one. */
  label?: string | null;
}

export function PdfToolbar({ current, count, scale, onPage, onZoom, hitNote, label = null }: Props) {
  const printed = label && label !== String(current) ? pageName(current, label) : null;
  const [text, setText] = useState(String(current));
  useEffect(() => setText(String(current)), [current]);
  const submit = () => {
    const n = Number.parseInt(text, 10);
    if (Number.isFinite(n)) onPage(n);
    else setText(String(current));
  };
  return (
    <div className="viewer-toolbar" role="toolbar" aria-label="PDF controls">
      <button type="button" aria-label="Previous page" onClick={() => onPage(current - 1)} disabled={current <= 1}>‹</button>
      <label className="viewer-pagebox">
        <span>Page</span>
        <input
          type="number"
          aria-label="Page number"
          min={1}
          max={Math.max(1, count)}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onBlur={submit}
          onKeyDown={(e) => { if (e.key === 'Enter') submit(); }}
        />
        <span className="viewer-pagecount">of {count || '…'}</span>
      </label>
      {printed && <span className="viewer-pagelabel" data-testid="viewer-page-label">{printed}</span>}
      <span className="viewer-sr" role="status">Page {current} of {count}{printed ? ` (${printed})` : ''}</span>
      <button type="button" aria-label="Next page" onClick={() => onPage(current + 1)} disabled={current >= count}>›</button>
      <span className="viewer-toolbar-sep" />
      <button type="button" aria-label="Zoom out" onClick={() => onZoom(-1)} disabled={scale <= 0.5}>−</button>
      <span className="viewer-zoom" aria-label="Zoom level">{Math.round(scale * 100)}%</span>
      <button type="button" aria-label="Zoom in" onClick={() => onZoom(1)} disabled={scale >= 3}>+</button>
      {hitNote && <span className="viewer-hitnote muted">{hitNote}</span>}
    </div>
  );
}
