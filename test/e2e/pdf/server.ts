/**
 * Serves the built renderer (renderer/dist) the way the app's protocol handler does
 * (main/host/app-protocol.ts): files mapped by resolveAppFile, the app's Content-Security-Policy on
 * every response. Adds a test page at /render-test.html (beside index.html, so relative URLs resolve
 * as in the app) whose script renders page 1 of a PDF with the renderer's own built pdf.js module
 * (assets/pdfjs-*.js: openPdf with its asset URLs) and returns its pixels in grey.
 * `withoutPdfjsAssets` answers 404 for /pdfjs/… (the viewer as it was before they were copied).
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname } from 'node:path';
import { resolveAppFile } from '../../../main/host/app-url.js';
import { CSP } from '../../../main/host/csp.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.json': 'application/json', '.ttf': 'font/ttf',
};

/** The test page's script; its source text is served, so it is plain browser JavaScript. */
function pageScript(): void {
  interface CanvasLike { id: string; width: number; height: number; getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } }
  interface DocumentLike {
    baseURI: string;
    body: { replaceChildren(node: CanvasLike): void };
    createElement(tag: 'canvas'): CanvasLike;
    addEventListener(type: string, cb: (e: { violatedDirective: string; blockedURI: string }) => void): void;
  }
  const w = globalThis as unknown as Record<string, unknown> & { document: DocumentLike; btoa(s: string): string; fetch: typeof fetch };
  const violations: string[] = [];
  w.__violations = violations;
  w.document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  w.__render = async (chunk: string, name: string, scale: number) => {
    const lib = await import(new URL(chunk, w.document.baseURI).href);
    const bytes = new Uint8Array(await (await w.fetch(`__render/doc/${name}.pdf`)).arrayBuffer());
    const doc = await lib.openPdf(bytes).promise;
    const page = await doc.getPage(1);
    const viewport = page.getViewport({ scale });
    const canvas = w.document.createElement('canvas');
    canvas.id = 'page';
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    w.document.body.replaceChildren(canvas);
    await page.render({ canvas, viewport }).promise;
    const rgba = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let grey = '';
    for (let i = 0; i < rgba.length; i += 4) {
      const a = rgba[i + 3]! / 255;
      const l = 0.299 * rgba[i]! + 0.587 * rgba[i + 1]! + 0.114 * rgba[i + 2]!;
      grey += String.fromCharCode(Math.round(l * a + 255 * (1 - a)));
    }
    await doc.destroy();
    return { width: canvas.width, height: canvas.height, grey: w.btoa(grey) };
  };
}

export interface RenderServer {
  url: string;
  /** Paths the page asked for, in order. */
  requests: string[];
  close(): Promise<void>;
}

export async function startRenderServer(o: { rendererDist: string; docs: Record<string, string>; withoutPdfjsAssets?: boolean }): Promise<RenderServer> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = (req.url ?? '/').split('?')[0]!;
      requests.push(path);
      res.setHeader('Content-Security-Policy', CSP);
      res.setHeader('X-Content-Type-Options', 'nosniff');
      if (path === '/render-test.html') {
        res.setHeader('content-type', TYPES['.html']!);
        res.end('<!doctype html><html><head><meta charset="utf-8"><script src="__render/page.js"></script></head><body></body></html>');
        return;
      }
      if (path === '/__render/page.js') {
        res.setHeader('content-type', TYPES['.js']!);
        res.end(`(${pageScript.toString()})();\n`);
        return;
      }
      const doc = /^\/__render\/doc\/(\w+)\.pdf$/.exec(path);
      if (doc && o.docs[doc[1]!]) {
        res.setHeader('content-type', 'application/pdf');
        res.end(await readFile(o.docs[doc[1]!]!));
        return;
      }
      const file = o.withoutPdfjsAssets && path.startsWith('/pdfjs/') ? null : resolveAppFile(o.rendererDist, `app://delve${path}`);
      const body = file === null ? null : await readFile(file).catch(() => null);
      if (body === null) {
        res.statusCode = 404;
        res.end('not found');
        return;
      }
      res.setHeader('content-type', TYPES[extname(file!)] ?? 'application/octet-stream');
      res.end(body);
    })();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise<void>((ok) => { server.closeAllConnections(); server.close(() => ok()); }),
  };
}
