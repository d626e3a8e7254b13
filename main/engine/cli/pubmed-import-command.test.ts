/**
 * `pubmedImport` against the local E-utilities server, then `pubmedOffline` over the same database:
 * the --json shapes, updates in place, missing PMIDs, usage errors, queries that do not parse.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startEutilsServer, type EutilsTestServer } from '../../../test/helpers/eutils-server.js';
import { PLAIN, STRUCTURED } from '../../../test/helpers/eutils-server/fixtures.js';
import { tempDir } from '../../../test/helpers/shared.js';
import { NOTES } from '../pubmed/offline/run.js';
import { UsageError } from './args.js';
import { pubmedImport, pubmedOffline } from './pubmed-import-command.js';

let server: EutilsTestServer;
const dbPath = join(tempDir('pubmed-cli-'), 'lib.db');
before(async () => { server = await startEutilsServer({ records: [STRUCTURED, PLAIN] }); });
after(() => server.close());

function capture() {
  const lines: string[] = [];
  return { lines, out: (s: string) => void lines.push(s) };
}

test('pubmed import --json: fetched with efetch, imported, then updated in place; missing PMIDs exit 1', async () => {
  const o = capture();
  const e = capture();
  assert.equal(await pubmedImport(dbPath, { pmids: [STRUCTURED.pmid, PLAIN.pmid], eutils: server.url, json: true }, o.out, e.out), 0);
  const j = JSON.parse(o.lines[0]!) as { imported: number; updated: number; documents: { pmid: string; docId: number; title: string }[]; missing: string[] };
  assert.deepEqual([j.imported, j.updated, j.missing], [2, 0, []]);
  assert.deepEqual(j.documents.map((d) => d.pmid), [STRUCTURED.pmid, PLAIN.pmid]);
  assert.equal(j.documents[1]!.title, PLAIN.title);
  assert.ok(server.requests.some((r) => r.endpoint === 'efetch.fcgi' && r.params.id === `${STRUCTURED.pmid},${PLAIN.pmid}`));

  const o2 = capture();
  const e2 = capture();
  assert.equal(await pubmedImport(dbPath, { pmids: [`${PLAIN.pmid},99999999`], eutils: server.url, json: true }, o2.out, e2.out), 1);
  const j2 = JSON.parse(o2.lines[0]!) as typeof j;
  assert.deepEqual([j2.imported, j2.updated, j2.missing], [0, 1, ['99999999']]);
  assert.equal(j2.documents[0]!.docId, j.documents[1]!.docId, 'same document');
  assert.deepEqual(e2.lines, ['not found in PubMed: 99999999']);

  const o3 = capture();
  assert.equal(await pubmedImport(dbPath, { pmids: [PLAIN.pmid], eutils: server.url, json: false }, o3.out, o3.out), 0);
  assert.match(o3.lines[0]!, /^PubMed: 0 imported, 1 updated/);
  assert.match(o3.lines[1]!, new RegExp(`^  ${PLAIN.pmid}  #\\d+  Vitamin D`));
  await assert.rejects(pubmedImport(dbPath, { pmids: ['PMC123'], eutils: server.url, json: true }, o.out, e.out), UsageError);
  await assert.rejects(pubmedImport(dbPath, { pmids: [], eutils: server.url, json: true }, o.out, e.out), UsageError);
});

test('pubmed offline --json: documents with PMIDs, and what was not searched as PubMed would', async () => {
  const o = capture();
  const q = '"Stomach Neoplasms"[mh] AND (eradication[tiab] OR "COVID-19"[nm])';
  assert.equal(await pubmedOffline(dbPath, q, true, o.out), 0);
  const j = JSON.parse(o.lines[0]!) as { count: number; documents: { docId: number; path: string; title: string; pmid?: string }[]; unsupported: { offset: number; what: string; why: string }[] };
  assert.equal(j.count, 1);
  assert.deepEqual(Object.keys(j.documents[0]!), ['docId', 'path', 'title', 'pmid']);
  assert.deepEqual([j.documents[0]!.path, j.documents[0]!.pmid], [`pubmed:${STRUCTURED.pmid}`, STRUCTURED.pmid]);
  assert.deepEqual(j.unsupported, [
    { offset: 0, what: '"Stomach Neoplasms"[mh]', why: NOTES.mh },
    { offset: q.indexOf('"COVID'), what: '"COVID-19"[nm]', why: '[nm] is not stored offline: the term matches nothing' },
  ]);

  const h = capture();
  assert.equal(await pubmedOffline(dbPath, 'asthma[tiab]', false, h.out), 0);
  assert.equal(h.lines[0], '1 document in the library matches');
  assert.match(h.lines[1]!, new RegExp(`PMID ${PLAIN.pmid}  ${PLAIN.title}$`));

  const bad = capture();
  assert.equal(await pubmedOffline(dbPath, 'asthma[tiab] AND (', true, bad.out), 1);
  assert.ok((JSON.parse(bad.lines[0]!) as { errors: unknown[] }).errors.length > 0);
  await assert.rejects(pubmedOffline(join(tempDir('none-'), 'missing.db'), 'asthma', true, bad.out), /DB_OPEN_FAILED|no library/);
  await assert.rejects(pubmedOffline(dbPath, '#1 AND asthma', true, bad.out), /#1 refers to a search/);
});
