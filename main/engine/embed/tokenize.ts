/**
 * Tokenization with Hugging Face's tokenizers library from the model's own tokenizer.json and
 * tokenizer_config.json, so ids match the model exactly. Long texts are truncated to the model's limit
 * keeping the special tokens the post-processor adds ([CLS] … [SEP], or an end-of-text token).
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Tokenizer as HfTokenizer } from '@huggingface/tokenizers';

/** The library's .d.ts files use extensionless imports that NodeNext cannot follow; the part we use: */
interface Tokenizer {
  encode(text: string, options?: { add_special_tokens?: boolean }): { ids: number[] };
  token_to_id(token: string): number | undefined;
}
import { EngineError } from '../errors.js';

export interface TextTokenizer {
  /** Token ids with special tokens, at most `maxTokens` long. */
  encode(text: string): number[];
  padId: number;
  maxTokens: number;
}

function readJson(path: string): object {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as object;
  } catch (err) {
    throw new EngineError('MODEL_INVALID', `cannot read ${path}: ${(err as Error).message}`);
  }
}

/** The special ids the post-processor puts before and after a text, found by encoding a probe. */
function specials(tok: Tokenizer): { prefix: number[]; suffix: number[] } {
  const bare = tok.encode('hello', { add_special_tokens: false }).ids;
  const full = tok.encode('hello', { add_special_tokens: true }).ids;
  for (let i = 0; i + bare.length <= full.length; i++) {
    if (bare.every((id, j) => full[i + j] === id)) return { prefix: full.slice(0, i), suffix: full.slice(i + bare.length) };
  }
  return { prefix: [], suffix: [] };
}

/**
 * `bare`: no special tokens and no unknown-token ids (static models: model2vec tokenizes this way,
 * `add_special_tokens=False`, then drops the unk id before the mean).
 */
export function loadTokenizer(dir: string, maxTokens: number, o: { bare?: boolean } = {}): TextTokenizer {
  const json = readJson(join(dir, 'tokenizer.json'));
  const configPath = join(dir, 'tokenizer_config.json');
  const config = existsSync(configPath) ? readJson(configPath) as Record<string, unknown> : {};
  const tok = new HfTokenizer(json, config) as Tokenizer;
  const modelMax = Number(config.model_max_length);
  const limit = Number.isFinite(modelMax) && modelMax > 0 && modelMax < maxTokens ? modelMax : maxTokens;
  const { prefix, suffix } = o.bare ? { prefix: [], suffix: [] } : specials(tok);
  const unkToken = (json as { model?: { unk_token?: unknown } }).model?.unk_token;
  const unk = o.bare && typeof unkToken === 'string' ? tok.token_to_id(unkToken) : undefined;
  const room = limit - prefix.length - suffix.length;
  if (room < 1) throw new EngineError('MODEL_INVALID', `max tokens ${limit} leaves no room for text`);
  const padToken = typeof config.pad_token === 'string' ? config.pad_token : typeof config.eos_token === 'string' ? config.eos_token : null;
  const padId = (padToken !== null ? tok.token_to_id(padToken) : undefined) ?? 0;
  return {
    padId,
    maxTokens: limit,
    encode(text) {
      let ids = tok.encode(text, { add_special_tokens: false }).ids;
      if (unk !== undefined) ids = ids.filter((id) => id !== unk);
      return [...prefix, ...(ids.length > room ? ids.slice(0, room) : ids), ...suffix];
    },
  };
}
