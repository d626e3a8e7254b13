/**
 * A stand-in for NCBI E-utilities on 127.0.0.1 (node:http only): esearch (JSON, from an in-memory
 * index of fixtures and a search function), efetch (PubmedArticleSet XML with inline markup and
 * entities) and esummary (JSON), over GET or form-encoded POST, like NCBI. Faults are scripted:
 * HTTP errors with Retry-After, NCBI's 200 "API rate limit exceeded" body, dropped connections,
 * a delay; optionally it enforces a request rate itself. Every request is recorded with its
 * arrival time and parameters, so tests can check the client's rate.
 */
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { defaultSearch, inDateRange } from './eutils-server/search.js';
import type { EutilsServerOptions, EutilsTestServer, PubmedRecordFixture, RecordedRequest, SearchFn, SearchReply } from './eutils-server/types.js';
import { efetchXml, summaryDoc } from './eutils-server/xml.js';
import { TEST_CERT, TEST_KEY } from './test-cert.js';

export type { EutilsServerOptions, EutilsTestServer, FixtureAuthor, PubmedRecordFixture, RecordedRequest, SearchFn, SearchReply } from './eutils-server/types.js';
export { defaultSearch, termWords } from './eutils-server/search.js';

type Fault = { kind: 'status'; status: number; retryAfter?: string; body?: string } | { kind: 'rateBody' } | { kind: 'drop' };

const RATE_BODY = (count: number, limit: number) => JSON.stringify({ error: 'API rate limit exceeded', 'api-key': '127.0.0.1', count: String(count), limit: String(limit) });

