/**
 * Model downloads as the Settings list and the first-run checklist show them: per model, whether a
 * download runs, its last `model:progress` event (bytes or a retry) and its error.
 */
import { useCallback, useEffect, useState } from 'react';
import { api, unwrap } from '../api.js';
import type { PullState } from './ModelRow.js';
import { pullErrorText } from './pullWords.js';

export function useModelPulls(onInstalled?: (id: string) => void | Promise<void>) {
  const [pulls, setPulls] = useState<Record<string, PullState>>({});
  useEffect(() => api().on('model:progress', (event) => {
    setPulls((p) => (p[event.id] ? { ...p, [event.id]: { started: true, event, error: event.error ? pullErrorText(event.error) : null } } : p));
  }), []);
  const download = useCallback(async (id: string): Promise<boolean> => {
    setPulls((p) => ({ ...p, [id]: { started: true, event: null, error: null } }));
    try {
      await unwrap(api().modelPull(id));
      setPulls((p) => { const { [id]: _done, ...rest } = p; return rest; });
      await onInstalled?.(id);
      return true;
    } catch (e) {
      setPulls((p) => ({ ...p, [id]: { started: true, event: p[id]?.event ?? null, error: pullErrorText(e as { code?: string; message: string }) } }));
      return false;
    }
  }, [onInstalled]);
  return { pulls, download };
}
