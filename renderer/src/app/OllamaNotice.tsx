/**
 * "Ollama is not reachable at …": why a screen's LLM step cannot run, what is shown instead, and a
 * "Set up Ollama" action that opens Settings → Ollama. The same words on every screen (ollamaWords.ts).
 */
import { useNav } from './nav.js';
import { OLLAMA_PURPOSE, ollamaDown, type OllamaPurpose } from './ollamaWords.js';
import './OllamaNotice.css';

export interface OllamaNoticeProps {
  host: string | null;
  purpose: OllamaPurpose;
  /** What the screen shows instead (the fallback), when it shows something. */
  fallback?: string;
  /** alert for an error the user just met; status for a standing state. */
  role?: 'alert' | 'status';
}

export function OllamaNotice({ host, purpose, fallback, role = 'status' }: OllamaNoticeProps) {
  const { openSettings } = useNav();
  return (
    <div className="ollama-notice" role={role} aria-label="Ollama not reachable">
      <p><strong>{ollamaDown(host)}.</strong> {OLLAMA_PURPOSE[purpose]}</p>
      {fallback && <p className="ollama-notice-fallback">{fallback}</p>}
      <button type="button" onClick={() => openSettings?.('ollama')}>Set up Ollama</button>
    </div>
  );
}
