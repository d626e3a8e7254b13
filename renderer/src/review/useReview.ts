/**
 * The Review screen's data: the collections (reloaded whenever the screen is shown, since evidence
 * is saved from the Search screen), the selected one, and its evidence table in the chosen order.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError, unwrap, type CollectionInfo, type DeletedCollection, type EvidenceRow, type EvidenceSort } from '../api.js';

const asError = (err: unknown) => (err instanceof ApiError ? err : new ApiError({ code: 'INTERNAL', message: String(err) }));

export function useReview(visible: boolean) {
  const [collections, setCollections] = useState<CollectionInfo[] | null>(null);
  const [deleted, setDeleted] = useState<DeletedCollection[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [sort, setSort] = useState<EvidenceSort>('document');
  const [order, setOrder] = useState<'asc' | 'desc'>('asc');
  const [rows, setRows] = useState<EvidenceRow[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [tick, setTick] = useState(0);
  const ask = useRef(0);

  /** Reloads the collections and the selected one's table; `pick` selects a collection by name. */
  const reload = useCallback((pick?: string) => {
    unwrap(api().deletedCollections()).then(setDeleted, () => setDeleted([]));
    unwrap(api().collections()).then((list) => {
      setCollections(list);
      setSelected((s) => {
        const want = pick ?? s;
        return want !== null && list.some((c) => c.name === want) ? want : list[0]?.name ?? null;
      });
      setTick((t) => t + 1);
    }, (err: unknown) => { setCollections((c) => c ?? []); setError(asError(err)); });
  }, []);

  useEffect(() => { if (visible) reload(); }, [visible, reload]);

  useEffect(() => {
    if (selected === null) { setRows(null); return; }
    const mine = ++ask.current;
    unwrap(api().evidence(selected, sort, order)).then((r) => { if (ask.current === mine) { setRows(r); setError(null); } },
      (err: unknown) => { if (ask.current === mine) { setRows([]); setError(asError(err)); } });
  }, [selected, sort, order, tick]);

  const sortBy = (s: EvidenceSort) => {
    if (s === sort) setOrder((o) => (o === 'asc' ? 'desc' : 'asc'));
    else { setSort(s); setOrder(s === 'added' ? 'desc' : 'asc'); }
  };
  const select = (name: string) => { if (name !== selected) { setRows(null); setSelected(name); } };
  const created = (c: CollectionInfo) => {
    setCollections((list) => [...(list ?? []).filter((x) => x.id !== c.id), c].sort((a, b) => a.name.localeCompare(b.name)));
    select(c.name);
  };

  return { collections, deleted, selected, select, created, rows, sort, order, sortBy, error, reload };
}
