/**
 * The document viewer, an overlay over the current screen: the document's details (editable),
 * then its content: a PDF drawn by pdf.js (or its extracted text when that fails), a Markdown or
 * text note, or a PubMed record's abstract, opened at the target page with the quote highlighted
 * (on a scanned page, over its OCR word boxes; in a DOCX, web page or EPUB, from the passage's paragraph, its heading path shown).
 * Text selected in it can be saved as evidence (SaveSelection). Ctrl/Cmd+F finds in the document,
 * n/p step through the search query's matches, the page keys scroll. Escape or Close closes it.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { api, unwrap, type DocumentDetail, errorText } from '../api.js';
import type { ViewerTarget } from '../app/nav.js';
import { pageName } from '../format.js';
import { FindBar } from './FindBar.js';
import { queryTerms } from './findText.js';
import { MarkdownView } from './MarkdownView.js';
import { MetadataForm } from './MetadataForm.js';
import { isMarkdown } from './metadata.js';
import type { OcrData } from './ocrBoxes.js';
import { PdfView } from './PdfView.js';
import { SaveSelection } from './SaveSelection.js';
import { TextView } from './TextView.js';
import { useFind } from './useFind.js';
import { ViewerHeader } from './ViewerHeader.js';
import { viewerKey } from './viewerKeys.js';
import './DocumentViewer.css';

/** The element that scrolls the document (the PDF pages, or the text). */
const scrollerIn = (el: HTMLElement | null): HTMLElement | null => el?.querySelector<HTMLElement>('.viewer-pdf-pages, .viewer-scroll') ?? null;

interface Props {
  target: ViewerTarget;
  onClose(): void;
}

export function DocumentViewer({ target, onClose }: Props) {
  const [detail, setDetail] = useState<DocumentDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [pdfFailed, setPdfFailed] = useState<string | null>(null);
  const dialog = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  const [findOpen, setFindOpen] = useState(false);
  const [findFocus, setFindFocus] = useState(0);
  const [jump, setJump] = useState<{ page: number; seq: number } | null>(null);
  const [drawn, setDrawn] = useState(0);
  const pdfShown = detail?.kind === 'pdf' && pdfFailed === null;
  const pages = useMemo(() => (detail?.pages ?? []).map((p) => ({ page: p.page, text: p.text })), [detail]);
  const labels = useMemo(() => new Map((detail?.pages ?? []).map((p) => [p.page, p.label ?? null])), [detail]);
  const showPage = useCallback((page: number) => setJump((j) => ({ page, seq: (j?.seq ?? 0) + 1 })), []);
  const onDrawn = useCallback(() => setDrawn((n) => n + 1), []);
  const find = useFind({ kind: pdfShown ? 'pages' : 'dom', pages, root: content, showPage, drawn });
  const terms = useMemo(() => queryTerms(target.query ?? ''), [target.query]);
  const closeFind = () => {
    setFindOpen(false);
    find.clear();
    scrollerIn(content.current)?.focus();
  };

  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    trapTab(e);
    const scroller = scrollerIn(content.current);
    const action = viewerKey(e, e.target, e.target === e.currentTarget, scroller?.clientHeight ?? 0);
    if (action === null) return;
    e.preventDefault();
    if (action === 'find') { setFindOpen(true); setFindFocus((n) => n + 1); }
    else if (action === 'next' || action === 'previous') {
      if (terms.length === 0) return;
      if (find.kind !== 'query' || find.terms.join(' ') !== terms.join(' ')) { setFindOpen(false); find.search(terms, 'query'); }
      else find.move(action === 'next' ? 1 : -1);
    } else if (scroller) {
      const s = action.scroll;
      scroller.focus();
      if (s === 'start' || s === 'end') scroller.scrollTo({ top: s === 'start' ? 0 : scroller.scrollHeight });
      else scroller.scrollBy({ top: s });
    }
  };

  useEffect(() => {
    let live = true;
    unwrap(api().document(target.docId))
      .then((d) => { if (live) setDetail(d); })
      .catch((err: unknown) => { if (live) setError(errorText(err)); });
    return () => { live = false; };
  }, [target.docId]);

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    dialog.current?.focus();
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) { e.preventDefault(); closeRef.current(); }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      before?.focus?.();
    };
  }, []);

  return (
    <div className="viewer-backdrop" onMouseDown={(e) => { if (e.target === e.currentTarget) onClose(); }}>
      <div
        ref={dialog}
        className="viewer"
        role="dialog"
        aria-modal="true"
        aria-label="Document viewer"
        data-testid="document-viewer"
        tabIndex={-1}
        onKeyDown={onKey}
      >
        <div className="viewer-top">
          {detail ? (editing
            ? <MetadataForm detail={detail} onCancel={() => setEditing(false)} onSaved={(d) => { setDetail(d); setEditing(false); }} />
            : <ViewerHeader detail={detail} onEdit={() => setEditing(true)} />)
            : <p className="muted viewer-loading">{error ? '' : 'Loading the document…'}</p>}
          <button type="button" className="viewer-close" onClick={onClose}>Close</button>
        </div>
        {error && <p role="alert" className="error viewer-error">Could not open the document ({error})</p>}
        {detail && <SaveSelection docId={detail.id} content={content} />}
        {detail && (
          <FindBar find={find} open={findOpen} focusKey={findFocus} onClose={closeFind}
            pageName={find.page === null ? null : pageName(find.page, labels.get(find.page))} />
        )}
        {detail && (
          <div ref={content} className="viewer-content">
            <ViewerBody detail={detail} target={target} pdfFailed={pdfFailed} onPdfFail={setPdfFailed}
              pdf={{ jump, labels, onDrawn }} />
          </div>
        )}
      </div>
    </div>
  );
}

