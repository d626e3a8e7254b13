/**
 * Test fixtures for drafting: a real systematic-review topic from ../shared/pubmed (its title as
 * the question, its included PMIDs as seeds), scripted model replies in DeepRetrieval's format
 * (plain, repeated answer tags, a code fence, unescaped quotes, invalid syntax, no answer at all),
 * the PubMed hits for each drafted query, and MeSH records for the MeSH stand-in.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChatCall, ScriptedReply } from './ollama-server.js';
import { sharedDir } from './shared.js';
import type { MeshFixture } from './mesh-server.js';

export interface Topic { id: string; title: string; pubmed_boolean_query: string; included_pmids: string[] }

export function loadTopic(id: string): Topic {
  const all = readFileSync(join(sharedDir(), 'pubmed', 'SAMPLE_5_topics.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Topic);
  const t = all.find((x) => x.id === id);
  if (!t) throw new Error(`topic ${id} is not in SAMPLE_5_topics.jsonl`);
  return t;
}

/** The queries as sent to PubMed (every group in parentheses). */
export const SEARCHED = {
  A: '"thyroid cancer"[tiab] AND autopsy[tiab] AND "Occult Thyroid Cancer"[mh]',
  B: '("Thyroid Neoplasms"[mh] OR thyroid carcinoma*[tiab] OR "thyroid cancer"[tiab]) AND (autopsy[mh] OR autops*[tiab] OR postmortem[tiab] OR "post mortem"[tiab])',
  C: '("Thyroid Neoplasms"[mh] OR "thyroid carcinoma"[tiab]) AND (Autopsy[mh] OR autops*[tiab])',
  D: '"Thyroid Neoplasms"[mh] AND autopsy[mh] AND prevalence[tiab]',
};

const answer = (query: string) => `<answer>${JSON.stringify({ query })}</answer>`;
const think = '<think>The review pools autopsy series of thyroid cancer: two concepts, thyroid cancer and autopsy.</think>\n';

/** The model's reply for each sample (0-based). */
export const REPLIES: string[] = [
  // 0: plain DeepRetrieval format
  `${think}${answer('"thyroid cancer"[tiab] AND autopsy[tiab] AND "Occult Thyroid Cancer"[mh]')}`,
  // 1: two answers; the last one counts
  `${think}${answer('thyroid AND autopsy')} That is too narrow; broader: ${answer('("Thyroid Neoplasms"[mh] OR thyroid carcinoma*[tiab] OR "thyroid cancer"[tiab]) AND (autopsy[mh] OR autops*[tiab] OR postmortem[tiab] OR "post mortem"[tiab])')}`,
  // 2: JSON in a code fence inside the answer, long tag names
  `${think}<answer>\n\`\`\`json\n${JSON.stringify({ query: '("Thyroid Neoplasms"[Mesh] OR "thyroid carcinoma"[Title/Abstract]) AND (Autopsy[MeSH Terms] OR autops*[tiab])' })}\n\`\`\`\n</answer>`,
  // 3
  `${think}${answer('"Thyroid Neoplasms"[mh] AND autopsy[mh] AND prevalence[tiab]')}`,
  // 4: invalid PubMed syntax (a parenthesis never closed)
  `${think}${answer('("thyroid cancer"[tiab] AND autopsy[tiab]')}`,
  // 5: no answer at all
  'I am sorry, but I cannot help with writing that search.',
  // 6: sample 0's query again, in other words and with unescaped quotes in the JSON
  `${think}<answer>{"query": "("thyroid cancer"[Title/Abstract] AND autopsy[tiab]) AND ("Occult Thyroid Cancer"[MeSH])"}</answer>`,
];

/** Responds by the request's sample (Ollama's seed is 1000 + sample). */
export function respondBySample(replies: readonly string[] = REPLIES): (call: ChatCall) => ScriptedReply {
  return (call) => {
    const sample = Number(call.options?.seed) - 1000;
    const content = replies[sample];
    return content === undefined ? { status: 400, error: `no scripted reply for sample ${sample}` } : { content, promptTokens: 300, completionTokens: 60 };
  };
}

/** `count` ids: the seeds spread over the first min(count, 3,000), `late` ones after the 3,000th. */
export function hits(count: number, seeds: readonly string[], base: number, late: readonly string[] = []): string[] {
  const ids = Array.from({ length: count }, (_, i) => String(base + i));
  const within = Math.min(count, 3000);
  seeds.forEach((s, i) => { ids[Math.floor((i * within) / seeds.length)] = s; });
  late.forEach((s, i) => { ids[3000 + i] = s; });
  return ids;
}

/** Recalls 1, 26/34, 0.5 and 0.5; the two halves differ in count (1,500 and 5,900 records). */
export function hitsByQuery(seeds: readonly string[]): Map<string, string[]> {
  return new Map([
    [SEARCHED.B, hits(5200, seeds, 41_000_000)],
    [SEARCHED.C, hits(2400, seeds.slice(0, 26), 42_000_000)],
    [SEARCHED.D, hits(5900, seeds.slice(0, 17), 43_000_000, seeds.slice(17, 22))],
    [SEARCHED.A, hits(1500, seeds.slice(17), 44_000_000)],
  ]);
}

export const MESH_RECORDS: MeshFixture[] = [
  { uid: '68013964', ui: 'D013964', name: 'Thyroid Neoplasms', entryTerms: ['Thyroid Cancer', 'Cancer of Thyroid', 'Thyroid Carcinoma'] },
  { uid: '68001344', ui: 'D001344', name: 'Autopsy', entryTerms: ['Autopsies', 'Postmortem Examination'] },
  { uid: '68015995', ui: 'D015995', name: 'Prevalence' },
  { uid: '67999001', ui: 'C999001', name: 'Thyroid cancer, occult, familial', type: 'supplemental-record' },
];
