/** The last removal or deletion, with its Undo. */
import type { Undo } from './useReviewActions.js';

export function UndoBar({ undo, onUndo, onDismiss }: { undo: Undo | null; onUndo(): void; onDismiss(): void }) {
  if (!undo) return null;
  return (
    <div className="review-undo" role="status">
      <span>{undo.message}</span>
      <button type="button" className="primary" onClick={onUndo}>Undo</button>
      <button type="button" aria-label="Dismiss" onClick={onDismiss}>×</button>
    </div>
  );
}
