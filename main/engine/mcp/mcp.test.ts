/**
 * `delve mcp` as an agent uses it: started as a subprocess and driven over stdio by the SDK's own
 * Client. ../shared/pdfs is indexed first; the client lists the tools, searches (results carry file
 * and page, with progress notifications), fetches the cited page, passage and resource, and is
 * refused a write without --allow-writes and a path outside the library's folders; with
 * --allow-writes the same write goes through and reads back with its citation. Strategy translation
 * and Essie checks run offline; trials_search asks the local API v2 server ($DELVE_CTGOV_URL).
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { getDefaultEnvironment, StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ProgressNotificationSchema, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { startCtgovServer } from '../../../test/helpers/ctgov-server.js';
import { startOllamaServer } from '../../../test/helpers/ollama-server.js';
import { CLI, sharedDir, tempDir } from '../../../test/helpers/shared.js';
import { createEngine } from '../index.js';

const pdfs = join(sharedDir(), 'pdfs');
const dir = tempDir('mcp-');
const db = join(dir, 'd.db');
const clients: Client[] = [];
const TRANSLATED = '"Asthma"[mh] AND "vitamin d"[tiab]';

async function connect(...extra: string[]): Promise<Client> {
  return connectWith({}, ...extra);
}
async function connectWith(env: Record<string, string>, ...extra: string[]): Promise<Client> {
  const client = new Client({ name: 'delve-test', version: '1.0.0' });
  await client.connect(new StdioClientTransport({ command: process.execPath, args: [CLI, 'mcp', '--db', db, ...extra], stderr: 'ignore', env: { ...getDefaultEnvironment(), ...env } }));
  clients.push(client);
  return client;
}
const data = <T>(r: unknown): T => JSON.parse(((r as CallToolResult).content[0] as { text: string }).text) as T;

interface Cited { uri: string; label: string; path: string; page: number | null; pageLabel: string | null }
interface Hit { chunkId: number; docId: number; title: string | null; text: string; citation: Cited; trace: { bm25Rank: number | null; ftsQuery: string | null } }

before(async () => {
  const engine = await createEngine({ dbPath: db, workers: 2 });
  try { await engine.index([pdfs]); } finally { engine.close(); }
});
after(async () => { for (const c of clients) await c.close(); });

test('read-only server: tools, a cited search, the cited page, passage and resource; writes and outside paths refused', async () => {
  const client = await connect();
  const tools = (await client.listTools()).tools.map((t) => t.name).sort();
  assert.deepEqual(tools, ['add_evidence', 'get_chunk', 'get_page', 'list_collections', 'list_roots', 'pubmed_check', 'pubmed_draft', 'pubmed_search',
    'pubmed_translate', 'read_collection', 'search', 'trials_check', 'trials_draft', 'trials_search']);

  // Every progress notification is recorded here (the SDK's per-request onprogress drops one that
  // is still queued when the response lands); onprogress only asks the server for progress.
  const progress: string[] = [];
  client.setNotificationHandler(ProgressNotificationSchema, (n) => { progress.push(n.params.message ?? ''); });
  const res = await client.callTool({ name: 'search', arguments: { query: 'citation-informed transformers document-level representation', mode: 'bm25', k: 5 } },
    undefined, { onprogress: () => undefined });
  assert.ok(!res.isError, JSON.stringify(res.content));
  const { results } = data<{ results: Hit[] }>(res);
  const top = results[0]!;
  assert.equal(top.citation.path, join(pdfs, 'acl_2020.acl-main.207_SPECTER.pdf'), 'the result names its file');
  assert.ok(top.citation.page !== null && top.citation.page >= 1, 'and its page');
  assert.equal(top.citation.uri, `delve://document/${top.docId}#page=${top.citation.page}`);
  assert.equal(top.trace.bm25Rank, 1);
  assert.ok(top.trace.ftsQuery);
  assert.deepEqual(progress, ['searching (bm25)', `${results.length} results in ${progress[1]?.match(/in (\d+) ms/)?.[1]} ms`], 'progress: started, done');

  const page = data<{ text: string; page: number; citation: Cited }>(await client.callTool({ name: 'get_page', arguments: { docId: top.docId, page: top.citation.page } }));
  assert.equal(page.page, top.citation.page);
  assert.deepEqual(page.citation, top.citation);
  const chunk = data<{ text: string; citation: Cited }>(await client.callTool({ name: 'get_chunk', arguments: { chunkId: top.chunkId } }));
  assert.ok(page.text.replace(/\s+/g, ' ').includes(chunk.text.replace(/\s+/g, ' ').slice(0, 60)), 'the cited passage is on the cited page');
  const resource = await client.readResource({ uri: top.citation.uri });
  assert.equal(resource.contents.length, 1);
  assert.ok((resource.contents[0] as { text: string }).text.includes(page.text.slice(0, 80)));
  const byPath = data<{ docId: number }>(await client.callTool({ name: 'get_page', arguments: { path: top.citation.path, page: 1 } }));
  assert.equal(byPath.docId, top.docId, 'a file inside the library\'s folder is read by path');

  const write = await client.callTool({ name: 'add_evidence', arguments: { collection: 'Review', chunkId: top.chunkId, createCollection: true } });
  assert.equal(write.isError, true);
  assert.equal(data<{ code: string }>(write).code, 'WRITES_DISABLED');
  assert.deepEqual(data<unknown[]>(await client.callTool({ name: 'list_collections', arguments: {} })), []);

  const note = join(sharedDir(), 'notes', readdirSync(join(sharedDir(), 'notes')).find((f) => f.endsWith('.md'))!);
  for (const outside of [note, '/etc/passwd', join(pdfs, '..', 'notes')]) {
    const r = await client.callTool({ name: 'get_page', arguments: { path: outside } });
    assert.equal(r.isError, true, outside);
    assert.match(data<{ message: string }>(r).message, /outside the library's folders/);
  }
  const checked = data<{ ok: boolean; normalized: string }>(await client.callTool({ name: 'pubmed_check', arguments: { query: 'asthma[mh] AND vitamin d[tiab]' } }));
  assert.equal(checked.ok, true);
});

test('strategies and ClinicalTrials.gov: translate and check offline, search the registry (local API v2 server)', async () => {
  const ctgov = await startCtgovServer();
  try {
    const client = await connectWith({ DELVE_CTGOV_URL: ctgov.url, DELVE_CTGOV_PACE_MS: '0' });
    const t = data<{ ok: boolean; from: string; to: string; query: string; lines: unknown[] }>(await client.callTool({ name: 'pubmed_translate',
      arguments: { strategy: '1. exp Asthma/\n2. vitamin d.ti,ab.\n3. 1 and 2' } }));
    assert.deepEqual([t.ok, t.from, t.to, t.lines.length], [true, 'ovid', 'pubmed', 3]);
    assert.equal(t.query, TRANSLATED);
    const ovid = data<{ query: string }>(await client.callTool({ name: 'pubmed_translate', arguments: { strategy: '#1 asthma[mh]\n#2 #1 AND vitamin d[tiab]', to: 'ovid' } }));
    assert.equal(ovid.query, '1. exp asthma/\n2. 1 and vitamin d.ti,ab.');

    assert.deepEqual(data(await client.callTool({ name: 'trials_check', arguments: { query: 'AREA[condition]melanoma' } })),
      { valid: true, normalized: 'AREA[Condition]melanoma', errors: [], warnings: [] });
    assert.deepEqual(data<{ errors: unknown[] }>(await client.callTool({ name: 'trials_check', arguments: { query: 'melanoma OR' } })).errors,
      [{ offset: 9, message: 'OR has no search term after it' }]);

    const r = data<{ count: number; ids: string[]; studies: { nctId: string; title: string; inLibrary: number | null }[]; recall: number; seedsMissed: string[] }>(
      await client.callTool({ name: 'trials_search', arguments: { query: 'kras pancreatic', seeds: ['NCT06008288', 'NCT02513394'], show: 5 } }));
    assert.ok(r.count >= 1 && r.ids.includes('NCT06008288'));
    assert.deepEqual([r.recall, r.seedsMissed], [0.5, ['NCT02513394']]);
    assert.ok(r.studies.length >= 1 && r.studies.every((s) => s.title.length > 0 && s.inLibrary === null));
    assert.ok(ctgov.requests.some((q) => q.params['query.term'] === 'kras pancreatic'), 'the registry at $DELVE_CTGOV_URL was asked');
    const bad = await client.callTool({ name: 'trials_search', arguments: { query: '(kras' } });
    assert.equal(bad.isError, true);
    assert.equal(data<{ code: string }>(bad).code, 'CTGOV_QUERY_INVALID');
  } finally {
    await ctgov.close();
  }
});

test('with --allow-writes the evidence is added and read back with its citation', async () => {
  const client = await connect('--allow-writes');
  const { results } = data<{ results: Hit[] }>(await client.callTool({ name: 'search', arguments: { query: 'heart failure rehabilitation', mode: 'bm25', k: 1 } }));
  const hit = results[0]!;
  const added = await client.callTool({ name: 'add_evidence', arguments: { collection: 'Review', chunkId: hit.chunkId, createCollection: true, note: 'key passage', stance: 'supports' } });
  assert.ok(!added.isError, JSON.stringify(added.content));
  const rows = data<{ chunkId: number; note: string; citation: Cited }[]>(await client.callTool({ name: 'read_collection', arguments: { name: 'Review' } }));
  assert.deepEqual(rows.map((r) => [r.chunkId, r.note, r.citation.path]), [[hit.chunkId, 'key passage', hit.citation.path]]);
});

test('a full-mode search (LLM stages through Ollama) is cancelled by the client: the server drops its LLM call and goes on answering', { timeout: 60_000 }, async () => { // below the LLM client's own 90 s timeout, which would also close the call
  const controller = new AbortController();
  let chats = 0;
  // The first LLM call cancels the request from the client's side and never gets an answer.
  const ollama = await startOllamaServer({ respond: () => { chats++; controller.abort(); return new Promise(() => undefined); } });
  try {
    const client = await connect('--ollama', ollama.url);
    await assert.rejects(client.callTool({ name: 'search', arguments: { query: 'heart failure exercise', mode: 'full', k: 3 } }, undefined, { signal: controller.signal }),
      (e: Error) => /abort|cancel/i.test(`${e.name} ${e.message}`));
    assert.equal(chats, 1);
    // The server aborts the search on the client's notifications/cancelled: its Ollama request closes.
    while (ollama.inFlight() > 0) await new Promise((r) => setImmediate(r));
    const after = await client.callTool({ name: 'list_roots', arguments: {} });
    assert.deepEqual(data<{ path: string }[]>(after).map((r) => r.path), [pdfs], 'the server answers after the cancellation');
  } finally {
    await ollama.close();
  }
});
