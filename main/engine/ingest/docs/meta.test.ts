import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import type { HtmlNode } from './builder.js';
import { readMeta } from './meta.js';

const doc = (head: string) => parseHTML(`<html><head>${head}</head><body></body></html>`).document as unknown as { querySelectorAll(s: string): ArrayLike<HtmlNode> };

test('citation_* wins over Dublin Core; several citation_author tags are several authors', () => {
  const m = readMeta(doc(`<meta name="DC.title" content="DC title"><meta name="citation_title" content="Highwire title">
    <meta name="citation_author" content="Smith, Jane"><meta name="citation_author" content="Doe, John">
    <meta name="citation_publication_date" content="2014/03/02"><meta name="citation_doi" content="https://doi.org/10.1042/CS20130369.">`));
  assert.equal(m.title, 'Highwire title');
  assert.deepEqual(m.authors, ['Smith, Jane', 'Doe, John']);
  assert.equal(m.year, 2014);
  assert.equal(m.doi, '10.1042/cs20130369');
});

test('Dublin Core alone: title, creators, date, DOI from DC.identifier; names are case-insensitive', () => {
  const m = readMeta(doc(`<meta name="dc.Title" content="A DC page"><meta name="DC.creator" content="Ada Lovelace">
    <meta name="DC.creator" content="Alan Turing"><meta name="dcterms.date" content="1950-10-01">
    <meta name="DC.identifier" content="urn:isbn:123"><meta name="DC.identifier" content="doi:10.1093/mind/LIX.236.433">`));
  assert.equal(m.title, 'A DC page');
  assert.deepEqual(m.authors, ['Ada Lovelace', 'Alan Turing']);
  assert.equal(m.year, 1950);
  assert.equal(m.doi, '10.1093/mind/lix.236.433');
});

test('no metadata: nulls, not guesses', () => {
  const m = readMeta(doc('<meta name="viewport" content="width=device-width">'));
  assert.deepEqual([m.title, m.authors, m.year, m.doi], [null, [], null, null]);
});
