import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startEutilsServer, type EutilsTestServer } from '../../../test/helpers/eutils-server.js';
import { tempDir } from '../../../test/helpers/shared.js';
import { parseRis } from '../review/parse-ris.js';
import { pubmedExport } from './pubmed-export-command.js';

let server: EutilsTestServer;
before(async () => {
  server = await startEutilsServer({ records: [
    { pmid: '111', title: 'Asthma, wheeze & "reactive" airways', journal: 'Thorax', year: 2019, doi: '10.1/a', authors: [{ last: 'Müller', fore: 'Anna', initials: 'A' }] },
    { pmid: '222', title: 'Second', journal: 'Chest', year: 2020 },
  ] });
});
after(() => server.close());

test('RIS written to a file reads back with its titles, years and DOIs; a PMID PubMed lacks exits 1', async () => {
  const file = join(tempDir('delve-export-'), 'out.ris');
  const errs: string[] = [];
  assert.equal(await pubmedExport({ pmids: ['111', '222'], format: 'ris', out: file, eutils: server.url, apiKey: 'k' }, () => {}, (s) => errs.push(s)), 0);
  const back = parseRis(readFileSync(file, 'utf8'));
  assert.deepEqual(back.map((r) => [r.tags.TI?.[0], r.tags.PY?.[0], r.tags.DO?.[0] ?? null]), [['Asthma, wheeze & "reactive" airways', '2019', '10.1/a'], ['Second', '2020', null]]);
  const lines: string[] = [];
  assert.equal(await pubmedExport({ pmids: ['111', '999'], format: 'bib', eutils: server.url, apiKey: 'k' }, (s) => lines.push(s), (s) => errs.push(s)), 1);
  assert.match(lines.join('\n'), /@article\{/);
  assert.ok(errs.some((e) => e.includes('999')));
});
