/**
 * Test support (used by the *.test.ts files here only): the 70 real expert queries in
 * ../shared/pubmed — 40 sysrev-seed-collection topics (each with `query`, as published, and
 * `edited_search`) and 30 CLEF TAR 2017 test topics (`boolean_query`, a multi-line strategy).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDir } from './shared.js';

export interface RealQuery {
  /** `sysrev 43 query`, `sysrev 43 edited_search`, `clef CD007431`. */
  name: string;
  text: string;
}

function jsonl(path: string): Record<string, unknown>[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Record<string, unknown>);
}

export function sysrevQueries(): RealQuery[] {
  const rows = jsonl(join(sharedDir(), 'pubmed', 'sysrev-seed-collection', 'overall_collection.jsonl'));
  return rows.flatMap((r) => (['query', 'edited_search'] as const).map((k) => ({ name: `sysrev ${String(r.id)} ${k}`, text: String(r[k]) })));
}

export function clefQueries(): RealQuery[] {
  const rows = jsonl(join(sharedDir(), 'pubmed', 'clef-tar-2017', 'test_topics.jsonl'));
  return rows.map((r) => ({ name: `clef ${String(r.topic)}`, text: String(r.boolean_query) }));
}
