/**
 * A .bib and a .ris written here, with PDFs from ../shared/pdfs attached in JabRef, Zotero and
 * Mendeley `file` formats and as RIS L1 links: every entry a searchable record, duplicates merged
 * (by DOI, PMID, then title + year; within a file and across the two), attached PDFs indexed with
 * their record's metadata, and a second import of either file changes nothing.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { CLI, sharedDir, tempDir } from '../../../test/helpers/shared.js';
import { createEngine } from '../index.js';
import type { ReferenceImportSummary } from './import.js';

const pdfs = join(sharedDir(), 'pdfs');
const SPECTER = join(pdfs, 'acl_2020.acl-main.207_SPECTER.pdf');
const S2ORC = join(pdfs, 'acl_2020.acl-main.447_S2ORC.pdf');
const HEART = join(pdfs, 'hindawi-rrp-2010-157939_heart-failure.pdf');

const counts = (s: ReferenceImportSummary) => ({
  entries: s.entries, records: s.records, merged: s.merged, added: s.added, updated: s.updated, unchanged: s.unchanged, removed: s.removed,
  attached: s.files.attached, indexed: s.files.indexed, parsed: s.files.parsed, labelled: s.files.labelled,
});

function library(dir: string): { bib: string; ris: string } {
  mkdirSync(join(dir, 'papers'));
  copyFileSync(SPECTER, join(dir, 'papers', 'specter paper.pdf'));
  writeFileSync(join(dir, 'papers', 'slides.pptx'), 'not indexed: slides are not a supported type');
  const bib = join(dir, 'refs.bib');
  writeFileSync(bib, String.raw`
@article{cohan2020specter,
  author = {Cohan, Arman and Feldman, Sergey and Beltagy, Iz and Downey, Doug and Weld, Daniel S.},
  title = {{SPECTER}: Document-level Representation Learning using Citation-informed Transformers},
  journal = {Proceedings of ACL}, year = {2020}, pages = {2270--2282},
  doi = {10.18653/v1/2020.acl-main.207},
  file = {:papers/specter paper.pdf:PDF;:C\:\\Users\\me\\Zotero\\missing.pdf:PDF}
}
@article{mueller2010heart,
  author = {M{\"u}ller, Anna and {World Health Organization}},
  title = {Heart failure in the elderly: a review},
  journal = {Rehabilitation Research and Practice}, year = 2010, volume = {2010}, number = {1},
  pmid = {21234567},
  abstract = {Cardiac rehabilitation improves exercise tolerance and quality of life in older patients with chronic heart failure.},
  keywords = {heart failure, rehabilitation},
  file = {Full Text PDF:${HEART.replace(/:/g, '\\:')}:application/pdf}
}
@inproceedings{cohan2020dup,
  author = {Cohan, Arman},
  title = {SPECTER (preprint)},
  doi = {https://doi.org/10.18653/V1/2020.ACL-MAIN.207},
  keywords = {citation embeddings}
}
@misc{lo2020s2orc,
  author = {Lo, Kyle and Wang, Lucy Lu},
  title = {S2ORC: The Semantic Scholar Open Research Corpus},
  year = {2020},
  file = {:papers/slides.pptx:application/vnd.ms-powerpoint}
}
@misc{lo2020again,
  title = {{S2ORC}: the semantic scholar open research corpus.},
  year = {2020},
  abstract = {A corpus of 81.1M English-language academic papers.}
}
`);
  const ris = join(dir, 'refs.ris');
  writeFileSync(ris, [
    'TY  - JOUR', 'ID  - muller2010', 'TI  - Heart failure in the elderly: a review', 'AU  - Müller, Anna', 'PY  - 2010', 'DB  - PubMed', 'AN  - 21234567',
    'AB  - Cardiac rehabilitation improves exercise tolerance', '  and quality of life.', 'ER  - ', '',
    'TY  - GEN', 'TI  - S2ORC: The Semantic Scholar Open Research Corpus', 'PY  - 2020', `L1  - ${pathToFileURL(S2ORC).href}`, 'ER  - ', '',
    'TY  - JOUR', 'ID  - ace2014', 'TI  - Angiotensin converting enzyme inhibitors and quinapril', 'AU  - Vigneshwaran, K', 'PY  - 2014',
    'T2  - Clinical Science', 'DO  - 10.1042/CS20130999', 'KW  - ACE inhibitors', 'ER  - ', '',
  ].join('\r\n'));
  return { bib, ris };
}

test('a .bib and a .ris with attached PDFs: records and files indexed, duplicates merged, a second import changes nothing', async () => {
  const dir = tempDir('refs-');
  const { bib, ris } = library(dir);
  const engine = await createEngine({ dbPath: join(dir, 'd.db'), workers: 1 });
  try {
    const first = await engine.importReferences(bib);
    assert.deepEqual(counts(first), { entries: 5, records: 3, merged: 2, added: 3, updated: 0, unchanged: 0, removed: 0, attached: 4, indexed: 2, parsed: 2, labelled: 2 });
    assert.deepEqual(first.skipped.map((s) => s.code).sort(), ['FILE_NOT_FOUND', 'UNSUPPORTED_TYPE'], 'the Windows path is not here; the slides are noted');
    assert.deepEqual(first.errors, []);
    const second = await engine.importReferences(bib);
    assert.deepEqual(counts(second), { entries: 5, records: 3, merged: 2, added: 0, updated: 0, unchanged: 3, removed: 0, attached: 4, indexed: 2, parsed: 0, labelled: 0 });

    const third = await engine.importReferences(ris);
    assert.deepEqual(counts(third), { entries: 3, records: 3, merged: 2, added: 1, updated: 2, unchanged: 0, removed: 0, attached: 1, indexed: 2, parsed: 1, labelled: 2 },
      'the PubMed record (by PMID) and S2ORC (by title + year) merge with the .bib\'s records; the merged record keeps its PDF from the .bib, relabelled');
    const again = [await engine.importReferences(ris), await engine.importReferences(bib)];
    for (const s of again) assert.equal(s.added + s.updated + s.removed + s.files.parsed + s.files.labelled, 0, `${s.format}: nothing changes`);

    const totals = engine.status().totals;
    assert.deepEqual([totals.references, totals.pdfs], [4, 3], 'four records (SPECTER, Müller, S2ORC, ACE) and three PDFs');
    const byAbstract = await engine.search('cardiac rehabilitation exercise tolerance', { mode: 'bm25', k: 5, history: false });
    assert.equal(byAbstract.results[0]?.kind, 'reference');
    assert.equal(byAbstract.results[0]?.title, 'Heart failure in the elderly: a review');
    assert.deepEqual(byAbstract.results[0]?.headingPath, ['Heart failure in the elderly: a review'], 'the record\'s title heads its text (chunk/record.ts)');
    const byKeyword = await engine.search('citation embeddings', { mode: 'bm25', k: 20, history: false });
    assert.ok(byKeyword.results.some((r) => r.kind === 'reference' && r.path === 'ref:doi:10.18653/v1/2020.acl-main.207'), 'the duplicate\'s keyword joined the record');
    const fullText = await engine.search('SciDocs citation prediction', { mode: 'bm25', k: 5, history: false });
    const pdfHit = fullText.results.find((r) => r.kind === 'pdf');
    assert.equal(pdfHit?.path, join(dir, 'papers', 'specter paper.pdf'));
    assert.equal(pdfHit?.title, 'SPECTER: Document-level Representation Learning using Citation-informed Transformers', 'the PDF carries its record\'s title');
    const s2orc = await engine.search('S2ORC', { mode: 'bm25', k: 10, history: false });
    assert.ok(s2orc.results.some((r) => r.kind === 'pdf' && r.path === S2ORC), 'the RIS L1 file:// link was indexed');

    // The record cites with its own key and what both files said.
    engine.createCollection('c');
    const doc = byAbstract.results[0]!;
    engine.addEvidence('c', { chunkId: doc.chunkId });
    const exported = engine.exportCollection('c', 'bib');
    assert.match(exported, /^@article\{mueller2010heart,/);
    assert.match(exported, /pmid = \{21234567\}/);
    assert.match(exported, /author = \{Müller, Anna and \{World Health Organization\}\}/);
  } finally {
    engine.close();
  }
});

test('delve import --json prints the summary; an entry dropped from the file is removed; bad files are refused', () => {
  const dir = tempDir('refs-cli-');
  const { bib } = library(dir);
  const db = join(dir, 'cli.db');
  const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  const r = run('import', bib, '--db', db, '--json');
  assert.equal(r.status, 0, r.stderr);
  const s = JSON.parse(r.stdout) as ReferenceImportSummary;
  assert.deepEqual([s.entries, s.records, s.added], [5, 3, 3]);
  writeFileSync(bib, '@article{only, title = {Only one left}, year = 2001}\n');
  const after = JSON.parse(run('import', bib, '--db', db, '--json').stdout) as ReferenceImportSummary;
  assert.deepEqual([after.added, after.removed], [1, 3]);
  writeFileSync(join(dir, 'x.txt'), 'x');
  const bad = run('import', join(dir, 'x.txt'), '--db', db);
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /BAD_ARGUMENT/);
  assert.match(run('import', join(dir, 'none.bib'), '--db', db).stderr, /FILE_NOT_FOUND/);
  assert.equal(run('import', '--db', db).status, 2);
});
