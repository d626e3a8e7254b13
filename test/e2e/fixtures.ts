/**
 * Libraries and scripted servers for the browser end-to-end suite: SciFact written as Markdown
 * notes (a ≥ 10k-chunk library), a note carrying HTML and script (the injection test), an
 * Ollama-protocol server answering the pipeline's roles and the PubMed drafter, and E-utilities +
 * MeSH stand-ins with a real review topic.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hitsByQuery, loadTopic, MESH_RECORDS, respondBySample } from '../helpers/pubmed-draft-fixtures.js';
import { startMeshServer, type MeshTestServer } from '../helpers/mesh-server.js';
import { startEutilsServer, type EutilsTestServer } from '../helpers/eutils-server.js';
import { lastUserMessage, startOllamaServer, type ChatCall, type OllamaTestServer, type ScriptedReply } from '../helpers/ollama-server.js';
import { sharedDir } from '../helpers/shared.js';

/** SciFact's corpus as notes: `perFile` abstracts per Markdown file, one `##` section each. */
export function writeScifactNotes(dir: string, perFile = 100): number {
  mkdirSync(dir, { recursive: true });
  const lines = readFileSync(join(sharedDir(), 'data', 'scifact', 'corpus.jsonl'), 'utf8').split('\n').filter(Boolean);
  for (let i = 0; i < lines.length; i += perFile) {
    const docs = lines.slice(i, i + perFile).map((l) => JSON.parse(l) as { _id: string; title: string; text: string });
    const body = docs.map((d) => `## ${d.title}\n\nSciFact ${d._id}. ${d.text}\n`).join('\n');
    writeFileSync(join(dir, `scifact-${String(i / perFile).padStart(3, '0')}.md`), `# SciFact abstracts ${i + 1}–${i + docs.length}\n\n${body}`);
  }
  return lines.length;
}

export const INJECTION_MARKER = 'quokka-injection-probe';

/** A note whose text is HTML and script: it must show as text and run nothing. */
export function writeInjectionNote(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'hostile.md');
  writeFileSync(path, [
    '# Hostile note',
    '',
    `This ${INJECTION_MARKER} paragraph carries <img src=x onerror="window.__pwned='img'"> and`,
    `<script>window.__pwned='script'</script> and <a href="javascript:window.__pwned='link'">a link</a> inside it.`,
    '',
    `<iframe src="javascript:window.__pwned='iframe'"></iframe> [click](javascript:window.__pwned='md') ${INJECTION_MARKER} end.`,
    '',
  ].join('\n'));
  return path;
}

const roleOf = (call: ChatCall): string => {
  const m = lastUserMessage(call);
  if (m.includes('Review question:') || call.messages.some((x) => x.role === 'system' && /PubMed/i.test(x.content) && /Boolean/i.test(x.content))) return 'draft';
  if (m.startsWith('Rate how helpful')) return 'judge';
  if (m.startsWith('Rewrite the search request')) return 'rewriter';
  if (m.includes('rank the documents')) return 'listwise';
  return 'expander';
};
const documentOf = (call: ChatCall) => /<document>\n([\s\S]*)\n<\/document>/.exec(lastUserMessage(call))?.[1] ?? '';

export interface Servers {
  ollama: OllamaTestServer;
  eutils: EutilsTestServer;
  mesh: MeshTestServer;
  topic: ReturnType<typeof loadTopic>;
  close(): Promise<void>;
}

/** Ollama answers every role (the judge favours passages about vitamin D, with a reason); PubMed serves topic 43. */
export async function startServers(): Promise<Servers> {
  const ollama = await startOllamaServer({ models: ['qwen3:4b'] });
  const draft = respondBySample();
  ollama.respond((call): ScriptedReply => {
    switch (roleOf(call)) {
      case 'draft': return draft(call);
      case 'judge': {
        const doc = documentOf(call).toLowerCase();
        const hit = doc.includes('vitamin d');
        return { json: { score: hit ? 9 : 2, reason: hit ? 'States the vitamin D finding directly.' : 'Does not address vitamin D.' }, delayMs: 15 };
      }
      case 'rewriter': return { content: '<think>keywords</think><answer>{"query": "vitamin D deficiency cancer risk"}</answer>' };
      case 'listwise': return { content: '[]' };
      default: return { content: '<think>what would answer it</think>Vitamin D (calciferol) deficiency and cancer incidence; serum 25-hydroxyvitamin D levels and tumour risk in cohort studies.', delayMs: 30 };
    }
  });
  const topic = loadTopic('43');
  const byQuery = hitsByQuery(topic.included_pmids);
  const clauseHits = (term: string) => Array.from({ length: 10 * term.length }, (_, i) => String(30_000_000 + i));
  // Records for the seeds and the first hits of each drafted query, so a search lists real records.
  const ids = [...topic.included_pmids, ...[...byQuery.values()].flatMap((list) => list.slice(0, 60))];
  const records = [...new Set(ids)].map((pmid, i) => ({
    pmid,
    title: `${i % 3 === 0 ? 'Occult papillary thyroid carcinoma' : 'Thyroid cancer'} found at autopsy: series ${i + 1}`,
    abstract: `Autopsy series ${i + 1} of thyroid glands examined post mortem for differentiated thyroid cancer.`,
    authors: [{ last: 'Rivera', fore: 'Ana', initials: 'A' }, { last: 'Okafor', fore: 'Chidi', initials: 'C' }],
    journal: 'Thyroid', year: 1960 + (i % 60), doi: `10.1089/thy.${1000 + i}`,
  }));
  const eutils = await startEutilsServer({ records, search: (term) => byQuery.get(term) ?? clauseHits(term) });
  const mesh = await startMeshServer(MESH_RECORDS, eutils.url);
  return {
    ollama, eutils, mesh, topic,
    async close() { await ollama.close(); await mesh.close(); await eutils.close(); },
  };
}
