/**
 * Robustness probe for DOCX, HTML and EPUB ingestion: several Markdown sources (headings 1–6 with
 * markup and non-ASCII text, setext headings, nested and task lists, quotes, definition lists, pipe
 * and grid tables, footnotes, code, math, images, raw HTML, line blocks, no heading at all, text
 * before the first heading, a long paragraph; metadata in YAML, in --metadata flags and in
 * citation_* / Dublin Core <meta> tags) turned by Debian's `pandoc` into DOCX (plain, --toc, -N,
 * --reference-doc, headings shifted with chapters), HTML (html5/html4 standalone, fragment, --toc,
 * --section-divs -N, --self-contained, --mathjax, --title-prefix, notes per section, --webtex,
 * --mathml) and EPUB (epub3/epub2, chapter level 1 and 2, --toc -N, cover images), all indexed into
 * one library.
 * For every marker word: found by search, and the file's first passage for it lies under the right
 * heading path; in EPUBs it names the spine document that holds the word, and the chapter's label. Title, authors, year and DOI are read. Failures are
 * gathered per file and reported as one table.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { unzipSync } from 'fflate';
import type { SearchResult } from '../../main/engine/api-search.js';
import { createEngine } from '../../main/engine/index.js';
import { META_CASES, type MetaCase } from '../helpers/pandoc-meta-cases.js';
import { SOURCES, VARIANTS, type Kind, type Marker, type Source, type Variant } from '../helpers/pandoc-variants.js';
import { tempDir } from '../helpers/shared.js';

const hasPandoc = spawnSync('pandoc', ['--version']).status === 0;
const SKIP = hasPandoc ? false : 'pandoc is not installed (apt-get install -y pandoc); CI installs it';

/** A 1×1 PNG for --epub-cover-image. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

interface Made { file: string; label: string; kind: Kind; variant: Variant | null; source: Source | null; meta?: MetaCase }

function pandoc(dir: string, args: string[]): void {
  const r = spawnSync('pandoc', args, { cwd: dir, encoding: 'utf8' });
  assert.equal(r.status, 0, `pandoc ${args.join(' ')}: ${r.stderr}`);
}

function generate(dir: string): Made[] {
  writeFileSync(join(dir, 'cover.png'), Buffer.from(PNG, 'base64'));
  mkdirSync(join(dir, 'img'));
  writeFileSync(join(dir, 'img', 'missing.png'), Buffer.from(PNG, 'base64'));
  pandoc(dir, ['-o', 'ref.docx', '--print-default-data-file', 'reference.docx']);
  const made: Made[] = [];
  for (const source of SOURCES) {
    writeFileSync(join(dir, `${source.name}.md`), source.md);
    for (const variant of VARIANTS) {
      const file = join(dir, `${source.name}.${variant.name}.${variant.ext}`);
      pandoc(dir, [`${source.name}.md`, '-f', 'markdown', ...variant.args, ...(source.args ?? []), '-o', file]);
      made.push({ file, label: `${source.name}/${variant.name}`, kind: variant.kind, variant, source });
    }
  }
  for (const meta of META_CASES) {
    for (const [name, text] of Object.entries(meta.files)) writeFileSync(join(dir, name), text);
    if (meta.md) writeFileSync(join(dir, `${meta.name}.md`), meta.md);
    const file = join(dir, `${meta.name}.meta.${meta.kind}`);
    pandoc(dir, [meta.md ? `${meta.name}.md` : 'flags.md', '-f', 'markdown', ...meta.args, '-o', file]);
    made.push({ file, label: `meta/${meta.name}`, kind: meta.kind, variant: null, source: null, meta });
  }
  return made;
}

/** Section numbers (-N) are kept in the headings; compared without them. */
const unnumber = (path: string[]) => path.map((h) => h.replace(/^\d+(\.\d+)*\s+/, ''));

function expectedPath(m: Marker, made: Made): string[] | null {
  if (made.variant?.name === 'html-fragment' && m.titleBlock) return null;
  const path = (made.kind === 'epub' ? m.epub : undefined) ?? m.path;
  // Shifted one level down, a level-6 heading has no level left: pandoc writes it as a paragraph.
  return made.variant?.args.includes('--shift-heading-level-by=1') ? path.slice(0, 5) : path;
}

/** A content document's body text, images by their alt text. */
const bodyText = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8').replace(/^[\s\S]*?<body[^>]*>/, '')
  .replace(/<img\b[^>]*\balt="([^"]*)"[^>]*>/g, ' $1 ').replace(/<[^>]*>/g, ' ');

/** The EPUB's content document that holds `word` (read with fflate, not the engine's reader). */
function holder(epub: string, word: string): string[] {
  const files = unzipSync(readFileSync(epub));
  return Object.entries(files)
    .filter(([name]) => /\.x?html$/.test(name) && !/nav\.xhtml$/.test(name))
    .filter(([, bytes]) => new RegExp(`\\b${word}\\b`).test(bodyText(bytes)))
    .map(([name]) => name);
}

/** The chapters in spine order: content documents with text, the navigation document left out. */
function chapters(epub: string): string[] {
  const files = unzipSync(readFileSync(epub));
  const text = (name: string) => Buffer.from(files[name] ?? new Uint8Array()).toString('utf8');
  const opf = /full-path="([^"]+)"/.exec(text('META-INF/container.xml'))![1]!;
  const dir = opf.includes('/') ? opf.slice(0, opf.lastIndexOf('/') + 1) : '';
  const items = new Map([...text(opf).matchAll(/<item\s([^>]*)>/g)].map((m) => [/id="([^"]*)"/.exec(m[1]!)![1], m[1]!]));
  return [...text(opf).matchAll(/<itemref\s[^>]*idref="([^"]*)"/g)].map((m) => items.get(m[1]!) ?? '')
    .filter((item) => !/properties="[^"]*nav/.test(item) && !/href="nav\.xhtml"/.test(item))
    .map((item) => dir + /href="([^"]*)"/.exec(item)![1]!)
    .filter((name) => bodyText(files[name]!).trim() !== '');
}

