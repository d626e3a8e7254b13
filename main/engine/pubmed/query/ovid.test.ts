/**
 * Ovid MEDLINE lines and strategies (28 of the 30 CLEF TAR 2017 topics) pasted where a PubMed query is
 * expected, translated by ../../strategy (the one Ovid reader):
 * subject headings, subheadings, field suffixes, truncation, adjacency, set combinations, limits,
 * and errors at offsets in the whole strategy.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkQuery } from './index.js';

/** The PubMed form of the last line of a two-line strategy `<line>\n1` (so it is read as Ovid). */
function line(ovid: string): string {
  const r = checkQuery(`${ovid}\nor/1`);
  assert.ok(r.ok, `${ovid}: ${JSON.stringify(!r.ok && r.errors)}`);
  assert.equal(r.dialect, 'ovid');
  return r.normalized;
}

test('subject headings: exp X/, X/, *X/, X/di, pa and the display notes after them', () => {
  assert.equal(line('exp Glaucoma/'), '"Glaucoma"[mh]');
  assert.equal(line('Optic Disk/'), '"Optic Disk"[mh:noexp]');
  assert.equal(line('Exp Leishmaniasis, visceral/'), '"Leishmaniasis, visceral"[mh]');
  assert.equal(line('exp *Lung Neoplasms/'), '"Lung Neoplasms"[majr]');
  assert.equal(line('*cerebral hemorrhage/di, pa'), '"cerebral hemorrhage/diagnosis"[majr:noexp] OR "cerebral hemorrhage/pathology"[majr:noexp]');
  assert.equal(line('exp Dementia/bl, cf [Blood, Cerebrospinal Fluid]'), '"Dementia/blood"[mh] OR "Dementia/cerebrospinal fluid"[mh]');
  assert.equal(line('exp "International Classification of Diseases"/'), '"International Classification of Diseases"[mh]');
  assert.equal(line('Adult/ or Middle Aged/'), '"Adult"[mh:noexp] OR "Middle Aged"[mh:noexp]');
});

test('field suffixes: .tw. .ti,ab. .mp. .sh. .pt. .rn .fs. .ed. .tw,ot.; the suffix binds to what precedes it', () => {
  assert.equal(line('glaucoma$.tw.'), 'glaucoma*[tiab]');
  assert.equal(line('kala-azar.ti,ab'), 'kala-azar[tiab]');
  assert.equal(line('(OHT or IOP).tw.'), 'OHT[tiab] OR IOP[tiab]');
  assert.equal(line('K39 Or rK39.ti,ab'), 'K39[tw] OR rK39[tiab]');
  assert.equal(line('(transient elastograph* or fibroscan).mp. [mp=title, abstract]'), '"transient elastograph*"[tw] OR fibroscan[tw]');
  assert.equal(line('(animals not (humans and animals)).sh.'), '"animals"[mh:noexp] NOT ("humans"[mh:noexp] AND "animals"[mh:noexp])');
  assert.equal(line('case reports.pt.'), '"case reports"[pt]');
  assert.equal(line('"K39 antigen, Leishmania".rn'), '"K39 antigen, Leishmania"[rn]');
  assert.equal(line('(cf or di).fs.'), '"cerebrospinal fluid"[sh:noexp] OR "diagnosis"[sh:noexp]');
  assert.equal(line('(2012* or 2013*).ed.'), '2012[edat] OR 2013[edat]');
  assert.equal(line('lumenoscop$.tw,ot.'), 'lumenoscop*[tiab] OR lumenoscop*[tt]');
  assert.equal(line('h?emorrhage$.tw.'), 'hemorrhage*[tiab]');
});

test('adjacency: plain words in title/abstract become PubMed proximity; anything else AND, with a warning', () => {
  assert.equal(line('(optic adj3 nerve).tw.'), '"optic nerve"[tiab:~2]');
  assert.equal(line('(retinal adj2 nerve adj2 fiber adj2 layer).tw.'), '"retinal nerve fiber layer"[tiab:~1]');
  assert.equal(line('(oral adj mucosa).ti.'), '"oral mucosa"[ti]');
  assert.equal(line('(neurofibril$ adj3 tangle$).ti,ab.'), 'neurofibril*[tiab] AND tangle*[tiab]');
  assert.equal(line('(operation$ adj3 criteri$).mp.'), 'operation*[tw] AND criteri*[tw]');
  const s = '((a or b) adj3 c).tw.\n1';
  const r = checkQuery(s);
  assert.ok(r.ok);
  assert.equal(r.normalized, '"a c"[tiab:~2] OR "b c"[tiab:~2]');
});

test('combinations: n and m, or/1-3, and/1,3, or/1-2,4 and limit N to humans', () => {
  const s = 'exp Glaucoma/\nglaucoma$.tw.\nor/1-2\nexp humans/\n3 and 4\nand/1,2\nor/5-6,1\nLimit 7 to humans';
  const r = checkQuery(s);
  assert.ok(r.ok, JSON.stringify(!r.ok && r.errors));
  assert.equal(r.kind, 'strategy');
  assert.equal(r.normalized,
    '"Glaucoma"[mh] OR glaucoma*[tiab] AND "humans"[mh] OR ("Glaucoma"[mh] AND glaucoma*[tiab]) OR "Glaucoma"[mh] AND "humans"[mh]');
  assert.deepEqual(r.warnings, []);
});

test('Ovid errors and references are reported at their offsets in the whole strategy', () => {
  const s = 'exp Glaucoma/\nx.zz.\n1 or 4\nglaucoma.tw.\n5 and 1';
  const r = checkQuery(s);
  assert.ok(!r.ok);
  assert.equal(r.dialect, 'ovid');
  assert.deepEqual(r.errors, [
    { message: 'refers to line 4, which comes later', offset: s.indexOf('4\n') },
    { message: 'line 5 refers to itself', offset: s.lastIndexOf('5') },
  ]);
  assert.ok(r.warnings.some((w) => w.message.startsWith('unknown Ovid field code .zz.') && w.offset === s.indexOf('.zz.')));
  const lim = 'a.tw.\nlimit 1 to yr=2000';
  const l = checkQuery(lim);
  assert.equal(l.ok && l.normalized, 'a[tiab] AND 2000[dp]');
  const later = 'a.tw.\nlimit 3 to humans\nb.tw.';
  const u = checkQuery(later);
  assert.ok(!u.ok && u.errors.length > 0 && u.errors.every((e) => e.offset >= later.indexOf('limit')), JSON.stringify(u));
});

test('one Ovid reader: checkQuery gives the PubMed query strategy/ translates, line trees included', () => {
  const s = '1. exp Heart Failure/\n2. (cardiac adj2 failure).tw.\n3. or/1-2\n4. limit 3 to english language';
  const r = checkQuery(s);
  assert.ok(r.ok, JSON.stringify(!r.ok && r.errors));
  assert.equal(r.dialect, 'ovid');
  assert.equal(r.kind, 'strategy');
  assert.deepEqual((r.lines ?? []).map((l) => `${l.label}:${l.kind}:${l.tree ? 'tree' : '-'}`), ['1:query:tree', '2:query:tree', '3:combination:tree', '4:combination:tree']);
});
