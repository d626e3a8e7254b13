/** Real mistakes are located ({line, offset, message, fix}) and repaired where they have one reading. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { translateStrategy, type Translation } from './translate.js';

const all = (r: Translation) => [...r.diagnostics, ...r.lines.flatMap((l) => l.errors)];

test('a line that refers to itself inside an OR: dropped with a warning, still translated', () => {
  const text = '1 pain.ti.\n2 ache.ti.\n3 or/1-3';
  const r = translateStrategy(text, 'pubmed');
  assert.ok(r.ok);
  assert.equal(r.lines[2]?.translated, '#1 OR #2');
  const w = all(r).find((d) => /refers to itself/.test(d.message));
  assert.ok(w && w.severity === 'warning' && w.line === 3 && w.offset === text.indexOf('or/1-3'));
  assert.match(w.fix, /or\/1-2/);
});

test('a reference to a later line or under AND is an error at the reference', () => {
  const text = '1 pain.ti.\n2 1 and 3\n3 ache.ti.';
  const r = translateStrategy(text, 'pubmed');
  assert.ok(!r.ok);
  const e = all(r).find((d) => d.severity === 'error');
  assert.deepEqual([e?.line, e?.offset, e?.message], [2, text.indexOf('3\n3'), 'refers to line 3, which comes later']);
  const missing = translateStrategy('1 pain.ti.\n2 1 and 9', 'pubmed');
  assert.ok(all(missing).some((d) => d.severity === 'error' && /line 9, which does not exist/.test(d.message)));
});

test('dangling operator, unbalanced parentheses, bare truncation, stray hit count, unknown field code', () => {
  const text = '1 (pain or ache or\n2 exp Headache/ or\n3 (migraine or cluster.ti,ab.\n4 therap $.tw.\n5 pain.zz.\n6 or/1-5 12,345';
  const r = translateStrategy(text, 'pubmed');
  const d = all(r);
  assert.ok(r.ok, JSON.stringify(d.filter((x) => x.severity === 'error')));
  assert.ok(d.some((x) => x.line === 2 && /nothing after it/.test(x.message)), 'dangling or');
  assert.ok(d.some((x) => x.line === 3 && /never closed/.test(x.message)), 'missing )');
  assert.ok(d.some((x) => x.line === 4 && /truncation symbol stands apart/.test(x.message)));
  assert.ok(d.some((x) => x.line === 5 && /unknown Ovid field code \.zz\./.test(x.message)));
  assert.equal(r.lines[3]?.translated, 'therap*[tiab]');
  assert.ok(r.lines[5]?.notes.some((n) => /hit count 12,345/.test(n.reason ?? '')));
  for (const x of d) assert.ok(x.fix.length > 0 && x.offset >= 0 && x.offset <= text.length);
});

test('a truncation with no stem is an error with a fix', () => {
  const r = translateStrategy('1 $.tw.\n2 pain.ti.', 'pubmed');
  const e = all(r).find((d) => d.severity === 'error');
  assert.equal(e?.line, 1);
  assert.match(e?.message ?? '', /no word before it/);
});

test('published line formats: 1. / #1 / S1 / tabs with counts / headings / wrapped lines', () => {
  const text = [
    'Database: Ovid MEDLINE(R) <1946 to Present>',
    'Search Strategy:',
    '--------------------------------',
    '1.\texp Asthma/\t123,456\tAdvanced',
    '2.\t(wheez$ or asthma$).ti,ab.\t(98765)',
    'Population',
    '3.\t(child$ or',
    '   paediatric$).ti,ab.',
    '4.\tor/1-2 and 3',
  ].join('\n');
  const r = translateStrategy(text, 'pubmed');
  assert.ok(r.ok, JSON.stringify(all(r)));
  assert.deepEqual(r.lines.map((l) => l.translated), ['"Asthma"[mh]', 'wheez*[tiab] OR asthma*[tiab]', 'child*[tiab] OR paediatric*[tiab]', '(#1 OR #2) AND #3']);
});

test('other databases are recognised and explained, not misread as MEDLINE', () => {
  const cases: Array<[string, string]> = [
    ["'heart failure'/exp OR (cardiac NEAR/3 failure):ti,ab", 'embase.com'],
    ['S1 (MH "Heart Failure+")\nS2 TI heart failure OR AB heart failure\nS3 S1 OR S2', 'cinahl'],
    ['#1 MeSH descriptor: [Heart Failure] explode all trees\n#2 (heart failure):ti,ab,kw\n#3 #1 OR #2', 'cochrane'],
  ];
  for (const [text, db] of cases) {
    const r = translateStrategy(text, 'pubmed');
    assert.equal(r.database, db, text);
    assert.ok(!r.ok);
    assert.ok(r.diagnostics[0] && r.diagnostics[0].fix.length > 40, 'says what would be needed');
  }
  const emb = translateStrategy('1 exp human/\n2 crossover procedure/\n3 1 and 2', 'pubmed');
  assert.equal(emb.database, 'ovid-embase');
  assert.ok(emb.ok && all(emb).some((d) => /Emtree/.test(d.message)));
});

test('curly quotes and pasted debris', () => {
  const r = translateStrategy('1 \u201Cheart failure\u201D.ti,ab.\n2 1 and pain.tw.', 'pubmed');
  assert.ok(r.ok);
  assert.equal(r.lines[0]?.translated, '"heart failure"[tiab]');
});

test('Ovid lines written with #1 references, and PubMed search history pasted newest first', () => {
  const ovid = translateStrategy('#1\texp Stroke/\t120000\n#2\tstroke.ti,ab.\n#3\t#1 OR #2\n#4\tlimit #3 to (humans and (english or german))', 'pubmed');
  assert.ok(ovid.ok);
  assert.equal(ovid.database, 'ovid-medline');
  assert.deepEqual(ovid.lines.map((l) => l.translated), ['"Stroke"[mh]', 'stroke[tiab]', '#1 OR #2', '#3 AND "humans"[mh] AND (english[la] OR german[la])']);
  const history = 'Search\tActions\tDetails\tQuery\tResults\tTime\n#3\t\tSearch: #1 AND #2 Sort by: Most Recent\t12\t10:15:31\n#2\t\tSearch: exercise[tiab]\t2,345\t10:14:00\n#1\t\tSearch: "heart failure"[mh]\t120,000\t10:13:00';
  const pm = translateStrategy(history, 'pubmed');
  assert.ok(pm.ok);
  assert.equal(pm.query, '"heart failure"[mh] AND exercise[tiab]');
  assert.ok(pm.lines[0]?.notes.some((n) => /newest first/.test(n.reason ?? '')));
});

test('an unclosed quote, Ovid multi-file "use ppez", PubMed history "Filters:": repaired or left out with a warning', () => {
  const r = translateStrategy('1 exp Heart Failure/ use ppez\n2 "heart failure.ti,ab.\n3 1 or 2', 'pubmed');
  assert.ok(r.ok);
  assert.deepEqual(r.lines.map((l) => l.translated), ['"Heart Failure"[mh]', '"heart failure"[tiab]', '#1 OR #2']);
  assert.ok(r.lines[0]?.errors.some((e) => /use ppez/.test(e.message) && e.severity === 'warning'));
  assert.ok(r.lines[1]?.errors.some((e) => /never closed/.test(e.message) && e.severity === 'warning'));
  const pm = translateStrategy('#1 pain[tiab]\n#2 #1 AND ache[tiab] Filters: English, from 2010 - 2020', 'pubmed');
  assert.equal(pm.query, 'pain[tiab] AND ache[tiab]');
  assert.match(pm.lines[1]?.errors[0]?.fix ?? '', /english\[la\]/);
});

test("Ovid's multi-file note inside a limit line is left out", () => {
  const r = translateStrategy('1 pain.ti.\n2 limit 1 to (english language and humans) [Limit not valid in Embase; records were retained]', 'pubmed');
  assert.ok(r.ok);
  assert.equal(r.lines[1]?.translated, '#1 AND english[la] AND "humans"[mh]');
});
