/**
 * Every construct on ClinicalTrials.gov's "Constructing Complex Search Queries" page
 * (../shared/clinicaltrials/api-v2/docs/query-instruction.md), with the page's own examples: each
 * parses, prints canonically, and the printed form parses to the same tree (a fixed point).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkEssie, stripEssieOffsets, type EssieNode } from './index.js';

/** [construct, the page's example, the canonical form]. */
const EXAMPLES: Array<[string, string, string]> = [
  ['OR', 'youth OR teen', 'youth OR teen'],
  ['AND', 'heart AND attack', 'heart AND attack'],
  ['NOT (unary, after a term)', 'bethesda NOT maryland', 'bethesda AND NOT maryland'],
  ['quoted phrase', '"back pain"', '"back pain"'],
  ['parentheses', '(acetaminophen OR aspirin) AND NOT (heart failure OR heart attack)', '(acetaminophen OR aspirin) AND NOT (heart failure OR heart attack)'],
  ['COVERAGE', 'COVERAGE[FullMatch]pain', 'COVERAGE[FullMatch]pain'],
  ['EXPANSION', 'EXPANSION[None]SLE', 'EXPANSION[None]SLE'],
  ['AREA', 'AREA[InterventionName]aspirin', 'AREA[InterventionName]aspirin'],
  ['SEARCH', 'heart attack AND SEARCH[Location](AREA[LocationCity]Portland AND AREA[LocationState]Maine)', 'heart attack AND SEARCH[Location](AREA[LocationCity]Portland AND AREA[LocationState]Maine)'],
  ['SEARCH with a multi-word value', 'heart attack AND SEARCH[Location](AREA[LocationCountry]United States AND AREA[LocationStatus]Recruiting)', 'heart attack AND SEARCH[Location](AREA[LocationCountry]United States AND AREA[LocationStatus]Recruiting)'],
  ['AREA without SEARCH', 'heart attack AND AREA[LocationCountry]United States AND AREA[LocationStatus]Recruiting', 'heart attack AND AREA[LocationCountry]United States AND AREA[LocationStatus]Recruiting'],
  ['MISSING', 'AREA[ResultsFirstPostDate]MISSING', 'AREA[ResultsFirstPostDate]MISSING'],
  ['RANGE', 'AREA[ResultsFirstPostDate]RANGE[01/01/2015, MAX]', 'AREA[ResultsFirstPostDate]RANGE[01/01/2015, MAX]'],
  ['RANGE with units', 'AREA[MinimumAge]RANGE[21 years,MAX]', 'AREA[MinimumAge]RANGE[21 years, MAX]'],
  ['RANGE of ISO dates', 'AREA[StartDate]RANGE[2025-03-20, 2025-03-31]', 'AREA[StartDate]RANGE[2025-03-20, 2025-03-31]'],
  ['DISTANCE in miles', 'AREA[LocationGeoPoint] DISTANCE[39.0019296, -77.1044561, 25mi]', 'AREA[LocationGeoPoint]DISTANCE[39.0019296, -77.1044561, 25mi]'],
  ['DISTANCE in kilometres', 'AREA[LocationGeoPoint] DISTANCE[39.0019296, -77.1044561, 3.098km]', 'AREA[LocationGeoPoint]DISTANCE[39.0019296, -77.1044561, 3.098km]'],
  ['ALL', 'ALL', 'ALL'],
  ['TILT', 'TILT[StudyFirstPostDate]"heart attack"', 'TILT[StudyFirstPostDate]"heart attack"'],
  ['escaped operator', '\\MISSING', '\\MISSING'],
  ['source expression in parentheses', '(exhaustion OR sleep deprivation)', 'exhaustion OR sleep deprivation'],
  ['operator expression: NOT', 'NOT exhaustion', 'NOT exhaustion'],
  ['operator expression: EXPANSION then NOT', 'EXPANSION[Concept] NOT (exhaustion OR sleep deprivation)', 'EXPANSION[Concept]NOT (exhaustion OR sleep deprivation)'],
  ['operator expression: SEARCH with spaces after AREA', 'heart attack AND SEARCH[Location](AREA[LocationCity] Bethesda AND AREA[LocationState] Maryland)', 'heart attack AND SEARCH[Location](AREA[LocationCity]Bethesda AND AREA[LocationState]Maryland)'],
  ['AND expression with NOT', 'dizziness AND NOT exhaustion', 'dizziness AND NOT exhaustion'],
  ['AND expression of three', 'dizziness AND NOT exhaustio AND stroke', 'dizziness AND NOT exhaustio AND stroke'],
  ['OR expression', 'heart attack OR stroke', 'heart attack OR stroke'],
  ['OR of an AND', 'heart attack OR stroke OR dizziness AND shortness of breath', 'heart attack OR stroke OR dizziness AND shortness of breath'],
  ['COVERAGE with a compatible EXPANSION', 'EXPANSION[Term]COVERAGE[StartsWith]pain', 'EXPANSION[Term]COVERAGE[StartsWith]pain'],
  ['search area as AREA', 'AREA[ConditionSearch]melanoma', 'AREA[ConditionSearch]melanoma'],
  ['the biomcp fixture\'s query.term', '(AREA[EligibilityCriteria]("EGFR L858R") OR AREA[BriefTitle]("EGFR L858R") OR AREA[OfficialTitle]("EGFR L858R") OR AREA[BriefSummary]("EGFR L858R") OR AREA[Keyword]("EGFR L858R"))',
    'AREA[EligibilityCriteria]"EGFR L858R" OR AREA[BriefTitle]"EGFR L858R" OR AREA[OfficialTitle]"EGFR L858R" OR AREA[BriefSummary]"EGFR L858R" OR AREA[Keyword]"EGFR L858R"'],
];

