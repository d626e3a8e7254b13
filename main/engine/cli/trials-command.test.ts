/**
 * The `delve trials` commands as a user runs them (the real CLI in a child process) against the
 * local API v2 server on the real fixtures and the E-utilities server: check's JSON like pubmed
 * check's; search reads every page up to --limit and reports their ids and seed recall; a PubMed
 * record imported first, then trials imported: `delve search` finds the trials and the trial whose
 * reference PMID is in the library shows the link, both ways (`trials links <PMID>`).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { delve } from '../../../test/helpers/cli.js';
import { startCtgovServer, type CtgovTestServer } from '../../../test/helpers/ctgov-server.js';
import { startEutilsServer, type EutilsTestServer } from '../../../test/helpers/eutils-server.js';
import { tempDir } from '../../../test/helpers/shared.js';

/** PALLAS's first reference (PMID 34995105), as its ClinicalTrials.gov citation gives it. */
const PALLAS_PAPER = {
  pmid: '34995105', year: 2022, journal: 'Journal of clinical oncology', doi: '10.1200/JCO.21.01918',
  title: 'Treatment Exposure and Discontinuation in the PALbociclib CoLlaborative Adjuvant Study of Palbociclib With Adjuvant Endocrine Therapy for Hormone Receptor-Positive/Human Epidermal Growth Factor Receptor 2-Negative Early Breast Cancer (PALLAS/AFT-05/ABCSG-42/BIG-14-03).',
  authors: [{ last: 'Mayer', fore: 'Erica L', initials: 'EL' }],
};

let ctgov: CtgovTestServer;
let ncbi: EutilsTestServer;
before(async () => { ctgov = await startCtgovServer(); ncbi = await startEutilsServer({ records: [PALLAS_PAPER] }); });
after(async () => { await ctgov.close(); await ncbi.close(); });

const env = { ...process.env, DELVE_CTGOV_PACE_MS: '0' };
const run = (args: string[]) => delve(args, { env });

test('trials check --json answers like pubmed check', async () => {
  const ok = await run(['trials', 'check', 'heart attack AND SEARCH[Location](AREA[LocationCity] Portland)', '--json']);
  assert.equal(ok.code, 0);
  const j = JSON.parse(ok.stdout) as { ok: boolean; normalized: string };
  assert.deepEqual([j.ok, j.normalized], [true, 'heart attack AND SEARCH[Location](AREA[LocationCity]Portland)']);
  const bad = await run(['trials', 'check', 'AREA[Condition]x AND', '--json']);
  assert.equal(bad.code, 1);
  assert.deepEqual(JSON.parse(bad.stdout), { ok: false, errors: [{ message: 'AND has no search term after it', offset: 17 }] });
});

test('trials search --json: count, the ids of every page read up to --limit, recall of the seeds', async () => {
  ctgov.reset();
  const ids = Array.from({ length: 2500 }, (_, i) => `NCT${String(40_000_000 + i).padStart(8, '0')}`);
  ctgov.setSearch(() => ids);
  const r = await run(['trials', 'search', '"chest pain" OR angina', '--seeds', `${ids[5]},${ids[1500]},${ids[2200]}`, '--limit', '2000', '--ctgov', ctgov.url, '--json']);
  assert.equal(r.code, 0, r.stderr);
  const j = JSON.parse(r.stdout) as { count: number; ids: string[]; recall: number; seedsFound: string[]; seedsMissed: string[]; pages: number };
  assert.deepEqual([j.count, j.ids.length, j.pages], [2500, 2000, 2]);
  assert.deepEqual(j.ids, ids.slice(0, 2000));
  assert.deepEqual(j.seedsFound, [ids[5], ids[1500]], 'one seed found on the second page');
  assert.deepEqual(j.seedsMissed, [ids[2200]]);
  assert.equal(j.recall, 2 / 3);
  assert.deepEqual(ctgov.requests.map((q) => [q.params['query.term'], q.params.pageSize, q.params.pageToken !== undefined]),
    [['"chest pain" OR angina', '1000', false], ['"chest pain" OR angina', '1000', true]]);
  const bad = await run(['trials', 'search', '(angina', '--ctgov', ctgov.url, '--json']);
  assert.equal(bad.code, 1);
  assert.equal(ctgov.requests.length, 2, 'an invalid expression is not sent');
  const usage = await run(['trials', 'search', 'angina', '--seeds', '12345', '--ctgov', ctgov.url]);
  assert.equal(usage.code, 2);
});

