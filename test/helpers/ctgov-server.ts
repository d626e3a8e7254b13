/**
 * A stand-in for ClinicalTrials.gov API v2 on 127.0.0.1 (node:http only), serving the real
 * fixtures: GET /api/v2/studies (query.*, filter.overallStatus, filter.ids, filter.advanced,
 * fields, countTotal, pageSize 1–1,000 with 10 by default, pageToken) and
 * GET /api/v2/studies/{nctId}. Pages carry an opaque `nextPageToken` tied to the query, and
 * `totalCount` only on a first page asked with countTotal=true, as the API does. Which studies
 * match is scripted (`search`), or by default every word of every query.* value must occur in
 * the study's JSON (not Essie: a stand-in). An id the search names that has no record is served as
 * a bare study with just its NCT id. Faults are scripted per request: HTTP errors with
 * Retry-After, dropped connections, held answers (released by the test), delays. Every request is
 * recorded with its arrival time on `now()` (injectable, so tests can use a virtual clock).
 */
import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { fixtureStudies, nctOf, type StudyJson } from './ctgov-server/fixtures.js';

export { fixtureStudies, nctOf, readFixture, type StudyJson } from './ctgov-server/fixtures.js';

export type CtgovSearchFn = (params: Record<string, string>, studies: ReadonlyMap<string, StudyJson>) => string[] | { error: string };
export type CtgovFault = { status: number; retryAfter?: string; body?: string } | { drop: true } | { hold: Promise<void> } | { delayMs: number };

export interface CtgovRequest { path: string; params: Record<string, string>; at: number; status?: number }

export interface CtgovServerOptions { studies?: StudyJson[]; search?: CtgovSearchFn; now?: () => number }

export interface CtgovTestServer {
  /** The clock arrival times are taken on. */
  setNow(now: () => number): void;
  /** …/api/v2/ */
  url: string;
  requests: CtgovRequest[];
  studies: Map<string, StudyJson>;
  /** The next requests meet these faults, in order. */
  fail(...faults: CtgovFault[]): void;
  setSearch(fn: CtgovSearchFn): void;
  reset(): void;
  close(): Promise<void>;
}

const STATUSES = new Set(['ACTIVE_NOT_RECRUITING', 'COMPLETED', 'ENROLLING_BY_INVITATION', 'NOT_YET_RECRUITING', 'RECRUITING', 'SUSPENDED',
  'TERMINATED', 'WITHDRAWN', 'AVAILABLE', 'NO_LONGER_AVAILABLE', 'TEMPORARILY_NOT_AVAILABLE', 'APPROVED_FOR_MARKETING', 'WITHHELD', 'UNKNOWN']);

