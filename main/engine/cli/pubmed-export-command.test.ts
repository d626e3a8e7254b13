import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startEutilsServer, type EutilsTestServer } from '../../../test/helpers/eutils-server.js';
import { tempDir } from '../../../test/helpers/shared.js';
import { viaCitationJs, viaRetorquere } from '../../../test/helpers/bib-readers.js';
import { pubmedExport } from './pubmed-export-command.js';

let server: EutilsTestServer;
before(async () => {
  server = await startEutilsServer({ records: [
    { pmid: '111', title: 'Asthma, wheeze & "reactive" airways', journal: 'Thorax', year: 2019, doi: '10.1000/a1', authors: [{ last: 'Müller', fore: 'Anna', initials: 'A' }] },
    { pmid: '222', title: 'Second', journal: 'Chest', year: 2020 },
  ] });
});
after(() => server.close());

test('RIS written to a file reads back with its titles, years and DOIs; a PMID PubMed lacks exits 1', async () => {
  const file = join(tempDir('delve-export-'), 'out.ris');
  const errs: string[] = [];
  assert.equal(await pubmedExport({ pmids: ['111', '222'], format: 'ris', out: file, eutils: server.url, apiKey: 'k' }, () => {}, (s) => errs.push(s)), 0);
  const back = viaCitationJs(readFileSync(file, 'utf8'), '@ris/file');
  assert.deepEqual(back.map((r) => [r.title, r.year, r.doi, r.journal]), [['Asthma, wheeze & "reactive" airways', '2019', '10.1000/a1', 'Thorax'], ['Second', '2020', null, 'Chest']]);
  const lines: string[] = [];
  assert.equal(await pubmedExport({ pmids: ['111', '999'], format: 'bib', eutils: server.url, apiKey: 'k' }, (s) => lines.push(s), (s) => errs.push(s)), 1);
  assert.deepEqual(viaRetorquere(lines.join('\n')).map((e) => [e.type, e.key, e.title, e.journal]), [['article', 'mullerAsthmaWheezeReactive2019', 'Asthma, wheeze & "reactive" airways', 'Thorax']]);
  assert.ok(errs.some((e) => e.includes('999')));
});
