import assert from 'node:assert/strict';
import { test } from 'node:test';
import { frontMatterParagraph, isFrontMatter } from './front-matter.js';

const TITLE_BLOCK = [
  'Research Article',
  'Patient Experiences of Structured Heart Failure Programmes',
  'Nuala E. Tully, Karen M. Morgan, Helen M. Burke, and Hannah M. McGee',
  'Division of Population Health Sciences, Department of Psychology, Royal College of Surgeons in Ireland, 123 St. Stephen’s Green, Dublin 2, Ireland',
  'Correspondence should be addressed to Helen M. Burke, helenburke1@rcsi.ie',
  'Received 9 November 2010; Accepted 25 December 2010',
  'Objectives. Patient experiences of structured heart failure rehabilitation and their views on the important components were examined.',
].join('\n\n');

const PROSE = 'Focus groups were conducted with fifteen participants attending one of two heart failure rehabilitation programmes. '
  + 'Participants valued the education they received and the support of the staff, and they described how the programme changed the way they lived with the condition.';

test('paragraphs of names, affiliations, e-mails and publication headers are front matter; prose is not', () => {
  assert.ok(frontMatterParagraph('Kyle Lo†∗ Lucy Lu Wang†∗ Mark Neumann† Rodney Kinney†'));
  assert.ok(frontMatterParagraph('{kylel, lucyw}@allenai.org'));
  assert.ok(frontMatterParagraph('1 Bioinformatics and Molecular Evolution Group, School of Biotechnology, Faculty of Science and Health, Dublin City University, Dublin, Ireland'));
  assert.ok(frontMatterParagraph('Clinical Science (2014) 126, 305–313 (Printed in Great Britain) doi: 10.1042/CS20130403'));
  assert.ok(frontMatterParagraph('Copyright © 2010 Nuala E. Tully et al. This is an open access article distributed under the Creative Commons Attribution License.'));
  assert.equal(frontMatterParagraph(PROSE), false);
  assert.equal(frontMatterParagraph('The department of the hospital reviewed the results of the study and found that the patients were satisfied with it.'), false);
});

test('a PDF\'s opening chunk made mostly of its title block is front matter; the same text later in the paper, a note, or prose is not', () => {
  const first = { kind: 'pdf', ordinal: 1, firstPage: 1 };
  assert.equal(isFrontMatter(TITLE_BLOCK, first), true);
  assert.equal(isFrontMatter(TITLE_BLOCK, { ...first, ordinal: 5 }), false, 'only the first chunks');
  assert.equal(isFrontMatter(TITLE_BLOCK, { ...first, firstPage: 2 }), false, 'only on the first page');
  assert.equal(isFrontMatter(TITLE_BLOCK, { ...first, kind: 'note' }), false, 'notes have no title pages');
  assert.equal(isFrontMatter(`Abstract\n\n${PROSE}\n\n${PROSE}`, first), false);
  assert.equal(isFrontMatter(`Patient Experiences of Heart Failure\n\n${PROSE}`, first), false, 'a title over an abstract is a passage');
  assert.equal(isFrontMatter(`${'.'.repeat(300)}\n\nInternational Psychogeriatrics (2014), 26:1, 147–154 doi:10.1017/S1041610213001804`, first), true,
    'rules of dots do not count');
});
