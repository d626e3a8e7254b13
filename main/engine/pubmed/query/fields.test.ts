/** Field tags: every spelling in the data set resolves; unknown tags and misused modifiers do not. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fieldName, fieldTags, isDateField, resolveTag } from './fields.js';

test('the spellings used by the 70 real queries resolve to canonical short tags', () => {
  const cases: Record<string, string> = {
    tiab: 'tiab', 'Title/Abstract': 'tiab', MeSH: 'mh', Mesh: 'mh', MESH: 'mh', 'MeSH Terms': 'mh', 'mesh:noexp': 'mh:noexp',
    ti: 'ti', pt: 'pt', 'Publication Type': 'pt', tw: 'tw', sh: 'sh', Subheading: 'sh', 'Supplementary Concept': 'nm',
    nm: 'nm', majr: 'majr', 'Pharmacological Action': 'pa', jour: 'ta', journal: 'ta',
  };
  for (const [spelling, tag] of Object.entries(cases)) assert.deepEqual(resolveTag(spelling), { ok: true, field: tag }, spelling);
});

test('the tags of the brief, by short and long name', () => {
  for (const tag of ['tiab', 'ti', 'ab', 'tw', 'mh', 'majr', 'sh', 'pt', 'au', '1au', 'lastau', 'fau', 'la', 'dp', 'edat', 'mhda', 'crdt',
    'pdat', 'sb', 'all', 'ta', 'nm', 'ot', 'rn', 'pmid', 'ad', 'gr', 'is', 'vi', 'ip', 'pg', 'si', 'ps', 'tt', 'filter']) {
    assert.deepEqual(resolveTag(tag.toUpperCase()), { ok: true, field: tag }, tag);
    const name = fieldName(tag);
    assert.ok(name, tag);
    assert.deepEqual(resolveTag(name), { ok: true, field: tag }, name);
    assert.ok(fieldTags().includes(tag));
  }
  assert.deepEqual(resolveTag('lang'), { ok: true, field: 'la' });
  assert.deepEqual(resolveTag('uid'), { ok: true, field: 'pmid' });
  assert.deepEqual(resolveTag('majr:noexp'), { ok: true, field: 'majr:noexp' });
  assert.deepEqual(resolveTag(' MeSH Major Topic : noexp '), { ok: true, field: 'majr:noexp' });
  assert.equal(fieldName('mh:noexp'), 'MeSH Terms:noexp');
});

test('modifiers: :noexp on [mh]/[majr]/[sh], :~N on [ti]/[tiab]/[ad]', () => {
  assert.deepEqual(resolveTag('tiab:~3'), { ok: true, field: 'tiab', proximity: 3 });
  assert.deepEqual(resolveTag('Affiliation:~45'), { ok: true, field: 'ad', proximity: 45 });
  assert.equal(resolveTag('tw:~3').ok, false);
  assert.equal(resolveTag('tiab:noexp').ok, false);
  assert.equal(resolveTag('mh:explode').ok, false);
});

test('unknown tags are errors naming the tag; date fields are known', () => {
  assert.deepEqual(resolveTag('badtag'), { ok: false, message: 'unknown field tag [badtag]' });
  assert.deepEqual(resolveTag('123I'), { ok: false, message: 'unknown field tag [123I]' });
  assert.ok(isDateField('dp') && isDateField('edat') && isDateField('pdat') && !isDateField('tiab') && !isDateField(null));
});