for (const [name, input, canonical] of EXAMPLES) {
  test(`Essie ${name}: ${input}`, () => {
    const r = checkEssie(input);
    assert.ok(r.ok, JSON.stringify(!r.ok && r.errors));
    assert.equal(r.normalized, canonical);
    const again = checkEssie(r.normalized);
    assert.ok(again.ok);
    assert.deepEqual(stripEssieOffsets(again.tree), stripEssieOffsets(r.tree));
    assert.equal(again.normalized, canonical);
  });
}

const tree = (q: string): EssieNode => {
  const r = checkEssie(q);
  assert.ok(r.ok, q);
  return stripEssieOffsets(r.tree) as EssieNode;
};

test('precedence: source > NOT and context > AND > OR, as the page orders them', () => {
  assert.deepEqual(tree('a OR b AND c'), tree('a OR (b AND c)'));
  assert.notDeepEqual(tree('a OR b AND c'), tree('(a OR b) AND c'));
  assert.deepEqual(tree('NOT a AND b'), tree('(NOT a) AND b'));
  assert.deepEqual(tree('AREA[Condition]a OR b'), tree('(AREA[Condition]a) OR b'));
  assert.deepEqual(tree('heart attack'), { type: 'term', text: 'heart attack', quoted: false }, 'adjacent words are one term');
  assert.deepEqual(tree('AREA[LocationCountry]United States'), { type: 'context', op: 'AREA', param: 'LocationCountry', child: { type: 'term', text: 'United States', quoted: false } });
  assert.deepEqual(tree('RANGE[1, 5]'), { type: 'range', from: '1', to: '5' });
  assert.deepEqual(tree('DISTANCE[39.0019296, -77.1044561, 25mi]'), { type: 'distance', lat: 39.0019296, lon: -77.1044561, radius: '25mi' });
});

test('parameters are matched case-insensitively and printed in the page\'s spelling; an unknown field is a warning', () => {
  const r = checkEssie('area[condition]x');
  assert.equal(r.ok, false, 'operator names are uppercase');
  const ok = checkEssie('AREA[condition]x AND EXPANSION[concept]y AND COVERAGE[fullmatch]z AND SEARCH[location](AREA[locationcity]Oslo)');
  assert.ok(ok.ok);
  assert.equal(ok.normalized, 'AREA[Condition]x AND EXPANSION[Concept]y AND COVERAGE[FullMatch]z AND SEARCH[Location](AREA[LocationCity]Oslo)');
  const unknown = checkEssie('AREA[DesignMaskingDescription]double');
  assert.ok(unknown.ok);
  assert.deepEqual(unknown.warnings.map((w) => w.offset), [5]);
  assert.match(unknown.warnings[0]!.message, /not a search area or field this checker knows/);
});

test('warnings: lowercase operators, adjacency without an operator, MISSING/RANGE/DISTANCE without AREA', () => {
  const w = (q: string) => { const r = checkEssie(q); assert.ok(r.ok, q); return r.warnings.map((x) => [x.offset, x.message.slice(0, 24)]); };
  assert.deepEqual(w('heart and lung'), [[6, '"and" is searched as a w']]);
  assert.deepEqual(w('"heart attack" stroke'), [[15, 'no operator before this:']]);
  assert.deepEqual(w('bethesda NOT maryland'), [], 'the page\'s own NOT example needs no AND');
  assert.deepEqual(w('MISSING'), [[0, 'MISSING applies to a sea']]);
  assert.deepEqual(w('AREA[Condition]DISTANCE[1, 2, 5km]'), [[15, 'DISTANCE[…] needs a GeoP']]);
});
