/**
 * The 40 sysrev-seed-collection queries run offline over imported test records return the records
 * they should. For each topic, synthetic records under a few of its included PMIDs are built from the
 * query's own terms so that they satisfy it (test/helpers/query-witness.ts), and distractors are
 * built to violate one AND branch (or to meet the right side of its NOT). All of them go through the
 * E-utilities test server and `delve pubmed import` into one library; then every topic's query (as
 * published) must return its records and none of its distractors (an edited_search that is the same
 * query gives the same documents), and every
 * field the library cannot search ([nm], [pa]) must be listed in `unsupported`, not silently dropped.
 * The same records are found by the engine's normal search.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { pubmedImport } from '../../main/engine/cli/pubmed-import-command.js';
import { createEngine } from '../../main/engine/index.js';
import { runOffline } from '../../main/engine/pubmed/offline/run.js';
import { walk, type Node } from '../../main/engine/pubmed/query/ast.js';
import { checkQuery } from '../../main/engine/pubmed/query/index.js';
import { openDb, type Db } from '../../main/engine/store/db.js';
import { startEutilsServer, type EutilsTestServer, type PubmedRecordFixture } from '../helpers/eutils-server.js';
import { conjunction, mayMatch, merge, safeWitness, witness, type Atoms } from '../helpers/query-witness.js';
import { sharedDir, tempDir } from '../helpers/shared.js';

interface Topic { id: string; query: string; edited_search: string; included_studies: string[] }
interface Built { topic: Topic; tree: Node; records: string[]; distractors: string[] }

const topics = readFileSync(join(sharedDir(), 'pubmed', 'sysrev-seed-collection', 'overall_collection.jsonl'), 'utf8')
  .split('\n').filter(Boolean).map((l) => JSON.parse(l) as Topic);

let counter = 0;
/** A word no query has, so every title is unique. */
const tag = () => `zqv${(counter++).toString(26).replace(/\d/g, (d) => 'klmnopqrst'[Number(d)]!)}`;

function fixture(pmid: string, a: Atoms): PubmedRecordFixture {
  const mesh = new Map<string, NonNullable<PubmedRecordFixture['mesh']>[number]>();
  for (const m of a.mesh) {
    const h = mesh.get(m.descriptor.toLowerCase()) ?? { descriptor: m.descriptor, major: false, qualifiers: [] };
    if (m.qualifier) h.qualifiers!.push({ name: m.qualifier, major: m.major });
    else if (m.major) h.major = true;
    mesh.set(m.descriptor.toLowerCase(), h);
  }
  return {
    pmid, title: `${[...a.title, tag()].join(' - ')}`, abstract: a.text.length ? `${a.text.join('. ')}.` : 'No abstract.',
    mesh: [...mesh.values()], publicationTypes: ['Journal Article', ...a.types], language: a.language ?? 'eng', year: a.year ?? 2015,
    ...(a.journal ? { journal: a.journal, journalAbbrev: a.journal } : {}),
    authors: a.authors.length ? a.authors.map((s) => ({ last: s.split(' ')[0]!, initials: s.split(' ')[1] ?? '' })) : [{ last: 'Tester', initials: 'T' }],
  };
}

const fixtures: PubmedRecordFixture[] = [];
const built: Built[] = [];
const used = new Set<string>();
let distractorPmid = 90_000_000;

for (const topic of topics) {
  const r = checkQuery(topic.query);
  assert.ok(r.ok, `topic ${topic.id} parses`);
  const b: Built = { topic, tree: r.tree, records: [], distractors: [] };
  for (const pmid of topic.included_studies) {
    if (b.records.length === 3) break;
    if (used.has(pmid)) continue;
    const w = safeWitness(r.tree, b.records.length * 11);
    if (!w) break;
    used.add(pmid);
    fixtures.push(fixture(pmid, w));
    b.records.push(pmid);
  }
  // Distractors: drop one branch of the top AND, so that no leaf of that branch can match.
  const branches = conjunction(r.tree) ?? [];
  for (let k = 0; k < branches.length && b.distractors.length < 2; k++) {
    const dropped = branches[k]!;
    const rest: Node = { type: 'and', children: branches.filter((_, i) => i !== k), offset: 0, end: 0 };
    for (let seed = 0; seed < 25; seed++) {
      const w = witness(rest, seed);
      if (!w || mayMatch(dropped, w) || w.excluded.some((x) => mayMatch(x, w))) continue;
      const pmid = String(distractorPmid++);
      fixtures.push(fixture(pmid, w));
      b.distractors.push(pmid);
      break;
    }
  }
  // And one that meets the right side of the top NOT.
  if (r.tree.type === 'not') {
    const left = safeWitness(r.tree.children[0], 3);
    const right = witness(r.tree.children[1], 0);
    if (left && right) {
      const pmid = String(distractorPmid++);
      fixtures.push(fixture(pmid, merge(left, right)));
      b.distractors.push(pmid);
    }
  }
  built.push(b);
}

