/**
 * A tiny forward proxy on 127.0.0.1 for tests: absolute-form HTTP requests are forwarded, CONNECT
 * opens a TCP tunnel. It records what it was asked for; `requireAuth` demands Basic credentials.
 */
import * as http from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

export interface TestProxy {
  url: string;
  seen: Array<{ method: string; target: string; auth?: string }>;
  close(): Promise<void>;
}

export async function startProxy(opts: { requireAuth?: string } = {}): Promise<TestProxy> {
  const seen: TestProxy['seen'] = [];
  const sockets = new Set<Socket>();
  const denied = (auth: string | undefined) => opts.requireAuth !== undefined && auth !== `Basic ${Buffer.from(opts.requireAuth).toString('base64')}`;
  const server = http.createServer((req, res) => {
    const auth = req.headers['proxy-authorization'];
    seen.push({ method: req.method ?? '', target: req.url ?? '', auth });
    if (denied(auth)) { res.writeHead(407); res.end(); return; }
    const headers = { ...req.headers };
    delete headers['proxy-authorization'];
    const up = http.request(req.url ?? '', { method: req.method, headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  server.on('connect', (req: http.IncomingMessage, client: Socket, head: Buffer) => {
    const auth = req.headers['proxy-authorization'];
    seen.push({ method: 'CONNECT', target: req.url ?? '', auth });
    sockets.add(client);
    if (denied(auth)) { client.end('HTTP/1.1 407 Proxy Authentication Required\r\n\r\n'); return; }
    const [host, port] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    const kill = () => { upstream.destroy(); client.destroy(); };
    upstream.on('error', kill);
    client.on('error', kill);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise((resolve) => {
      for (const s of sockets) s.destroy();
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