test('pandoc variants: every marker under its heading path / chapter, metadata read, in DOCX, HTML and EPUB', { skip: SKIP }, async (t) => {
  const dir = tempDir('delve-pandoc-variants-');
  const made = generate(dir);
  const engine = await createEngine({ dbPath: join(dir, 'lib.db'), ocr: { enabled: false } });
  const failures = new Map<string, string[]>(made.map((m) => [m.label, []]));
  const checked = new Map<string, number>(made.map((m) => [m.label, 0]));
  const fail = (m: Made, msg: string) => failures.get(m.label)!.push(msg);
  try {
    const s = await engine.index(made.map((m) => m.file));
    assert.equal(s.documents, made.length, JSON.stringify(s.skipped));
    const hits = new Map<string, SearchResult[]>();
    const search = async (word: string) => {
      if (!hits.has(word)) hits.set(word, (await engine.search(word, { mode: 'bm25', k: 400, history: false })).results);
      return hits.get(word)!;
    };
    const docs = engine.status().documents;
    for (const m of made) {
      for (const marker of m.source?.markers ?? []) {
        const want = expectedPath(marker, m);
        if (!want) continue;
        checked.set(m.label, checked.get(m.label)! + 1);
        const r = (await search(marker.word)).filter((x) => x.path === m.file);
        if (r.length === 0) { fail(m, `${marker.word}: not found`); continue; }
        const got = unnumber(r[0]!.headingPath);
        if (got.join(' > ') !== want.join(' > ')) fail(m, `${marker.word}: under [${r[0]!.headingPath.join(' > ')}], want [${want.join(' > ')}]`);
        if (m.kind !== 'epub') continue;
        const files = holder(m.file, marker.word);
        const href = r[0]!.locator?.href;
        if (files.length !== 1 || href !== files[0]) fail(m, `${marker.word}: chapter ${String(href)}, the word is in ${files.join(', ')}`);
        if (r[0]!.page !== r[0]!.locator?.chapter) fail(m, `${marker.word}: page ${r[0]!.page} is not the chapter ${r[0]!.locator?.chapter}`);
        const place = chapters(m.file).indexOf(files[0] ?? '') + 1;
        if (r[0]!.page !== place) fail(m, `${marker.word}: chapter ${r[0]!.page}, its document is chapter ${place} in spine order`);
        const label = marker.chapter?.[m.variant!.args.includes('--epub-chapter-level=2') ? 1 : 0];
        if (label && unnumber([r[0]!.pageLabel ?? ''])[0] !== label) fail(m, `${marker.word}: chapter labelled "${r[0]!.pageLabel}", want "${label}"`);
      }
      const id = docs.find((d) => d.path === m.file)!.id;
      const d = engine.document(id);
      const want = m.meta ?? (m.variant?.name === 'html-fragment' ? null : m.source!);
      if (!want) continue;
      checked.set(m.label, checked.get(m.label)! + 1);
      if (d.title !== want.title) fail(m, `metadata: title ${JSON.stringify(d.title)}, want "${want.title}"`);
      if (want.authors && JSON.stringify(d.authors) !== JSON.stringify(want.authors)) fail(m, `metadata: authors ${JSON.stringify(d.authors)}, want ${JSON.stringify(want.authors)}`);
      // An EPUB 2 gives no way to tell pandoc's conversion time in dc:date from a date of the work.
      const epub2Stamp = want.year === null && m.variant?.args.includes('epub2');
      if (d.year !== want.year && !epub2Stamp) fail(m, `metadata: year ${d.year}, want ${want.year}`);
      // pandoc writes `identifier` into the EPUB's OPF and `doi` into the DOCX's custom properties; its HTML template writes neither.
      const doi = m.meta ? m.meta.doi : m.kind !== 'html' ? m.source!.doi ?? null : null;
      if (doi && d.doi !== doi) fail(m, `metadata: DOI ${d.doi}, want ${doi}`);
    }
    for (const m of made.filter((x) => x.kind === 'docx' && x.source?.name === 'features')) {
      checked.set(m.label, checked.get(m.label)! + 1);
      const mine = async (w: string) => (await search(w)).filter((x) => x.path === m.file);
      const comment = await mine('commentword');
      if (!comment.some((x) => x.locator?.kind === 'comment' && x.locator.author === 'Rita Reviewer')) fail(m, 'changes: the comment is not kept apart and marked');
      const deleted = await mine('deletionword');
      if (deleted.length !== 1 || deleted[0]!.locator?.kind !== 'deletion') fail(m, 'changes: deleted text is not only under Tracked changes');
      if (!(await mine('insertionword')).some((x) => x.locator?.kind === 'insertion')) fail(m, 'changes: the insertion is not marked');
    }
  } finally {
    engine.close();
  }
  const rows = made.map((m) => `${m.label.padEnd(34)} ${String(checked.get(m.label)! - new Set(failures.get(m.label)!.map((f) => f.split(':')[0])).size).padStart(3)}/${String(checked.get(m.label)).padEnd(3)} ${failures.get(m.label)!.join('; ')}`);
  t.diagnostic('case / checks passed / failures');
  for (const row of rows) t.diagnostic(row);
  const bad = made.filter((m) => failures.get(m.label)!.length > 0).map((m) => `${m.label}: ${failures.get(m.label)!.join('; ')}`);
  assert.deepEqual(bad, [], `${bad.length} of ${made.length} files with failures`);
});
