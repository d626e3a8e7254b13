/**
 * Test helper: a stand-in for NCBI's MeSH database (db=mesh esearch and esummary, JSON) on
 * 127.0.0.1, node:http only, because the E-utilities test server serves db=pubmed alone. Every other
 * request (db=pubmed) is passed on to `proxyTo`, so one base URL serves both, as NCBI's does.
 *
 * esearch `"X"[MeSH Terms]` finds the records whose heading or an entry term is X (any case);
 * any other term finds the records sharing a word with it, most shared words first, with an
 * NCBI-shaped translation. Requests are recorded.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface MeshFixture { uid: string; ui: string; name: string; entryTerms?: string[]; type?: string }

export interface MeshTestServer {
  /** Base URL, ending in /entrez/eutils/. */
  url: string;
  /** db=mesh requests: the endpoint and the parameters. */
  requests: { endpoint: string; params: Record<string, string> }[];
  /** The next db=mesh request is answered 200 with this body. */
  failNext(body: string): void;
  close(): Promise<void>;
}

const words = (s: string) => new Set(s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

export async function startMeshServer(records: MeshFixture[], proxyTo?: string): Promise<MeshTestServer> {
  const requests: MeshTestServer['requests'] = [];
  let failBody: string | null = null;
  const terms = (r: MeshFixture) => [r.name, ...(r.entryTerms ?? [])];

  function esearch(term: string, retmax: number): unknown {
    const exact = /^"([^"]*)"\[MeSH Terms\]$/i.exec(term.trim());
    let hits: MeshFixture[];
    let translation: string;
    if (exact) {
      const want = exact[1]!.toLowerCase();
      hits = records.filter((r) => terms(r).some((t) => t.toLowerCase() === want));
      translation = `"${want}"[MeSH Terms]`;
    } else {
      const w = words(term);
      const score = (r: MeshFixture) => Math.max(...terms(r).map((t) => [...words(t)].filter((x) => w.has(x)).length));
      hits = records.filter((r) => score(r) > 0).sort((a, b) => score(b) - score(a));
      translation = hits[0] ? `"${hits[0].name.toLowerCase()}"[MeSH Terms] OR ${term}[Text Word]` : `${term}[All Fields]`;
    }
    const idlist = hits.slice(0, retmax).map((r) => r.uid);
    return { header: { type: 'esearch', version: '0.3' }, esearchresult: { count: String(hits.length), retmax: String(idlist.length), retstart: '0', idlist, translationset: [], querytranslation: translation } };
  }

  function esummary(ids: string[]): unknown {
    const result: Record<string, unknown> = { uids: ids };
    for (const id of ids) {
      const r = records.find((x) => x.uid === id);
      result[id] = r ? { uid: id, ds_meshui: r.ui, ds_meshterms: terms(r), ds_recordtype: r.type ?? 'descriptor' } : { uid: id, error: 'cannot get document summary' };
    }
    return { header: { type: 'esummary', version: '0.3' }, result };
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const params = Object.fromEntries(url.searchParams);
    if (req.method === 'POST') Object.assign(params, Object.fromEntries(new URLSearchParams(body)));
    const endpoint = url.pathname.split('/').pop() ?? '';
    if (params.db === 'mesh') {
      requests.push({ endpoint, params });
      if (failBody !== null) {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(failBody);
        failBody = null;
        return;
      }
      const out = endpoint === 'esearch.fcgi' ? esearch(params.term ?? '', Number(params.retmax ?? 20))
        : endpoint === 'esummary.fcgi' ? esummary((params.id ?? '').split(',').filter(Boolean)) : { error: 'unknown endpoint' };
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(out));
      return;
    }
    if (!proxyTo) { res.writeHead(404); res.end('no proxy'); return; }
    const target = new URL(endpoint + url.search, proxyTo);
    const r = await fetch(target, { method: req.method ?? 'GET', ...(req.method === 'POST' ? { body, headers: { 'Content-Type': String(req.headers['content-type']) } } : {}) });
    res.writeHead(r.status, { 'Content-Type': r.headers.get('content-type') ?? 'text/plain' });
    res.end(await r.text());
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((e: unknown) => { if (!res.headersSent) res.writeHead(502); res.end(String(e)); });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/entrez/eutils/`,
    requests,
    failNext(body) { failBody = body; },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
