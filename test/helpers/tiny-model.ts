/**
 * Test support: the tiny random BERT in ../shared/models/bert-tiny-random as a download source
 * (served by hub-server.ts), with its tokenizer.json's bytes and sha256, and a fresh destination for
 * each download under a temporary folder.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedDir } from './shared.js';

export const TINY_MODEL = join(sharedDir(), 'models', 'bert-tiny-random');
export const TINY_TOKENIZER = readFileSync(join(TINY_MODEL, 'tokenizer.json'));
export const TINY_TOKENIZER_SHA = createHash('sha256').update(TINY_TOKENIZER).digest('hex');

/** tokenizer.json as a download spec from `base` (a hub URL), into a new folder under `root`. */
export function tinyTokenizerSpec(base: string, root: string, n: number) {
  return {
    url: `${base}/org/tiny/resolve/main/tokenizer.json`, dest: join(root, `f${n}`, 'tokenizer.json'),
    sha256: TINY_TOKENIZER_SHA, bytes: TINY_TOKENIZER.length, label: 'tokenizer.json',
  };
}

export const tempRoot = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));
