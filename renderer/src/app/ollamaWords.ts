/**
 * One wording for "Ollama cannot be reached", used by Search (Deep), PubMed, Trials and Settings:
 * what is wrong, what needs it, and what happens instead. No command-line hints: the way out is the
 * "Set up Ollama" action (Settings → Ollama). Pure.
 */

/** "Ollama is not reachable at http://127.0.0.1:11434" (without a host when none is known). */
export const ollamaDown = (host: string | null): string =>
  host ? `Ollama is not reachable at ${host}` : 'Ollama is not reachable';

/** What each screen needs the local LLM for. */
export const OLLAMA_PURPOSE = {
  deep: 'Deep mode’s LLM stages (query expansion, keyword rewrite and the relevance judge) need it.',
  pubmed: 'Drafting PubMed queries from a question needs it.',
  trials: 'Drafting trial searches from a question needs it.',
} as const;
export type OllamaPurpose = keyof typeof OLLAMA_PURPOSE;

/** How to get it running, in the app's words (said in Settings → Ollama, under its host field). */
export const OLLAMA_SETUP = 'Install the Ollama app (ollama.com) and open it, or correct the host above; then check the connection again.';

/** The host named in an engine message ("nothing answers at http://h:1 (ECONNREFUSED)"), or null. */
export function hostInMessage(message: string): string | null {
  const m = /https?:\/\/[^\s),]+/.exec(message);
  return m ? m[0] : null;
}

/** What a deep search showed instead of the LLM ranking, from the stages that ran. */
export function fallbackLabel(stageNames: readonly string[]): string {
  return stageNames.includes('rm3')
    ? 'Fallback without the LLM: results re-ranked with pseudo-relevance feedback (RM3: the query expanded with words from its top keyword matches).'
    : 'Fallback without the LLM: the fast (keyword and meaning) results.';
}
