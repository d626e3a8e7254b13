/**
 * A stand-in for the model hub on 127.0.0.1 (HTTP, or HTTPS with the test certificate): serves
 * `<anything>/<org>/<name>/resolve/<rev>/<path>` from local folders, with Range / If-Range, a strong
 * ETag, and faults a test can switch on: drop the connection after N bytes, corrupt a file, ignore
 * Range, fail with a status, redirect to a CDN path, send slowly. Every request is recorded.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { TEST_CERT, TEST_KEY } from './test-cert.js';

export interface HubRequest { path: string; range?: string; ifRange?: string; status: number; sent: number }

export interface HubFaults {
  /** Requests for a file whose path ends with `path` send `bytes` body bytes, then the socket is destroyed. */
  dropAfter?: { path: string; bytes: number; times: number };
  /** Files (path suffix) served with one byte changed. */
  corrupt?: string;
  ignoreRange?: boolean;
  fail?: { path: string; status: number; times: number };
  /** resolve/ URLs answer 302 with a relative Location under /cdn/. */
  redirect?: boolean;
  /** Body in `chunk`-byte writes, `delayMs` apart. */
  slow?: { chunk: number; delayMs: number };
}

export interface Hub {
  base: string;
  requests: HubRequest[];
  faults: HubFaults;
  /** Body bytes sent for files whose path ends with `suffix`. */
  sentFor(suffix: string): number;
  close(): Promise<void>;
}

const LAST_MODIFIED = 'Tue, 01 Jul 2025 00:00:00 GMT';

export async function startHub(repos: Record<string, string>, opts: { tls?: boolean } = {}): Promise<Hub> {
  const requests: HubRequest[] = [];
  const faults: HubFaults = {};
  const cache = new Map<string, Buffer>();

  function body(repo: string, path: string): Buffer | null {
    const dir = repos[repo];
    const file = dir && join(dir, ...path.split('/'));
    if (!file || !existsSync(file) || !statSync(file).isFile()) return null;
    let b = cache.get(file) ?? readFileSync(file);
    cache.set(file, b);
    if (faults.corrupt && path.endsWith(faults.corrupt)) { b = Buffer.from(b); b[b.length >> 1]! ^= 0xff; }
    return b;
  }

  async function handler(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://x');
    const rec: HubRequest = { path: url.pathname, status: 0, sent: 0, range: req.headers.range, ifRange: req.headers['if-range'] as string | undefined };
    requests.push(rec);
    const m = /\/([^/]+\/[^/]+)\/resolve\/([^/]+)\/(.+)$/.exec(url.pathname) ?? /^\/cdn\/([^/]+\/[^/]+)\/([^/]+)\/(.+)$/.exec(url.pathname);
    const finish = (status: number, headers: Record<string, string | number> = {}) => { rec.status = status; res.writeHead(status, headers); };
    if (!m) { finish(404); res.end(); return; }
    const [, repo, rev, path] = m as unknown as [string, string, string, string];
    if (faults.redirect && url.pathname.includes('/resolve/')) { finish(302, { location: `/cdn/${repo}/${rev}/${path}` }); res.end(); return; }
    if (faults.fail && path.endsWith(faults.fail.path) && faults.fail.times > 0) { faults.fail.times--; finish(faults.fail.status); res.end('failing on purpose'); return; }
    const b = body(repo, path);
    if (!b) { finish(404); res.end('Entry not found'); return; }
    const etag = `"${createHash('sha256').update(b).digest('hex')}"`;
    const common = { etag, 'last-modified': LAST_MODIFIED, 'accept-ranges': 'bytes' };
    let start = 0;
    let end = b.length - 1;
    const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
    const ifRange = req.headers['if-range'];
    if (range && !faults.ignoreRange && (!ifRange || ifRange === etag || ifRange === LAST_MODIFIED)) {
      start = Number(range[1]);
      if (range[2]) end = Math.min(end, Number(range[2]));
      if (start >= b.length) { finish(416, { 'content-range': `bytes */${b.length}` }); res.end(); return; }
      finish(206, { ...common, 'content-range': `bytes ${start}-${end}/${b.length}`, 'content-length': end - start + 1 });
    } else {
      finish(200, { ...common, 'content-length': b.length });
    }
    let out = b.subarray(start, end + 1);
    const drop = faults.dropAfter;
    const dropping = drop && path.endsWith(drop.path) && drop.times > 0;
    if (dropping) { drop.times--; out = out.subarray(0, drop.bytes); }
    const chunk = faults.slow?.chunk ?? out.length;
    for (let i = 0; i < out.length && !res.destroyed; i += chunk) {
      const piece = out.subarray(i, i + chunk);
      await new Promise<void>((resolve) => res.write(piece, () => resolve()));
      rec.sent += piece.length;
      if (faults.slow && i + chunk < out.length) await new Promise((r) => setTimeout(r, faults.slow!.delayMs));
    }
    if (dropping) res.socket?.destroy();
    else res.end();
  }

  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse) => void handler(req, res).catch(() => res.destroy());
  const server = opts.tls ? https.createServer({ key: TEST_KEY, cert: TEST_CERT }, onRequest) : http.createServer(onRequest);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    base: `${opts.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    requests,
    faults,
    sentFor: (suffix) => requests.filter((r) => r.path.endsWith(suffix)).reduce((n, r) => n + r.sent, 0),
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
