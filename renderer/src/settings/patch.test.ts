/** Settings patches: merge, diff, local checks and BAD_ARGUMENT parsing. */
import { describe, expect, it } from 'vitest';
import { diffSettings, fieldErrors, localErrors, mergeSettings, patchPaths, withoutPaths } from './patch.js';
import { SETTINGS } from './testFixtures.js';


describe('settings patches', () => {
  it('merges nested fields without touching the original', () => {
    const m = mergeSettings(SETTINGS, { ollama: { judge: '' }, embeddingModel: null, theme: 'dark' });
    expect(m.ollama).toEqual({ ...SETTINGS.ollama, judge: '' });
    expect(m.embeddingModel).toBeNull();
    expect(m.theme).toBe('dark');
    expect(SETTINGS.ollama.judge).toBe('qwen3:8b');
  });

  it('diffs only what changed', () => {
    expect(diffSettings(SETTINGS, SETTINGS)).toEqual({});
    const d = mergeSettings(SETTINGS, { pubmed: { apiKey: 'abc' }, chunking: { size: 800 }, provider: 'cpu' });
    expect(diffSettings(SETTINGS, d)).toEqual({ pubmed: { apiKey: 'abc' }, chunking: { size: 800 }, provider: 'cpu' });
  });

  it('checks the chunk numbers', () => {
    expect(localErrors(SETTINGS)).toEqual({});
    expect(Object.keys(localErrors(mergeSettings(SETTINGS, { chunking: { size: Number.NaN } })))).toEqual(['chunking.size']);
    expect(Object.keys(localErrors(mergeSettings(SETTINGS, { ranking: { k1: 11, b: 1.5 } })))).toEqual(['ranking.k1', 'ranking.b']);
    expect(diffSettings(SETTINGS, mergeSettings(SETTINGS, { ranking: { rm3: true } }))).toEqual({ ranking: { rm3: true } });
    expect(localErrors(mergeSettings(SETTINGS, { chunking: { overlap: 1200 } }))).toEqual({ 'chunking.overlap': 'Must be smaller than the chunk size.' });
  });

  it('reads field errors from a BAD_ARGUMENT message', () => {
    expect(fieldErrors('argument 0.pubmed.email: Invalid email address; argument 0.ollama.host: Invalid URL; something else'))
      .toEqual({ 'pubmed.email': 'Invalid email address', 'ollama.host': 'Invalid URL', '': 'something else' });
  });

  it('names the fields a patch touches, to clear their errors', () => {
    expect(patchPaths({ pubmed: { email: 'a' }, theme: 'dark', embeddingModel: null })).toEqual(['pubmed.email', 'theme', 'embeddingModel']);
    expect(withoutPaths({ 'pubmed.email': 'bad', 'ollama.host': 'bad' }, ['pubmed.email'])).toEqual({ 'ollama.host': 'bad' });
  });
});
