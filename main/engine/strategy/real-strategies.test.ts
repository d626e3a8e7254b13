/**
 * Real strategies: the 19 published strategies in test/fixtures/strategies (Cochrane appendices and
 * journal supplements, sources in sources.json; none from CLEF TAR) and the 70 in ../shared/pubmed.
 * Every Ovid MEDLINE / PubMed one is accepted (translated, possibly with warnings), the others are
 * recognised as their database; the PubMed translations are valid PubMed for the PubMed checker;
 * and Ovid → PubMed → Ovid gives back the same meaning for every line PubMed expresses exactly.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { meaning } from './ast.js';
import { checkQuery } from '../pubmed/query/index.js';
import { clefQueries, sysrevQueries } from '../../../test/helpers/shared-queries.js';
import { parseStrategy } from './strategy.js';
import { asText, realStrategies } from '../../../test/helpers/real-strategies.js';
import { translateStrategy } from './translate.js';

test('19 published strategies beyond the 70: 15 translated, 4 recognised as CINAHL / Embase.com / Cochrane Library', () => {
  const all = realStrategies();
  assert.equal(all.length, 19);
  let translated = 0;
  let recognised = 0;
  for (const s of all) {
    const r = translateStrategy(s.text, 'pubmed');
    assert.equal(r.database, s.database, s.file);
    if (s.expect === 'translated') {
      assert.ok(r.ok, `${s.file}: ${JSON.stringify(r.lines.flatMap((l) => l.errors).filter((e) => e.severity === 'error'))}`);
      const q = checkQuery(r.query as string);
      assert.ok(q.ok, `${s.file}: its PubMed query is valid PubMed: ${JSON.stringify(!q.ok && q.errors)}`);
      translated++;
    } else {
      assert.ok(!r.ok && r.diagnostics.length === 1, s.file);
      recognised++;
    }
  }
  assert.deepEqual([translated, recognised], [15, 4]);
});

test('the 70 strategies of ../shared/pubmed (30 CLEF TAR 2017, 40 sysrev as published) are all translated to valid PubMed', () => {
  const qs = [...clefQueries(), ...sysrevQueries().filter((q) => q.name.endsWith(' query'))];
  assert.equal(qs.length, 70);
  for (const q of qs) {
    const r = translateStrategy(q.text, 'pubmed');
    assert.ok(r.ok, q.name);
    assert.ok(checkQuery(r.query as string).ok, `${q.name}: valid PubMed`);
  }
});

test('Ovid → PubMed → Ovid keeps the meaning of every line PubMed expresses exactly', () => {
  const ovid = [...realStrategies().filter((s) => s.database === 'ovid-medline').map((s) => s.text), ...clefQueries().map((q) => q.text)]
    .filter((t) => parseStrategy(t).dialect === 'ovid');
  let compared = 0;
  for (const text of ovid) {
    const there = translateStrategy(text, 'pubmed');
    const back = translateStrategy(asText(there), 'ovid', 'pubmed');
    assert.ok(back.ok, JSON.stringify(back.lines.flatMap((l) => l.errors)));
    const a = parseStrategy(text);
    const b = parseStrategy(asText(back), { from: 'ovid' });
    there.lines.forEach((l, i) => {
      const exact = l.notes.every((n) => n.exactness === 'exact' || /hit count|joined|column/.test(n.reason ?? '')) && back.lines[i]?.notes.every((n) => n.exactness === 'exact');
      const x = a.lines[i]?.node;
      const y = b.lines[i]?.node;
      if (!exact || !x || !y) return;
      assert.deepEqual(meaning(y), meaning(x), `${l.source} → ${l.translated} → ${back.lines[i]?.translated}`);
      compared++;
    });
  }
  assert.ok(compared >= 300, `compared ${compared} lines`);
});
