/**
 * A pasted strategy translated by the engine (`strategyTranslate`) 300 ms after the last change,
 * stale answers dropped: the live validation of the strategy panel. `now` is the answer for the
 * current text (null while it is pending); `last` the latest translation, kept on screen meanwhile
 * so that a line being edited in place stays where it is.
 */
import { useEffect, useRef, useState } from 'react';
import { api, unwrap, type StrategyTranslation } from '../api.js';

export const TRANSLATE_DEBOUNCE_MS = 300;

export type Translated = { key: string; text: string; result: StrategyTranslation } | { key: string; text: string; failure: string };

export function useStrategyTranslation(text: string, to: 'pubmed' | 'ovid'): { now: Translated | null; last: { text: string; result: StrategyTranslation } | null } {
  const [state, setState] = useState<Translated | null>(null);
  const [last, setLast] = useState<{ text: string; result: StrategyTranslation } | null>(null);
  const seq = useRef(0);
  const key = `${to}\u0000${text}`;
  useEffect(() => {
    const n = ++seq.current;
    if (!text.trim()) { setState(null); setLast(null); return; }
    const t = setTimeout(() => {
      unwrap(api().strategyTranslate(text, to))
        .then((result) => { if (seq.current === n) { setState({ key, text, result }); setLast({ text, result }); } })
        .catch((e: Error & { code?: string }) => { if (seq.current === n) setState({ key, text, failure: `${e.code ?? 'ERROR'}: ${e.message}` }); });
    }, TRANSLATE_DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [key, text, to]);
  return { now: state && state.key === key ? state : null, last: text.trim() ? last : null };
}