test('imported trials are found by delve search; the trial whose reference PMID is in the library shows the link, both ways', async () => {
  ctgov.reset();
  const db = join(tempDir('trials-cli-'), 'lib.db');
  const pm = await run(['pubmed', 'import', '34995105', '--eutils', ncbi.url, '--db', db, '--json']);
  assert.equal(pm.code, 0, pm.stderr);
  const paperDoc = (JSON.parse(pm.stdout) as { documents: { docId: number }[] }).documents[0]!.docId;

  const imp = await run(['trials', 'import', 'NCT02513394', 'nct06008288', 'NCT99999999', '--ctgov', ctgov.url, '--db', db, '--json']);
  assert.equal(imp.code, 1, 'one id was not found');
  assert.match(imp.stderr, /not found on ClinicalTrials.gov: NCT99999999/);
  const j = JSON.parse(imp.stdout) as { imported: number; missing: string[]; documents: Array<{ nctId: string; docId: number; publications: Array<{ pmid: string; inLibrary: Array<{ docId: number; kind: string; via: string }> }> }> };
  assert.deepEqual([j.imported, j.missing], [2, ['NCT99999999']]);
  assert.deepEqual(ctgov.requests.map((q) => q.params['filter.ids']), ['NCT02513394,NCT06008288,NCT99999999'], 'one request for all');
  const pallas = j.documents.find((d) => d.nctId === 'NCT02513394')!;
  const linked = pallas.publications.filter((p) => p.inLibrary.length);
  assert.deepEqual(linked, [{ ...linked[0], pmid: '34995105', inLibrary: [{ docId: paperDoc, kind: 'pubmed', title: PALLAS_PAPER.title, via: 'pmid' }] }]);
  assert.ok(j.documents.find((d) => d.nctId === 'NCT06008288')!.publications.every((p) => p.inLibrary.length === 0));

  const s = await run(['search', 'palbociclib adjuvant endocrine therapy breast cancer', '--db', db, '--json']);
  assert.equal(s.code, 0, s.stderr);
  const hits = (JSON.parse(s.stdout) as { results: Array<{ path: string; kind: string }> }).results;
  assert.equal(hits[0]!.path, 'trial:NCT02513394');
  const k = JSON.parse((await run(['search', 'KRAS G12C pancreatic cancer', '--db', db, '--json'])).stdout) as { results: Array<{ path: string }> };
  assert.ok(k.results.some((x) => x.path === 'trial:NCT06008288'));

  // In a collection and an export like any record.
  const chunk = (JSON.parse(s.stdout) as { results: Array<{ chunkId: number }> }).results[0]!.chunkId;
  assert.equal((await run(['collection', 'create', 'trials', '--db', db])).code, 0);
  assert.equal((await run(['collection', 'add', 'trials', '--chunk', String(chunk), '--db', db])).code, 0);
  const ris = await run(['collection', 'export', 'trials', '--format', 'ris', '--db', db]);
  assert.equal(ris.code, 0, ris.stderr);
  assert.match(ris.stdout, /TI {2}- PALbociclib CoLlaborative Adjuvant Study/);
  assert.match(ris.stdout, /UR {2}- https:\/\/clinicaltrials\.gov\/study\/NCT02513394/);

  const back = await run(['trials', 'links', '34995105', '--db', db, '--json']);
  assert.equal(back.code, 0, back.stderr);
  assert.deepEqual((JSON.parse(back.stdout) as { citing: unknown }).citing, [{ pmid: '34995105', docId: paperDoc, trials: [{ docId: pallas.docId, nctId: 'NCT02513394', title: 'PALbociclib CoLlaborative Adjuvant Study', via: 'pmid' }] }]);
  const text = await run(['trials', 'links', 'NCT02513394', '--db', db]);
  assert.match(text.stdout, /results published: in your library — PMID 34995105 → #\d+ pubmed/);
});
