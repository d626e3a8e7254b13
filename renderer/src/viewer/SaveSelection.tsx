/**
 * "Save selection as evidence" under the viewer's content: appears when text is selected in it,
 * then opens the save form for that exact passage and its page.
 */
import { useEffect, useState, type RefObject } from 'react';
import { SaveEvidenceForm } from '../search/SaveEvidenceForm.js';
import { viewerSelection, type ViewerSelection } from './selection.js';

export interface SaveSelectionProps {
  docId: number;
  /** The content the selection must be in. */
  content: RefObject<HTMLElement | null>;
}

export function SaveSelection({ docId, content }: SaveSelectionProps) {
  const [selection, setSelection] = useState<ViewerSelection | null>(null);
  const [saving, setSaving] = useState<ViewerSelection | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  useEffect(() => {
    const read = () => {
      const el = content.current;
      if (el) setSelection(viewerSelection(el, document.getSelection()));
    };
    document.addEventListener('mouseup', read);
    document.addEventListener('keyup', read);
    return () => {
      document.removeEventListener('mouseup', read);
      document.removeEventListener('keyup', read);
    };
  }, [content]);

  if (saving) {
    return (
      <div className="viewer-save-selection">
        <p className="viewer-selection-quote"><q>{saving.quote}</q>{saving.page !== null && <span className="muted"> (PDF page {saving.page})</span>}</p>
        <SaveEvidenceForm target={{ docId, page: saving.page, quote: saving.quote }} query="" mode=""
          onSaved={(c) => { setSaving(null); setSaved(c); }} onCancel={() => setSaving(null)} />
      </div>
    );
  }
  return (
    <div className="viewer-save-selection">
      {selection && (
        <button type="button" onClick={() => { setSaving(selection); setSaved(null); }}>
          Save selection as evidence
        </button>
      )}
      {saved !== null && <span role="status" className="viewer-saved">Saved to “{saved}”</span>}
    </div>
  );
}
