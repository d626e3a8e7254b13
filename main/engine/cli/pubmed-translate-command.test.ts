/** `delve pubmed translate`: the --json shape, human output, exit codes, --counts, and the check fallback. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startEutilsServer } from '../../../test/helpers/eutils-server.js';
import { createEutils } from '../app/pubmed.js';
import { RateLimiter } from '../pubmed/eutils/rate-limit.js';
import { pubmedCheck } from './pubmed-check-command.js';
import { pubmedTranslate, pubmedTranslateCounted } from './pubmed-translate-command.js';

const OVID = '1. exp Heart Failure/ (12345)\n2. (heart adj3 failure).ti,ab.\n3. or/1-2\n4. limit 3 to english language';

test('--json is {ok, database, lines:[{n, source, translated, notes, errors}], query}', () => {
  const lines: string[] = [];
  const code = pubmedTranslate(OVID, 'pubmed', undefined, true, (s) => lines.push(s));
  assert.equal(code, 0);
  const j = JSON.parse(lines[0] as string) as { ok: boolean; database: string; lines: Array<Record<string, unknown>>; query: string };
  assert.deepEqual(Object.keys(j), ['ok', 'database', 'lines', 'query']);
  assert.equal(j.database, 'ovid-medline');
  assert.deepEqual(Object.keys(j.lines[0] as object), ['n', 'source', 'translated', 'notes', 'errors']);
  assert.deepEqual(j.lines.map((l) => l.translated), ['"Heart Failure"[mh]', '"heart failure"[tiab:~2]', '#1 OR #2', '#3 AND english[la]']);
  assert.equal(j.query, '("Heart Failure"[mh] OR "heart failure"[tiab:~2]) AND english[la]');
  assert.deepEqual((j.lines[0]?.notes as unknown[])[1], { element: 'hit count 12345', exactness: 'dropped', becomes: '', reason: 'hit count 12345 removed' });
});

test('--to ovid, and errors with their line, offset, message and fix; exit 1', () => {
  const out: string[] = [];
  assert.equal(pubmedTranslate('#1 pain[tiab]\n#2 #1 AND english[la]', 'ovid', undefined, false, (s) => out.push(s)), 0);
  assert.equal(out[out.length - 1], '1. pain.ti,ab.\n2. limit 1 to english language');
  const bad: string[] = [];
  assert.equal(pubmedTranslate('1 pain.ti.\n2 1 and 3', 'pubmed', undefined, true, (s) => bad.push(s)), 1);
  const j = JSON.parse(bad[0] as string) as { ok: boolean; lines: Array<{ errors: unknown[] }> };
  assert.equal(j.ok, false);
  assert.deepEqual(j.lines[1]?.errors[0], { line: 2, offset: 19, message: 'refers to line 3, which does not exist', fix: 'correct the line number', severity: 'error' });
});

test('pubmed check accepts a multi-line Ovid strategy the PubMed checker alone refuses', async () => {
  const out: string[] = [];
  const code = await pubmedCheck('1 exp Asthma/ 1234\n2 wheez$.tw. 99\n3 1 or 2 1500', false, (s) => out.push(s));
  assert.equal(code, 0);
  assert.equal(out[0], '"Asthma"[mh] OR wheez*[tiab]');
  const cinahl: string[] = [];
  assert.equal(await pubmedCheck('S1 (MH "Asthma+")\nS2 TI wheez*\nS3 S1 OR S2', true, (s) => cinahl.push(s)), 1);
  assert.equal((JSON.parse(cinahl[0] as string) as { database: string }).database, 'cinahl');
  const one: string[] = [];
  assert.equal(await pubmedCheck("'heart failure'/exp OR (cardiac NEAR/3 failure):ti,ab", false, (s) => one.push(s)), 1);
  assert.equal(one[0], 'not translated (embase.com)');
  const ovidLine: string[] = [];
  assert.equal(await pubmedCheck('exp Heart Failure/ or cardiac failure.ti,ab.', false, (s) => ovidLine.push(s)), 0);
  assert.equal(ovidLine[0], '"Heart Failure"[mh] OR "cardiac failure"[tiab]');
});

test('--counts: each line gets its PubMed count (references expanded) from the E-utilities test server; unreachable → countError', async () => {
  const hits: Record<string, string[]> = { '"Asthma"[mh]': ['1', '2'], 'wheez*[tiab]': ['3'], '"Asthma"[mh] OR wheez*[tiab]': ['1', '2', '3'] };
  const server = await startEutilsServer({ search: (term) => hits[term] ?? [] });
  const strategy = '1 exp Asthma/\n2 wheez$.tw.\n3 1 or 2';
  try {
    const out: string[] = [];
    const eutils = createEutils({ baseUrl: server.url, limiter: new RateLimiter(1000, 1000), cache: null });
    assert.equal(await pubmedTranslateCounted(strategy, 'pubmed', undefined, true, eutils, (s) => out.push(s)), 0);
    const j = JSON.parse(out[0] as string) as { lines: Array<Record<string, unknown>> };
    assert.deepEqual(j.lines.map((l) => [l.translated, l.count]), [['"Asthma"[mh]', 2], ['wheez*[tiab]', 1], ['#1 OR #2', 3]]);
    assert.deepEqual(Object.keys(j.lines[0] as object), ['n', 'source', 'translated', 'notes', 'errors', 'count']);
  } finally {
    await server.close();
  }
  const down: string[] = [];
  const eutils = createEutils({ baseUrl: server.url, limiter: new RateLimiter(1000, 1000), cache: null });
  assert.equal(await pubmedTranslateCounted(strategy, 'pubmed', undefined, false, eutils, (s) => down.push(s)), 0, 'counts do not change the exit code');
  assert.equal(down.filter((s) => s === '   no count: PubMed unreachable').length, 3);
  const dj: string[] = [];
  await pubmedTranslateCounted(strategy, 'pubmed', undefined, true, eutils, (s) => dj.push(s));
  const line = (JSON.parse(dj[0] as string) as { lines: Array<{ count: unknown; countError: { code: string } }> }).lines[2];
  assert.deepEqual([line?.count, line?.countError.code], [null, 'PUBMED_UNREACHABLE']);
});