export async function startEutilsServer(opts: EutilsServerOptions = {}): Promise<EutilsTestServer> {
  const now = opts.now ?? (() => performance.now());
  let records: PubmedRecordFixture[] = [...(opts.records ?? [])];
  let search: SearchFn = opts.search ?? defaultSearch;
  const faults: Fault[] = [];
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();

  const send = (res: http.ServerResponse, rec: RecordedRequest, status: number, type: string, body: string, headers: Record<string, string> = {}) => {
    rec.status = status;
    if (res.destroyed) return;
    res.writeHead(status, { 'Content-Type': type, ...headers });
    res.end(body);
  };
  const json = (res: http.ServerResponse, rec: RecordedRequest, status: number, body: unknown) => send(res, rec, status, 'application/json; charset=UTF-8', JSON.stringify(body));

  function esearch(p: Record<string, string>): unknown {
    const term = p.term ?? '';
    if (term.trim() === '') return { esearchresult: { ERROR: 'Empty term and query_key - nothing todo' } };
    const retstart = Number(p.retstart ?? 0) || 0;
    const retmax = p.retmax === undefined ? 20 : Number(p.retmax) || 0;
    if (retstart > 9998) return { esearchresult: { ERROR: `Search Backend failed: Exception:\n'retstart' cannot be larger than 9998. For PubMed, ESearch can only retrieve the first 9,999 records matching the query.` } };
    const out = search(term, p, records);
    const reply: SearchReply = Array.isArray(out) ? { ids: out } : out;
    if (reply.error) return { esearchresult: { ERROR: reply.error } };
    const ids = inDateRange(records, reply.ids, p);
    const end = Math.min(retstart + retmax, 9999);
    const r: Record<string, unknown> = {
      count: String(ids.length), retmax: String(Math.max(0, Math.min(end, ids.length) - retstart)), retstart: String(retstart),
      idlist: ids.slice(retstart, end),
      translationset: reply.translationset ?? [],
      querytranslation: reply.querytranslation ?? term,
    };
    if (reply.translationstack) r.translationstack = reply.translationstack;
    if (reply.errorlist) r.errorlist = reply.errorlist;
    if (reply.warninglist) r.warninglist = reply.warninglist;
    return { header: { type: 'esearch', version: '0.3' }, esearchresult: r };
  }

  const idsOf = (p: Record<string, string>) => (p.id ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const byId = () => new Map(records.map((r) => [r.pmid, r]));

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, rec: RecordedRequest) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const params = Object.fromEntries(url.searchParams);
    if (req.method === 'POST' && /x-www-form-urlencoded/.test(req.headers['content-type'] ?? '')) Object.assign(params, Object.fromEntries(new URLSearchParams(body)));
    rec.params = params;
    rec.endpoint = url.pathname.split('/').pop() ?? '';
    const fault = faults.shift();
    if (server.delayMs > 0) {
      const gone = new AbortController();
      res.on('close', () => gone.abort());
      try { await delay(server.delayMs, undefined, { signal: gone.signal }); } catch { rec.status = 0; return; }
    }
    if (fault?.kind === 'drop') { rec.status = 0; req.socket.destroy(); return; }
    if (fault?.kind === 'rateBody') return send(res, rec, 200, 'application/json', RATE_BODY(4, 3));
    if (fault?.kind === 'status') {
      const b = fault.body ?? (fault.status === 429 ? RATE_BODY(4, 3) : `<html><body><h1>${fault.status}</h1>Backend error</body></html>`);
      return send(res, rec, fault.status, fault.status === 429 ? 'application/json' : 'text/html', b, fault.retryAfter ? { 'Retry-After': fault.retryAfter } : {});
    }
    if (opts.enforceRate !== undefined) {
      const recent = requests.filter((r) => r !== rec && rec.at - r.at < 1000 && r.at <= rec.at).length;
      if (recent >= opts.enforceRate) return send(res, rec, 429, 'application/json', RATE_BODY(recent + 1, opts.enforceRate));
    }
    if (!/^\/entrez\/eutils\//.test(url.pathname)) return send(res, rec, 404, 'text/html', '<html>Not Found</html>');
    if (params.db !== undefined && params.db !== 'pubmed') return json(res, rec, 200, { error: `Invalid db name specified: ${params.db}` });
    switch (rec.endpoint) {
      case 'esearch.fcgi': return json(res, rec, 200, esearch(params));
      case 'efetch.fcgi': {
        const ids = idsOf(params);
        if (ids.length === 0) return send(res, rec, 200, 'text/xml', '<?xml version="1.0" ?>\n<eFetchResult>\n\t<ERROR>Empty id list - nothing todo</ERROR>\n</eFetchResult>\n');
        const m = byId();
        return send(res, rec, 200, 'text/xml; charset=UTF-8', efetchXml(ids.map((id) => m.get(id)).filter((r): r is PubmedRecordFixture => r !== undefined)));
      }
      case 'esummary.fcgi': {
        const ids = idsOf(params);
        if (ids.length === 0) return json(res, rec, 200, { error: 'Empty id list - nothing todo' });
        const m = byId();
        const result: Record<string, unknown> = { uids: ids };
        for (const id of ids) { const r = m.get(id); result[id] = r ? summaryDoc(r) : { uid: id, error: 'cannot get document summary' }; }
        return json(res, rec, 200, { header: { type: 'esummary', version: '0.3' }, result });
      }
      default: return send(res, rec, 404, 'text/html', '<html>Not Found</html>');
    }
  }

  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const rec: RecordedRequest = { method: req.method ?? 'GET', endpoint: '', params: {}, at: now(), urlLength: (req.url ?? '').length };
    requests.push(rec);
    handle(req, res, rec).catch((err: unknown) => { if (!res.headersSent) send(res, rec, 500, 'text/plain', String(err)); });
  };
  const http_ = opts.tls ? https.createServer({ key: TEST_KEY, cert: TEST_CERT }, onRequest) : http.createServer(onRequest);
  http_.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await new Promise<void>((resolve) => http_.listen(0, '127.0.0.1', resolve));
  const port = (http_.address() as AddressInfo).port;

  const server: EutilsTestServer = {
    url: `${opts.tls ? 'https' : 'http'}://127.0.0.1:${port}/entrez/eutils/`,
    requests,
    delayMs: opts.delayMs ?? 0,
    setRecords(r) { records = [...r]; },
    setSearch(fn) { search = fn ?? defaultSearch; },
    fail(n, status = 500, o = {}) { for (let i = 0; i < n; i++) faults.push({ kind: 'status', status, ...o }); },
    rateLimitBody(n) { for (let i = 0; i < n; i++) faults.push({ kind: 'rateBody' }); },
    dropConnection(n) { for (let i = 0; i < n; i++) faults.push({ kind: 'drop' }); },
    reset() { requests.length = 0; faults.length = 0; server.delayMs = opts.delayMs ?? 0; },
    close() {
      for (const s of sockets) s.destroy();
      return new Promise<void>((resolve) => http_.close(() => resolve()));
    },
  };
  return server;
}
