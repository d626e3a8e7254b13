/**
 * An error from a PubMed or LLM call: its code and message, and a one-line hint when one is known;
 * Ollama unreachable in the app's one wording with "Set up Ollama" (app/OllamaNotice).
 */
import { OllamaNotice } from '../app/OllamaNotice.js';
import { hostInMessage, type OllamaPurpose } from '../app/ollamaWords.js';
import { errorHint } from './hints.js';

export interface ShownError {
  code: string;
  message: string;
}

export function toShownError(e: unknown): ShownError {
  const err = e as { code?: unknown; message?: unknown };
  return { code: typeof err?.code === 'string' ? err.code : 'INTERNAL', message: typeof err?.message === 'string' ? err.message : String(e) };
}

export function ErrorNotice({ error, purpose = 'pubmed' }: { error: ShownError; purpose?: OllamaPurpose }) {
  if (error.code === 'OLLAMA_UNREACHABLE') return <OllamaNotice host={hostInMessage(error.message)} purpose={purpose} role="alert" />;
  const hint = errorHint(error.code);
  return (
    <div className="pubmed-error" role="alert">
      <div><strong>{error.code}</strong> — {error.message}</div>
      {hint && <div className="pubmed-error-hint">{hint}</div>}
    </div>
  );
}