/** The OCR words of a PDF's scanned pages, by page number (undefined when none was OCR'd). */
function ocrPages(detail: DocumentDetail): Map<number, OcrData> | undefined {
  const m = new Map<number, OcrData>();
  for (const p of detail.pages) if (p.ocr) m.set(p.page, p.ocr);
  return m.size > 0 ? m : undefined;
}

/** Keeps Tab inside the dialog (it is modal). */
function trapTab(e: KeyboardEvent<HTMLDivElement>) {
  if (e.key !== 'Tab') return;
  const items = Array.from(e.currentTarget.querySelectorAll<HTMLElement>('button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])'))
    .filter((el) => !el.hasAttribute('disabled'));
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) return;
  if (e.shiftKey && (document.activeElement === first || document.activeElement === e.currentTarget)) { e.preventDefault(); last.focus(); }
  else if (!e.shiftKey && document.activeElement === last) { e.preventDefault(); first.focus(); }
}

interface PdfExtras {
  jump: { page: number; seq: number } | null;
  labels: ReadonlyMap<number, string | null>;
  onDrawn(): void;
}

function ViewerBody({ detail, target, pdfFailed, onPdfFail, pdf }: { detail: DocumentDetail; target: ViewerTarget; pdfFailed: string | null; onPdfFail(reason: string): void; pdf: PdfExtras }) {
  const quote = target.highlight;
  if (detail.kind === 'pdf') {
    if (pdfFailed === null) return <PdfView docId={detail.id} page={target.page} highlight={quote} ocr={ocrPages(detail)} onFail={onPdfFail} {...pdf} />;
    return (
      <div className="viewer-scroll" tabIndex={0} role="region" aria-label="Document text">
        <p role="status" className="viewer-fallback">The PDF could not be displayed ({pdfFailed}). Showing the text Delve extracted from it instead.</p>
        <TextView pages={detail.pages} headings page={target.page} highlight={quote} />
      </div>
    );
  }
  const text = detail.pages.map((p) => p.text).join('\n\n');
  const paragraph = typeof target.locator?.paragraph === 'number' ? target.locator.paragraph : undefined;
  return (
    <div className="viewer-scroll" tabIndex={0} role="region" aria-label="Document text">
      {target.headingPath && target.headingPath.length > 0 && (
        <p className="viewer-locator muted" data-testid="viewer-locator">In {target.headingPath.join(' › ')}{paragraph !== undefined ? `, paragraph ${paragraph}` : ''}</p>
      )}
      {detail.kind === 'note' && isMarkdown(detail.path)
        ? <MarkdownView text={text} highlight={quote} />
        : detail.kind === 'epub'
          ? <TextView pages={detail.pages} headings="chapter" page={target.page} highlight={quote} paragraph={paragraph} />
          : <TextView pages={detail.pages} headings={false} page={null} highlight={quote} paragraph={paragraph} />}
    </div>
  );
}