let server: EutilsTestServer;
let db: Db;
let docOf: Map<string, number>;
const dbPath = join(tempDir('pubmed-offline-'), 'library.db');

before(async () => {
  server = await startEutilsServer({ records: fixtures });
  const out: string[] = [];
  const code = await pubmedImport(dbPath, { pmids: fixtures.map((f) => f.pmid), eutils: server.url, json: true }, (s) => out.push(s), (s) => out.push(s));
  assert.equal(code, 0, out.join('\n'));
  ({ db } = await openDb(dbPath));
  docOf = new Map((db.prepare("SELECT substr(path, 8) AS pmid, id FROM documents WHERE kind = 'pubmed'").all() as { pmid: string; id: number }[]).map((x) => [x.pmid, x.id]));
});
after(async () => { db.close(); await server.close(); });

function check(b: Built, tree: Node): string | null {
  const hits = new Set(runOffline(db, tree).docIds);
  const missed = b.records.filter((p) => !hits.has(docOf.get(p)!));
  const wrong = b.distractors.filter((p) => hits.has(docOf.get(p)!));
  return missed.length || wrong.length ? `topic ${b.topic.id}: missed ${missed.join(',') || '-'}, distractors returned ${wrong.join(',') || '-'}` : null;
}

test('the 40 sysrev-seed queries run offline over imported test records return the records they should', () => {
  assert.equal(built.length, 40);
  assert.equal(docOf.size, fixtures.length, 'every test record was imported');
  const failures = built.map((b) => (b.records.length === 0 ? `topic ${b.topic.id}: no record could be built` : check(b, b.tree))).filter(Boolean);
  assert.deepEqual(failures, []);
  assert.deepEqual(built.filter((b) => b.records.length < 3).map((b) => `${b.topic.id}:${b.records.length}`), ['18:1'], 'three records per topic (topic 18 includes one study)');
  const distractors = built.reduce((n, b) => n + b.distractors.length, 0);
  // Topics 11 and 4 are an OR at the top: no single AND branch to break.
  assert.deepEqual(built.filter((b) => b.distractors.length === 0).map((b) => b.topic.id), ['11', '4']);
  assert.ok(distractors >= 80, `${distractors} distractors`);
});

test('edited_search: the 35 that are the published query with straight quotes return the same documents', () => {
  const differ: string[] = [];
  let same = 0;
  for (const b of built) {
    const published = checkQuery(b.topic.query);
    const edited = checkQuery(b.topic.edited_search);
    if (!edited.ok || !published.ok) { differ.push(`${b.topic.id} (does not parse)`); continue; }
    if (edited.normalized !== published.normalized) { differ.push(b.topic.id); continue; }
    same++;
    assert.deepEqual(runOffline(db, edited.tree).docIds, runOffline(db, published.tree).docIds, `topic ${b.topic.id}`);
  }
  assert.equal(same, 35);
  // 102 lost a parenthesis; 103, 78 and 1 hold another topic's query; 13 edits a few terms.
  assert.deepEqual(differ, ['103', '102 (does not parse)', '78', '13', '1']);
});

test('fields the library cannot search are reported with their offsets, never silently dropped', () => {
  let reported = 0;
  for (const b of built) {
    const r = runOffline(db, b.tree);
    for (const n of walk(b.tree)) {
      if (n.type !== 'term' || !['nm', 'pa'].includes(n.field ?? '')) continue;
      assert.ok(r.unsupported.some((u) => u.offset === n.offset && /not stored offline/.test(u.why)), `topic ${b.topic.id}: ${n.text}[${n.field}]`);
      reported++;
    }
    if (b.tree && [...walk(b.tree)].some((n) => n.type === 'term' && n.field === 'mh')) {
      assert.ok(r.unsupported.some((u) => /\[mh\] explodes/.test(u.why)), `topic ${b.topic.id}: the [mh] explosion note`);
    }
  }
  assert.equal(reported, 10, 'the 9 [nm] terms and 1 [pa] term of the data');
});

test('imported records are found by engine.search with words of their title', async () => {
  const engine = await createEngine({ dbPath, workers: 1 });
  try {
    const misses: string[] = [];
    for (const b of built) {
      const pmid = b.records[0]!;
      const title = fixtures.find((f) => f.pmid === pmid)!.title.replace(/ - zqv\w+$/, '');
      const r = await engine.search(title, { groupBy: 'document', k: 20 });
      if (!r.results.some((x) => x.path === `pubmed:${pmid}`)) misses.push(`${b.topic.id}: ${title}`);
    }
    assert.deepEqual(misses, []);
  } finally {
    engine.close();
  }
});
