/** One-line hints for the errors the PubMed screen meets, keyed by error code. */
const HINTS: Record<string, string> = {
  PUBMED_UNREACHABLE: 'Check the internet connection, or the E-utilities URL in Settings → PubMed.',
  PUBMED_RATE_LIMITED: 'NCBI is limiting requests: add an NCBI API key in Settings → PubMed (10 requests/s instead of 3).',
  PUBMED_TIMEOUT: 'PubMed took too long to answer; try again in a moment.',
  PUBMED_QUERY_INVALID: 'PubMed refused the query; check its syntax in the editor.',
  MODEL_MISSING: 'Pull the model in Settings → Ollama → Check connection, or choose another model there.',
  LLM_TIMEOUT: 'The local LLM took too long; try fewer candidates or a smaller model.',
  LLM_FAILED: 'The local LLM failed; see Settings → Ollama → Check connection.',
  BAD_ARGUMENT: 'Check the fields above.',
};

export const errorHint = (code: string): string | null => HINTS[code] ?? null;
