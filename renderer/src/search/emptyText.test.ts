import { describe, expect, it } from 'vitest';
import { fallbackLabel, hostInMessage, ollamaDown } from '../app/ollamaWords.js';
import { noMatchText } from './emptyText.js';

describe('empty results say what fits the state', () => {
  it('an empty library is not a failed match, and Deep is not suggested while on or without Ollama', () => {
    expect(noMatchText('x', { emptyLibrary: true, deep: false, llm: true })).toMatch(/^Nothing to search yet: your library is empty/);
    expect(noMatchText('x', { emptyLibrary: false, deep: false, llm: true })).toContain('or Deep mode');
    expect(noMatchText('x', { emptyLibrary: false, deep: false, llm: false })).not.toContain('Deep');
    expect(noMatchText('x', { emptyLibrary: false, deep: true, llm: true })).toContain('even with the LLM’s rephrasings');
    expect(noMatchText('x', { emptyLibrary: false, deep: true, llm: false })).not.toContain('Deep');
  });
});

describe('Ollama words', () => {
  it('one lead, the host from an engine message, and the fallback by the stages that ran', () => {
    expect(ollamaDown('http://h:1')).toBe('Ollama is not reachable at http://h:1');
    expect(hostInMessage('nothing answers at http://127.0.0.1:9 (ECONNREFUSED)')).toBe('http://127.0.0.1:9');
    expect(hostInMessage('no host here')).toBeNull();
    expect(fallbackLabel(['initial', 'rm3'])).toMatch(/pseudo-relevance feedback \(RM3/);
    expect(fallbackLabel(['initial'])).toMatch(/the fast \(keyword and meaning\) results/);
  });
});
