/**
 * DOCX, HTML and EPUB ingestion on files made by Debian's `pandoc` from one Markdown source with
 * known headings and marker words: every marker is found by search, in the right file, under the
 * right heading path (and for EPUB the right chapter); comments and tracked changes are kept apart
 * and marked; title, authors, year and DOI are read.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createEngine } from '../../main/engine/index.js';
import { tempDir } from '../helpers/shared.js';

const hasPandoc = spawnSync('pandoc', ['--version']).status === 0;
const SKIP = hasPandoc ? false : 'pandoc is not installed (apt-get install -y pandoc); CI installs it';

const MD = `---
title: Marker Handbook
author:
- Ada Lovelace
- Alan Turing
date: 2019-05-06
identifier:
- scheme: DOI
  text: doi:10.5555/marker.2019
lang: en
---

# Alpha Chapter

The zorblaxian effect opens the first chapter.

## Beta Section

Quuxification is described in the beta section. [Reviewer thinks hornswoggle]{.comment-start id="0" author="Rita Reviewer" date="2020-01-01T00:00:00Z"}This sentence was commented.[]{.comment-end id="0"}

[Inserted flibbertigibbet words.]{.insertion author="Ian Inserter" date="2020-01-01T00:00:00Z"} [Deleted snollygoster words.]{.deletion author="Dee Deleter" date="2020-01-01T00:00:00Z"}

# Gamma Chapter

- list item with wombatry
- second item

| Col | Val |
|-----|-----|
| tablemarker | 3 |

### Delta Subsection

Final paragraph with the marker xylophonic.
`;

/** marker → heading path, and the EPUB chapter (spine order; 1 is pandoc's title page). */
const MARKERS: [string, string[], number][] = [
  ['zorblaxian', ['Alpha Chapter'], 2],
  ['quuxification', ['Alpha Chapter', 'Beta Section'], 2],
  ['wombatry', ['Gamma Chapter'], 3],
  ['tablemarker', ['Gamma Chapter'], 3],
  ['xylophonic', ['Gamma Chapter', 'Delta Subsection'], 3],
];

test('pandoc DOCX, HTML and EPUB: markers under their headings, chapters, comments and changes apart, metadata', { skip: SKIP }, async () => {
  const dir = tempDir('delve-formats-');
  writeFileSync(join(dir, 'src.md'), MD);
  const run = (...args: string[]) => assert.equal(spawnSync('pandoc', args, { cwd: dir }).status, 0, `pandoc ${args.join(' ')}`);
  run('src.md', '-o', 'book.docx');
  run('src.md', '-o', 'book.epub');
  run('src.md', '-s', '-o', 'page.html', '-V', 'header-includes=<meta name="citation_doi" content="10.5555/marker.2019">'
    + '<meta name="citation_author" content="Lovelace, Ada"><meta name="citation_author" content="Turing, Alan">'
    + '<meta name="citation_publication_date" content="2019/05/06"><script>document.title = "scripted"</script>');
  const engine = await createEngine({ dbPath: join(dir, 'lib.db'), ocr: { enabled: false } });
  try {
    const s = await engine.index([join(dir, 'book.docx'), join(dir, 'book.epub'), join(dir, 'page.html')]);
    assert.equal(s.documents, 3, JSON.stringify(s.skipped));
    for (const kind of ['docx', 'epub', 'html'] as const) {
      const file = join(dir, kind === 'html' ? 'page.html' : `book.${kind}`);
      for (const [marker, path, chapter] of MARKERS) {
        const r = (await engine.search(marker, { mode: 'bm25', k: 10, history: false })).results.filter((x) => x.path === file);
        assert.ok(r.length > 0, `${kind}: "${marker}" is found`);
        assert.equal(r[0]!.kind, kind);
        assert.deepEqual(r[0]!.headingPath, path, `${kind}: "${marker}" under ${path.join(' > ')}`);
        assert.ok(typeof r[0]!.locator?.paragraph === 'number', `${kind}: a paragraph locator`);
        if (kind === 'epub') {
          assert.equal(r[0]!.page, chapter, `epub: "${marker}" in chapter ${chapter}`);
          assert.equal(r[0]!.locator?.chapter, chapter);
          assert.equal(r[0]!.pageLabel, path[0], 'the chapter is labelled by its heading');
        }
      }
      const d = engine.document(engine.status().documents.find((x) => x.path === file)!.id);
      assert.equal(d.title, 'Marker Handbook', `${kind} title`);
      assert.equal(d.authors.length, 2, `${kind} authors: ${JSON.stringify(d.authors)}`);
      if (kind !== 'docx') {
        assert.equal(d.year, 2019, `${kind} year`);
        assert.equal(d.doi, '10.5555/marker.2019', `${kind} DOI`);
      }
    }
    const docx = join(dir, 'book.docx');
    const find = async (w: string) => (await engine.search(w, { mode: 'bm25', k: 10, history: false })).results.filter((x) => x.path === docx);
    const comment = (await find('hornswoggle'))[0];
    assert.deepEqual(comment?.headingPath, ['Comments', 'Rita Reviewer']);
    assert.equal(comment?.locator?.kind, 'comment');
    assert.equal(comment?.locator?.author, 'Rita Reviewer');
    const deleted = (await find('snollygoster'));
    assert.equal(deleted.length, 1, 'deleted text only in the tracked changes');
    assert.deepEqual(deleted[0]!.headingPath, ['Tracked changes', 'Deletions']);
    assert.equal(deleted[0]!.locator?.kind, 'deletion');
    const inserted = await find('flibbertigibbet');
    assert.ok(inserted.some((x) => x.locator?.kind === 'insertion' && x.locator.author === 'Ian Inserter'), 'the insertion is marked');
    assert.ok(inserted.some((x) => x.headingPath.join('>') === 'Alpha Chapter>Beta Section'), 'and accepted into the body');
    assert.equal((await engine.search('scripted', { mode: 'bm25', history: false })).results.length, 0, 'no script ran, none was indexed');
  } finally {
    engine.close();
  }
});
