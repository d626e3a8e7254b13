/**
 * Test fixtures for drafting trial searches: a real patient topic from TrialGPT's SIGIR set
 * (../shared/clinicaltrials/eval/trialgpt/sigir: the description as the question, its "highly
 * likely to refer" trials, score 2, as seeds), scripted replies in DeepRetrieval's format (plain,
 * per search area, repeated answer tags, invalid Essie, no answer, a duplicate), and the ids the
 * registry stand-in returns for each search.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDir } from './shared.js';

export interface PatientTopic { id: string; text: string; seeds: string[] }

export function loadPatient(id: string): PatientTopic {
  const dir = join(sharedDir(), 'clinicaltrials', 'eval', 'trialgpt', 'sigir');
  const q = readFileSync(join(dir, 'queries.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { _id: string; text: string }).find((x) => x._id === id);
  if (!q) throw new Error(`${id} is not in the SIGIR topics`);
  const seeds = readFileSync(join(dir, 'qrels', 'test.tsv'), 'utf8').split('\n').slice(1).map((l) => l.split('\t'))
    .filter((c) => c[0] === id && c[2] === '2').map((c) => c[1]!);
  return { id, text: q.text, seeds };
}

/** The searches as sent (canonical Essie), per area. */
export const SENT = {
  A: { term: '("chest pain" OR "acute coronary syndrome") AND hypertension' },
  B: { term: '"chest pain"', cond: 'acute coronary syndrome OR myocardial infarction' },
  C: { term: 'AREA[Condition]"chest pain"' },
  D: { term: 'AREA[Condition]"acute coronary syndrome" AND AREA[Condition]hypertension' },
};

const think = '<think>A woman with new exertional chest pain, hypertension and obesity: a suspected acute coronary syndrome.</think>\n';
const answer = (o: object) => `<answer>${JSON.stringify(o)}</answer>`;

export const TRIAL_REPLIES: string[] = [
  // 0: DeepRetrieval's format, one expression
  `${think}${answer({ query: '("chest pain" OR "acute coronary syndrome") AND hypertension' })}`,
  // 1: one expression per search area
  `${think}${answer({ cond: 'acute coronary syndrome OR myocardial infarction', term: '"chest pain"' })}`,
  // 2: two answers; the last counts
  `${think}${answer({ query: 'chest' })} Too broad; better: ${answer({ query: 'AREA[condition]"chest pain"' })}`,
  // 3: invalid Essie (a parenthesis never closed)
  `${think}${answer({ query: '(chest pain AND hypertension' })}`,
  // 4: no answer
  'I cannot help with that.',
  // 5: sample 0's search again, written otherwise
  `${think}${answer({ query: '( "chest pain"  OR "acute coronary syndrome" ) AND hypertension' })}`,
  // 6
  `${think}${answer({ query: 'AREA[Condition]"acute coronary syndrome" AND AREA[Condition]hypertension' })}`,
];

const fake = (base: number, n: number) => Array.from({ length: n }, (_, i) => `NCT${String(base + i).padStart(8, '0')}`);

/** `count` ids: `within` spread over positions `at(i)`, `late` after the 1,000th. */
export function hits(count: number, base: number, within: readonly string[], at: (i: number) => number, late: readonly string[] = []): string[] {
  const ids = fake(base, count);
  within.forEach((s, i) => { ids[at(i)] = s; });
  late.forEach((s, i) => { ids[1000 + i] = s; });
  return ids;
}
