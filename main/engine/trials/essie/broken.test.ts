/**
 * Broken variants of the syntax page's examples, each rejected with one error at the offset of what
 * is wrong, with a plain message.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkEssie } from './index.js';

/** [input, offset, a piece of the message]; the offset is marked with `^` in the comment where it helps. */
const BROKEN: Array<[string, number, RegExp]> = [
  ['', 0, /empty query/],
  ['(acetaminophen OR aspirin AND NOT (heart failure OR heart attack)', 0, /this \( is never closed/],
  ['acetaminophen OR aspirin) AND heart', 24, /this \) has no matching \(/],
  ['"back pain', 0, /unterminated quote/],
  ['heart AND', 6, /AND has no search term after it/],
  ['OR teen', 0, /OR has no search term before it/],
  ['youth OR OR teen', 6, /OR has no search term after it/],
  ['bethesda NOT', 9, /NOT has no search term after it/],
  ['AREA[InterventionName]', 0, /AREA\[…\] has no search expression after it/],
  ['AREA[Intervention Name]aspirin', 5, /not a search area or field name/],
  ['AREA[]aspirin', 5, /AREA\[\] needs a search area/],
  ['AREA[InterventionName aspirin', 4, /unterminated AREA\[/],
  ['AREA [InterventionName]aspirin', 5, /does not follow an operator/],
  ['FOO[x]aspirin', 0, /unknown operator FOO\[…\]/],
  ['heart AND area[Condition]x', 10, /operators are uppercase, write AREA\[/],
  ['COVERAGE[Partial]pain', 9, /the choices are FullMatch, StartsWith, EndsWith, Contains/],
  ['EXPANSION[Synonyms]SLE', 10, /the choices are None, Term, Concept, Relaxation, Lossy/],
  ['heart AND SEARCH[Site](AREA[LocationCity]Portland)', 17, /the choices are Study, Location/],
  ['EXPANSION[Lossy]COVERAGE[Contains]pain', 16, /EXPANSION\[Lossy\] cannot be used with a COVERAGE/],
  ['EXPANSION[Relaxation]COVERAGE[FullMatch]pain', 21, /COVERAGE\[FullMatch\] can be used only with EXPANSION\[Concept\]/],
  ['AREA[ResultsFirstPostDate]RANGE[01/01/2015]', 32, /RANGE\[…\] takes two values/],
  ['AREA[ResultsFirstPostDate]RANGE[01/01/2015, ]', 44, /RANGE\[…\] has an empty value/],
  ['AREA[EnrollmentCount]RANGE[500, 100]', 27, /the minimum is above the maximum/],
  ['AREA[ResultsFirstPostDate]RANGE[MAX, 2020-01-01]', 32, /MAX cannot be the minimum/],
  ['AREA[LocationGeoPoint]DISTANCE[139.1, -77.1, 25mi]', 31, /not a latitude/],
  ['AREA[LocationGeoPoint]DISTANCE[39.1, -77.1, 25 miles]', 44, /not a radius in mi or km/],
  ['AREA[LocationGeoPoint]DISTANCE[39.1, -77.1, 900km]', 44, /at most 805 km/],
  ['AREA[LocationGeoPoint]DISTANCE[39.1, -77.1, 0.5mi]', 44, /at least 1 mi/],
  ['AREA[LocationGeoPoint]DISTANCE[39.1, 25mi]', 31, /takes latitude, longitude and radius/],
  ['heart ()', 6, /empty parentheses/],
  ['heart ] attack', 6, /this \] has no matching \[/],
];

for (const [input, offset, message] of BROKEN) {
  test(`rejected at ${offset}: ${JSON.stringify(input)}`, () => {
    const r = checkEssie(input);
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.equal(r.errors.length, 1, JSON.stringify(r.errors));
    assert.equal(r.errors[0]!.offset, offset, r.errors[0]!.message);
    assert.match(r.errors[0]!.message, message);
  });
}
