/** Saved settings for the Settings screen's tests. */
import type { Settings } from '../api.js';

export const SETTINGS: Settings = {
  ollama: { host: 'http://127.0.0.1:11434', expander: '', rewriter: '', judge: 'qwen3:8b', embedder: '' },
  embeddingModel: 'all-minilm-l6-v2', provider: 'auto',
  chunking: { size: 1200, overlap: 200 },
  ranking: { k1: 1.5, b: 0.75, rm3: false },
  pubmed: { apiKey: '', email: '', eutils: 'https://eutils.ncbi.nlm.nih.gov/entrez/eutils/' },
  theme: 'system',
  ocr: { enabled: null, languages: ['eng'], garbageText: false, data: 'auto' },
};
