/**
 * What the user changes on the Review screen: evidence edited, removed or moved; collections
 * renamed, duplicated or deleted. Removing and deleting leave an undo (the engine keeps what was
 * removed: restoreEvidence / restoreCollection); one undo is offered at a time, for the last one.
 */
import { useState } from 'react';
import { api, ApiError, unwrap, type CollectionInfo, type EvidenceEdit, type EvidenceRow } from '../api.js';
import { fileName } from '../format.js';

export interface Undo {
  message: string;
  run(): Promise<void>;
}

const asError = (err: unknown) => (err instanceof ApiError ? err : new ApiError({ code: 'INTERNAL', message: String(err) }));

export interface ReviewHooks {
  /** Reloads the collections (and so the table); `select` picks one by name first. */
  reload(select?: string): void;
}

export function useReviewActions({ reload }: ReviewHooks) {
  const [undo, setUndo] = useState<Undo | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  /** Runs a change; a failure is shown and re-thrown (forms stay open on it). */
  const attempt = async <T>(job: () => Promise<T>): Promise<T> => {
    setError(null);
    try {
      return await job();
    } catch (err) {
      setError(asError(err));
      throw err;
    }
  };
  const quietly = (p: Promise<unknown>) => { p.catch(() => undefined); };

  return {
    undo, error,
    dismissUndo: () => setUndo(null),
    runUndo: () => quietly(attempt(async () => { const u = undo; setUndo(null); if (u) await u.run(); })),
    edit: (id: number, e: EvidenceEdit) => attempt(async () => { const row = await unwrap(api().updateEvidence(id, e)); reload(); return row; }),
    remove: (row: EvidenceRow) => quietly(attempt(async () => {
      await unwrap(api().removeEvidence(row.id));
      setUndo({
        message: `Removed a piece of evidence from “${row.title ?? fileName(row.path)}”.`,
        run: async () => { await unwrap(api().restoreEvidence(row.id)); reload(); },
      });
      reload();
    })),
    move: (id: number, index: number) => quietly(attempt(async () => { await unwrap(api().moveEvidence(id, index)); reload(); })),
    rename: (name: string, to: string) => attempt(async () => { const c = await unwrap(api().renameCollection(name, to)); reload(c.name); return c; }),
    duplicate: (name: string, to: string) => attempt(async () => { const c = await unwrap(api().duplicateCollection(name, to)); reload(c.name); return c; }),
    /** Restores a deleted collection from the "Deleted" list (the undo bar's Undo does the same for the last one). */
    restoreCollection: (id: number) => quietly(attempt(async () => {
      const back = await unwrap(api().restoreCollection(id));
      setUndo(null);
      reload(back.name);
    })),
    deleteCollection: (c: CollectionInfo) => quietly(attempt(async () => {
      const d = await unwrap(api().deleteCollection(c.name));
      setUndo({
        message: `Deleted the collection “${d.name}” (${d.evidence} evidence).`,
        run: async () => { const back = await unwrap(api().restoreCollection(d.id)); reload(back.name); },
      });
      reload();
    })),
  };
}

export type ReviewActions = ReturnType<typeof useReviewActions>;
