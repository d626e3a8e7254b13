/** `delve pubmed search --db`: the first records with title, journal and year, marked when the library holds them (by PMID or DOI). */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startEutilsServer, type EutilsTestServer } from '../../../test/helpers/eutils-server.js';
import { pubmedRecord } from '../../../test/helpers/pubmed-record.js';
import { tempDir } from '../../../test/helpers/shared.js';
import { DEFAULT_CHUNK_OPTIONS } from '../chunk/chunker.js';
import { importRecords } from '../pubmed/library/import.js';
import { openDb } from '../store/db.js';
import { pubmedSearch } from './pubmed-search-command.js';

let server: EutilsTestServer;
const library = join(tempDir('delve-pubmed-lib-'), 'lib.db');
before(async () => {
  server = await startEutilsServer({
    records: [
      { pmid: '111', title: 'Asthma in children', journal: 'Thorax', year: 2019 },
      { pmid: '222', title: 'Asthma in adults', journal: 'Chest', year: 2020, doi: '10.1000/ABC' },
      { pmid: '333', title: 'Asthma and obesity', journal: 'Lancet', year: 2021 },
    ],
    search: () => ['111', '222', '333'],
  });
  const { db } = await openDb(library);
  importRecords(db, [pubmedRecord({ pmid: '111', title: 'Asthma in children' })], DEFAULT_CHUNK_OPTIONS);
  db.prepare("INSERT INTO documents (path, kind, size, mtime_ms, content_hash, title, authors, doi, metadata, status, page_count, indexed_at) VALUES ('/p/a.pdf', 'pdf', 1, 0, 'h', 'Asthma in adults', '[]', 'https://doi.org/10.1000/abc', '{}', 'ok', 1, 0)").run();
  db.close();
});
after(() => server.close());

test('records already in the library are marked: 111 by its PMID, 222 through its DOI; 333 is new', async () => {
  const lines: string[] = [];
  await pubmedSearch({ query: 'asthma', eutils: server.url, json: true, library, apiKey: 'k' }, (s) => lines.push(s));
  const r = JSON.parse(lines[0]!) as { records: { pmid: string; title: string; journal: string; year: number; inLibrary: number | null }[] };
  assert.deepEqual(r.records.map((x) => [x.pmid, x.journal, x.year, x.inLibrary !== null]), [['111', 'Thorax', 2019, true], ['222', 'Chest', 2020, true], ['333', 'Lancet', 2021, false]]);
  const human: string[] = [];
  await pubmedSearch({ query: 'asthma', eutils: server.url, json: false, library, apiKey: 'k' }, (s) => human.push(s));
  assert.ok(human.some((l) => l.includes('333') && !l.includes('[in library]')));
  assert.ok(human.some((l) => l.includes('111') && l.includes('[in library]')));
});
