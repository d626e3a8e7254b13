/**
 * One case per documented construct, with its expected translation. Sources:
 *   [OVID-DG] Ovid MEDLINE Database Guide, ospguides.ovid.com/OSPguides/medline.htm (fields, limits)
 *   [OVID-FG] Ovid Field Guide (MEDLINE), zatoka.icm.edu.pl/OVIDWEB/fldguide/medline.htm
 *   [CALDER]  Calder Memorial Library Ovid manual, calder.med.miami.edu/medline_manual.html
 *             ("adj5 … within 5 words of each other in either direction"; explode; focus; subheadings)
 *   [UNISA]   UniSA library guide, guides.library.unisa.edu.au/SystematicReviews/Keywords
 *             (".mp. [mp=title, abstract, …]"; "MEDLINE .tw (includes Title and Abstract)")
 *   [PM-HELP] PubMed Help, pubmed.ncbi.nlm.nih.gov/help/ (field tags, [mh:noexp], [majr], [sh],
 *             date ranges with 3000, truncation needs four characters, filters [sb]/[filter])
 *   [NLM-TB]  NLM Technical Bulletin 2022 Nov–Dec e4 (proximity "a b"[tiab:~N])
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { translateStrategy } from './translate.js';

function ovid(line: string): string {
  const r = translateStrategy(line, 'pubmed', 'ovid');
  assert.ok(r.ok, `${line}: ${JSON.stringify(r.lines[0]?.errors)}`);
  return r.lines[0]?.translated as string;
}

function pubmed(line: string): string {
  const r = translateStrategy(line, 'ovid', 'pubmed');
  assert.ok(r.ok, `${line}: ${JSON.stringify(r.lines[0]?.errors)}`);
  return r.lines[0]?.translated as string;
}

test('[OVID-DG][OVID-FG] field codes → PubMed tags', () => {
  assert.equal(ovid('pain.ti.'), 'pain[ti]');
  assert.equal(ovid('pain.ab.'), 'pain[ab]');
  assert.equal(ovid('pain.ti,ab.'), 'pain[tiab]');
  assert.equal(ovid('pain.tw.'), 'pain[tiab]'); // [UNISA] .tw = title and abstract
  assert.equal(ovid('pain.ti,ab,kf.'), 'pain[tiab] OR pain[ot]');
  assert.equal(ovid('pain.mp.'), 'pain[tw]');
  assert.equal(ovid('pain.af.'), 'pain[all]');
  assert.equal(ovid('randomized controlled trial.pt.'), '"randomized controlled trial"[pt]');
  assert.equal(ovid('Smith J.au.'), '"Smith J"[au]');
  assert.equal(ovid('lancet.jn.'), 'lancet[ta]');
  assert.equal(ovid('french.lg.'), 'french[la]');
  assert.equal(ovid('12345678.ui.'), '12345678[pmid]');
  assert.equal(ovid('50-78-2.rn.'), '50-78-2[rn]');
  assert.equal(ovid('harvard.in.'), 'harvard[ad]');
  assert.equal(ovid('pain'), 'pain[tw]'); // no field: Ovid's default .mp.
  assert.equal(ovid('pain.tw'), 'pain[tiab]'); // the last dot left out, as published
});

test('[OVID-DG][CALDER] subject headings, explode, focus, subheadings, floating subheadings', () => {
  assert.equal(ovid('exp Heart Failure/'), '"Heart Failure"[mh]');
  assert.equal(ovid('Heart Failure/'), '"Heart Failure"[mh:noexp]');
  assert.equal(ovid('*Heart Failure/'), '"Heart Failure"[majr:noexp]');
  assert.equal(ovid('exp *Heart Failure/'), '"Heart Failure"[majr]');
  assert.equal(ovid('exp Heart Failure/dt'), '"Heart Failure/drug therapy"[mh]');
  assert.equal(ovid('exp Heart Failure/ae, dt'), '"Heart Failure/adverse effects"[mh] OR "Heart Failure/drug therapy"[mh]');
  assert.equal(ovid('humans.sh.'), '"humans"[mh:noexp]');
  assert.equal(ovid('dt.fs.'), '"drug therapy"[sh:noexp]');
  assert.equal(ovid('"drug therapy".fs.'), '"drug therapy"[sh:noexp]');
  assert.equal(ovid('exp Neoplasms/ [Diagnosis]'), '"Neoplasms"[mh]'); // Ovid's display annotation dropped
  // headings with "and" in their name, written unquoted as Ovid shows them
  assert.equal(ovid('exp Sensitivity and Specificity/'), '"Sensitivity and Specificity"[mh]');
  assert.equal(ovid('Aged, 80 and over/'), '"Aged, 80 and over"[mh:noexp]');
  assert.equal(ovid('pain and Headache/'), 'pain[tw] AND "Headache"[mh:noexp]');
});

test('[OVID-DG] truncation and wildcards → PubMed * (four letters), with notes', () => {
  assert.equal(ovid('therap$.tw.'), 'therap*[tiab]');
  assert.equal(ovid('therap*.tw.'), 'therap*[tiab]');
  assert.equal(ovid('randomi$2.tw.'), 'randomi*[tiab]');
  assert.equal(ovid('behavio?r.tw.'), 'behavio*[tiab]');
  assert.equal(ovid('wom#n.tw.'), 'woman[tiab] OR women[tiab]');
  const r = translateStrategy('randomi$2.tw.', 'pubmed', 'ovid');
  assert.equal(r.lines[0]?.notes[0]?.exactness, 'approximate');
});

test('[CALDER][NLM-TB] adjacency → PubMed proximity (adjN = N-1 words between)', () => {
  assert.equal(ovid('(heart adj3 failure).ti,ab.'), '"heart failure"[tiab:~2]');
  assert.equal(ovid('(heart adj failure).ti.'), '"heart failure"[ti]');
  assert.equal(ovid('((heart or cardiac) adj2 failure).ti,ab.'), '"heart failure"[tiab:~1] OR "cardiac failure"[tiab:~1]');
  assert.equal(ovid('(cardiac$ adj3 failure).ti,ab.'), 'cardiac*[tiab] AND failure[tiab]'); // PubMed proximity takes no truncation
});

test('[OVID-DG] frequency, line references and combinations', () => {
  assert.equal(ovid('pain.ab./freq=2'), 'pain[ab]');
  const two = translateStrategy('1 pain.ti.\n2 ache.ti.\n3 or/1-2\n4 and/1,3\n5 1 not 2', 'pubmed');
  assert.deepEqual(two.lines.map((l) => l.translated), ['pain[ti]', 'ache[ti]', '#1 OR #2', '#1 AND #3', '#1 NOT #2']);
});

test('[OVID-DG] limits → PubMed', () => {
  const r = translateStrategy([
    '1 pain.ti.',
    '2 limit 1 to english language',
    '3 limit 1 to (english language and humans)',
    '4 limit 1 to yr="2000 -Current"',
    '5 limit 1 to ed=19400101-20100114',
    '6 limit 1 to "all child (0 to 18 years)"',
    '7 limit 1 to abstracts',
    '8 limit 1 to last 5 years',
    '9 limit 1 to "therapy (maximizes sensitivity)"',
    '10 limit 1 to (english or french)',
    '11 limit 1 to latest update',
    '12 limit 1 to animals',
    '13 limit 1 to dt=20200101-20201231',
  ].join('\n'), 'pubmed');
  assert.deepEqual(r.lines.map((l) => l.translated).slice(1), [
    '#1 AND english[la]',
    '#1 AND english[la] AND "humans"[mh]',
    '#1 AND 2000:3000[dp]',
    '#1 AND 1940/01/01:2010/01/14[edat]',
    '#1 AND allchild[filter]',
    '#1 AND hasabstract',
    '#1 AND "last 5 years"[dp]',
    '#1 AND Therapy/broad[filter]',
    '#1 AND (english[la] OR french[la])',
    '#1',
    '#1 AND "animals"[mh:noexp]',
    '#1 AND 2020/01/01:2020/12/31[crdt]',
  ]);
  assert.equal(r.lines[10]?.notes[0]?.exactness, 'dropped');
  assert.match(r.lines[10]?.notes[0]?.reason ?? '', /load dates/);
});

test('[PM-HELP][NLM-TB] PubMed → Ovid, element by element', () => {
  assert.equal(pubmed('pain[tiab]'), 'pain.ti,ab.');
  assert.equal(pubmed('"heart failure"[mh]'), 'exp heart failure/');
  assert.equal(pubmed('"heart failure"[mh:noexp]'), 'heart failure/');
  assert.equal(pubmed('"heart failure"[majr]'), 'exp *heart failure/');
  assert.equal(pubmed('"heart failure"[majr:noexp]'), '*heart failure/');
  assert.equal(pubmed('"Heart Failure/drug therapy"[mh]'), 'exp Heart Failure/dt');
  assert.equal(pubmed('"drug therapy"[sh:noexp]'), 'dt.fs.');
  assert.equal(pubmed('"heart failure"[tiab:~2]'), '(heart adj3 failure).ti,ab.');
  assert.equal(pubmed('therap*[tiab]'), 'therap$.ti,ab.');
  assert.equal(pubmed('english[la]'), 'english.lg.');
  assert.equal(pubmed('review[pt]'), 'review.pt.');
  assert.equal(pubmed('pain[tw]'), 'pain.mp.');
  assert.equal(pubmed('pain[all]'), 'pain.af.');
  assert.equal(pubmed('pain'), 'pain.mp.');
  const lim = translateStrategy('#1 pain[ti]\n#2 #1 AND english[la] AND humans[mh]\n#3 #2 AND 2000:3000[dp]', 'ovid');
  assert.deepEqual(lim.lines.map((l) => l.translated), ['pain.ti.', 'limit 1 to (english language and humans)', 'limit 2 to yr="2000 - current"']);
});

test('the README table lists every Ovid limit the code knows, with the same PubMed form', async () => {
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { REPO_ROOT } = await import('../../../test/helpers/shared.js');
  const { LIMITS } = await import('./limit-table.js');
  const readme = readFileSync(join(REPO_ROOT, 'main', 'engine', 'strategy', 'README.md'), 'utf8');
  for (const d of LIMITS) {
    const row = readme.split('\n').find((l) => l.startsWith(`| \`${d.names[0]}\``));
    assert.ok(row, d.names[0]);
    if (d.pubmed) assert.ok(row.includes(d.pubmed.replace(/\|/g, '\\|')), `${d.names[0]} → ${d.pubmed}`);
    assert.ok(row.includes(d.exactness === 'dropped' ? 'not translatable' : d.exactness));
  }
});

test('[OVID-DG] "remove duplicates from N" names a line, with or without a trailing hit count', () => {
  for (const text of ['1. exp Heart Failure/\n2. remove duplicates from 1', '1. exp Heart Failure/ 1234\n2. remove duplicates from 1 987']) {
    const r = translateStrategy(text, 'pubmed', 'ovid');
    assert.ok(r.ok, JSON.stringify(r.lines.map((l) => l.errors)));
    assert.equal(r.lines[1]?.translated, '#1', text);
  }
});
