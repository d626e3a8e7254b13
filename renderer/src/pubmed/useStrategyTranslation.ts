/**
 * A pasted strategy translated by the engine (`strategyTranslate`) 300 ms after the last change,
 * stale answers dropped: the live validation of the strategy panel.
 */
import { useEffect, useRef, useState } from 'react';
import { api, unwrap, type StrategyTranslation } from '../api.js';

export const TRANSLATE_DEBOUNCE_MS = 300;

export type Translated = { key: string; result: StrategyTranslation } | { key: string; failure: string };

export function useStrategyTranslation(text: string, to: 'pubmed' | 'ovid'): Translated | null {
  const [state, setState] = useState<Translated | null>(null);
  const seq = useRef(0);
  const key = `${to}\u0000${text}`;
  useEffect(() => {
    const n = ++seq.current;
    if (!text.trim()) { setState(null); return; }
    const t = setTimeout(() => {
      unwrap(api().strategyTranslate(text, to))
        .then((result) => { if (seq.current === n) setState({ key, result }); })
        .catch((e: Error & { code?: string }) => { if (seq.current === n) setState({ key, failure: `${e.code ?? 'ERROR'}: ${e.message}` }); });
    }, TRANSLATE_DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [key, text, to]);
  return state && state.key === key ? state : null;
}
