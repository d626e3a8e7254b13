/**
 * Each line's PubMed count (`strategyCounts`: references expanded, one esearch per line through the
 * app's E-utilities client and its NCBI pacing), asked 800 ms after the last edit while counting is
 * on; stale answers dropped. A line PubMed could not count carries its error (e.g. PUBMED_UNREACHABLE).
 */
import { useEffect, useRef, useState } from 'react';
import { api, unwrap, type StrategyLineCount } from '../api.js';

export const COUNT_DEBOUNCE_MS = 800;

export type Counted = { text: string; counts: StrategyLineCount[] } | { text: string; failure: string };

/** The counts for `text` once they are in; null while off, empty or still counting. */
export function useStrategyCounts(text: string, on: boolean): Counted | null {
  const [state, setState] = useState<Counted | null>(null);
  const seq = useRef(0);
  useEffect(() => {
    const n = ++seq.current;
    if (!on || !text.trim()) return;
    const t = setTimeout(() => {
      unwrap(api().strategyCounts(text))
        .then((counts) => { if (seq.current === n) setState({ text, counts }); })
        .catch((e: Error & { code?: string }) => { if (seq.current === n) setState({ text, failure: `${e.code ?? 'ERROR'}: ${e.message}` }); });
    }, COUNT_DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [text, on]);
  return on && state && state.text === text ? state : null;
}
