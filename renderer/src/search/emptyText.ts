/** What an empty result list says, by state: empty library ≠ no match ≠ no match with Deep on. Pure. */

export interface EmptyState {
  /** The library holds no documents. */
  emptyLibrary: boolean;
  /** The search shown is a Deep one. */
  deep: boolean;
  /** The local LLM (Ollama) answers. */
  llm: boolean;
}

export function noMatchText(q: string, s: EmptyState): string {
  if (s.emptyLibrary) return `Nothing to search yet: your library is empty. Add a folder of PDFs or notes first (see “Get started”).`;
  if (s.deep && s.llm) return `No passages match “${q}”, even with the LLM’s rephrasings. Try other words, or check the library’s folders.`;
  if (s.deep) return `No passages match “${q}”. Try other words.`;
  return s.llm
    ? `No passages match “${q}”. Try other words, or Deep mode to let the local LLM rephrase it.`
    : `No passages match “${q}”. Try other words.`;
}