/** Every word of every query.* value must occur in the study's JSON (case-insensitive). */
export const defaultSearch: CtgovSearchFn = (params, studies) => {
  const words = Object.entries(params).filter(([k]) => k.startsWith('query.'))
    .flatMap(([, v]) => v.replace(/\b(AND|OR|NOT)\b|[A-Z]+\[[^\]]*\]|[()"]/g, ' ').toLowerCase().split(/\s+/)).filter(Boolean);
  return [...studies.entries()].filter(([, s]) => { const text = JSON.stringify(s).toLowerCase(); return words.every((w) => text.includes(w)); }).map(([id]) => id);
};

const queryKey = (p: Record<string, string>) => JSON.stringify(Object.entries(p).filter(([k]) => !['pageToken', 'pageSize', 'countTotal'].includes(k)).sort());
const token = (key: string, offset: number) => Buffer.from(JSON.stringify({ k: key, o: offset })).toString('base64url');

export async function startCtgovServer(opts: CtgovServerOptions = {}): Promise<CtgovTestServer> {
  let now = opts.now ?? (() => performance.now());
  const studies = new Map((opts.studies ?? fixtureStudies()).map((s) => [nctOf(s), s]));
  let search = opts.search ?? defaultSearch;
  const faults: CtgovFault[] = [];
  const requests: CtgovRequest[] = [];
  const sockets = new Set<Socket>();

  const send = (res: http.ServerResponse, rec: CtgovRequest, status: number, body: string, type = 'application/json', headers: Record<string, string> = {}) => {
    rec.status = status;
    if (res.destroyed) return;
    res.writeHead(status, { 'Content-Type': type, ...headers });
    res.end(body);
  };
  const text = (res: http.ServerResponse, rec: CtgovRequest, status: number, msg: string) => send(res, rec, status, msg, 'text/plain');

  function list(p: Record<string, string>, res: http.ServerResponse, rec: CtgovRequest): void {
    const size = p.pageSize === undefined ? 10 : Number(p.pageSize);
    if (!Number.isInteger(size) || size < 0) return text(res, rec, 400, `pageSize: must be a non-negative integer, got "${p.pageSize}"`);
    const pageSize = size === 0 ? 10 : Math.min(1000, size);
    const bad = (p['filter.overallStatus'] ?? '').split(/[,|]/).filter((s) => s && !STATUSES.has(s));
    if (bad.length) return text(res, rec, 400, `filter.overallStatus: unknown value "${bad[0]}"`);
    const key = queryKey(p);
    let offset = 0;
    if (p.pageToken !== undefined) {
      let t: { k?: string; o?: number } = {};
      try { t = JSON.parse(Buffer.from(p.pageToken, 'base64url').toString('utf8')) as typeof t; } catch { /* below */ }
      if (t.k !== key || typeof t.o !== 'number') return text(res, rec, 400, 'pageToken: invalid or not for this query');
      offset = t.o;
    }
    const found = search(p, studies);
    if (!Array.isArray(found)) return text(res, rec, 400, found.error);
    let ids = found;
    const status = p['filter.overallStatus']?.split(/[,|]/);
    if (status) ids = ids.filter((id) => status.includes(String((studies.get(id)?.protocolSection?.statusModule as { overallStatus?: string } | undefined)?.overallStatus)));
    const only = p['filter.ids']?.split(/[,|\s]+/);
    if (only) ids = ids.filter((id) => only.includes(id));
    const slice = ids.slice(offset, offset + pageSize);
    const bare = p.fields === 'NCTId';
    const body: Record<string, unknown> = {
      studies: slice.map((id) => (bare || !studies.has(id) ? { protocolSection: { identificationModule: { nctId: id } } } : studies.get(id))),
    };
    if (p.countTotal === 'true' && p.pageToken === undefined) body.totalCount = ids.length;
    if (offset + pageSize < ids.length) body.nextPageToken = token(key, offset + pageSize);
    send(res, rec, 200, JSON.stringify(body));
  }

  const server = http.createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    const rec: CtgovRequest = { path: u.pathname, params: Object.fromEntries(u.searchParams), at: now() };
    requests.push(rec);
    void (async () => {
      const fault = faults.shift();
      if (fault && 'drop' in fault) { rec.status = 0; req.socket.destroy(); return; }
      if (fault && 'hold' in fault) await fault.hold;
      if (fault && 'delayMs' in fault) await delay(fault.delayMs);
      if (fault && 'status' in fault) return send(res, rec, fault.status, fault.body ?? `HTTP ${fault.status}`, 'text/plain', fault.retryAfter ? { 'Retry-After': fault.retryAfter } : {});
      const m = /^\/api\/v2\/studies(?:\/([^/]+))?\/?$/.exec(u.pathname);
      if (!m) return text(res, rec, 404, 'not found');
      if (!m[1]) return list(rec.params, res, rec);
      if (!/^NCT\d{8}$/.test(m[1])) return text(res, rec, 400, `nctId: "${m[1]}" is not an NCT id`);
      const s = studies.get(m[1]);
      return s ? send(res, rec, 200, JSON.stringify(s)) : text(res, rec, 404, `Study ${m[1]} not found`);
    })();
  });
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/api/v2/`,
    requests, studies,
    fail: (...f) => { faults.push(...f); },
    setSearch: (fn) => { search = fn; },
    setNow: (fn) => { now = fn; },
    reset: () => { requests.length = 0; faults.length = 0; search = opts.search ?? defaultSearch; },
    close: () => new Promise<void>((r) => { for (const s of sockets) s.destroy(); server.close(() => r()); }),
  };
}
