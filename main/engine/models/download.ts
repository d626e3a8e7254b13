/**
 * Downloads one file into `<dest>.part` and renames it to `dest` only once its size and sha256 match.
 * A `.part` left by an earlier try is resumed with `Range: bytes=N-` (with `If-Range` when the server
 * gave a strong ETag or a Last-Modified); a server that answers 200 instead restarts from byte 0.
 * Network errors, timeouts, 408/429 and 5xx are retried with exponential backoff, each retry resuming
 * from the bytes already on disk. The sha256 streams: the kept prefix is hashed from disk, then the
 * rest as it arrives. Cancelling (AbortSignal) keeps the `.part` so the next call resumes.
 */
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { EngineError } from '../errors.js';
import { hashInto, sha256File } from './hash.js';
import { httpGet, type HttpOptions } from '../net/http.js';
import { exponentialDelay, withRetry } from '../net/retry.js';

export interface DownloadSpec {
  url: string;
  dest: string;
  sha256: string;
  bytes: number;
  /** Name used in messages (the file's path in the model). */
  label: string;
}

export interface DownloadOptions extends HttpOptions {
  /** Retries after the first try (default 5). */
  retries?: number;
  /** First backoff delay in ms, doubled each retry up to 10 s (default 1000). */
  retryDelayMs?: number;
  /** Bytes of this file on disk so far (called per chunk; throttle in the caller). */
  onProgress?: (bytesDone: number) => void;
  /** Called before each retry, with the error that caused it. */
  onRetry?: (info: { file: string; attempt: number; delayMs: number; error: string }) => void;
}

export interface DownloadResult {
  /** Bytes received over the network by this call. */
  transferred: number;
  /** Offset of the first resumed request, 0 when nothing was resumed. */
  resumedFrom: number;
  requests: number;
  /** The file was already complete and verified; nothing was downloaded. */
  reused: boolean;
}

interface PartMeta { url: string; sha256: string; etag?: string; lastModified?: string }

const cancelled = (label: string) => new EngineError('CANCELLED', `download of ${label} cancelled`);
const sizeOf = (p: string) => (existsSync(p) ? statSync(p).size : 0);

function readMeta(path: string): PartMeta | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as PartMeta;
  } catch {
    return null;
  }
}

function mismatch(label: string, what: string): EngineError {
  return new EngineError('CHECKSUM_MISMATCH', `${label}: ${what}; the file was deleted, run pull again (if this repeats, the server has a different file than the manifest pins)`);
}

/** Errors worth another try: network failures and busy or failing servers, not 404s or bad bytes. */
function retryable(err: unknown): boolean {
  const code = (err as { code?: string }).code ?? '';
  return !/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|ENOSPC|EACCES|EPERM|EROFS/.test(code);
}

export async function downloadFile(spec: DownloadSpec, o: DownloadOptions = {}): Promise<DownloadResult> {
  const part = `${spec.dest}.part`;
  const metaPath = `${part}.json`;
  const result: DownloadResult = { transferred: 0, resumedFrom: 0, requests: 0, reused: false };
  mkdirSync(dirname(spec.dest), { recursive: true });
  if (existsSync(spec.dest)) {
    if (sizeOf(spec.dest) === spec.bytes && (await sha256File(spec.dest)) === spec.sha256) return { ...result, reused: true };
    rmSync(spec.dest, { force: true });
  }
  const meta = readMeta(metaPath);
  if (!meta || meta.sha256 !== spec.sha256) rmSync(part, { force: true });

  const once = async (): Promise<DownloadResult> => {
    if (o.signal?.aborted) throw cancelled(spec.label);
    try {
      const digest = await attemptOnce(spec, part, metaPath, o, result);
      if (o.signal?.aborted) throw cancelled(spec.label);
      if (digest !== spec.sha256) {
        rmSync(part, { force: true });
        rmSync(metaPath, { force: true });
        throw mismatch(spec.label, `expected sha256 ${spec.sha256}, got ${digest}`);
      }
      renameSync(part, spec.dest);
      rmSync(metaPath, { force: true });
      return result;
    } catch (err) {
      if (o.signal?.aborted) throw cancelled(spec.label);
      if ((err as { code?: string }).code === 'ENOSPC') throw new EngineError('DISK_FULL', `${spec.label}: the disk is full; the partial download is kept`);
      if (err instanceof EngineError) throw err;
      if (!retryable(err)) {
        const tlsHint = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test((err as { code?: string }).code ?? '')
          ? ' (a mirror or proxy with its own certificate authority: set NODE_EXTRA_CA_CERTS to its PEM file)' : '';
        throw new EngineError('DOWNLOAD_FAILED', `${spec.label}: ${(err as Error).message}${tlsHint}`, { cause: err });
      }
      throw err;
    }
  };
  return withRetry(once, {
    retries: o.retries ?? 5,
    // What is still not an EngineError is a network failure or a busy server: worth another try.
    retryable: (err) => !(err instanceof EngineError),
    delayMs: (attempt) => exponentialDelay(attempt, o.retryDelayMs ?? 1000, 10_000),
    sleep: async (ms, signal) => {
      try {
        await sleep(ms, undefined, { signal });
      } catch {
        throw cancelled(spec.label);
      }
    },
    ...(o.signal ? { signal: o.signal } : {}),
    onRetry: (attempt, delayMs, err) => o.onRetry?.({ file: spec.label, attempt, delayMs, error: (err as Error).message }),
    giveUp: (err, attempts) => {
      const tries = attempts === 1 ? '1 try' : `${attempts} tries`;
      return new EngineError('DOWNLOAD_FAILED', `${spec.label}: ${(err as Error).message} (after ${tries}); the partial download is kept and pull resumes it`, { cause: err });
    },
  });
}

/** One request; resolves with the sha256 of the complete `.part`, or throws (retryable or not). */
async function attemptOnce(spec: DownloadSpec, part: string, metaPath: string, o: DownloadOptions, result: DownloadResult): Promise<string> {
  let have = sizeOf(part);
  if (have > spec.bytes) { rmSync(part, { force: true }); have = 0; }
  if (have === spec.bytes) return sha256File(part);
  const headers: Record<string, string> = {};
  const meta = readMeta(metaPath);
  if (have > 0) {
    headers.range = `bytes=${have}-`;
    const validator = meta?.url !== spec.url ? undefined : meta.etag && !meta.etag.startsWith('W/') ? meta.etag : meta.lastModified;
    if (validator) headers['if-range'] = validator;
  }
  result.requests++;
  const { res, url } = await httpGet(spec.url, headers, o);
  const status = res.statusCode ?? 0;
  if (status === 416 && have > 0) {
    res.resume();
    rmSync(part, { force: true });
    throw new Error(`the server refused to resume at byte ${have} (HTTP 416); restarting`);
  }
  if (status !== 200 && status !== 206) {
    res.resume();
    const text = `HTTP ${status} ${res.statusMessage ?? ''} from ${url.href}`.replace(/\s+from/, ' from');
    if (status === 408 || status === 429 || status >= 500) throw new Error(text);
    const hint = status === 401 || status === 403 ? ' (the model may be gated or the mirror may need a token)' : '';
    throw new EngineError('DOWNLOAD_FAILED', `${spec.label}: ${text}${hint}`);
  }
  let start = 0;
  if (status === 206) {
    const m = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(String(res.headers['content-range'] ?? ''));
    if (!m || Number(m[1]) !== have) {
      res.resume();
      rmSync(part, { force: true });
      throw new Error(`the server resumed at the wrong offset (Content-Range "${res.headers['content-range'] ?? ''}"); restarting`);
    }
    if (m[3] !== '*' && Number(m[3]) !== spec.bytes) { res.resume(); rmSync(part, { force: true }); throw mismatch(spec.label, `expected ${spec.bytes} bytes, the server has ${m[3]}`); }
    start = have;
    if (result.resumedFrom === 0) result.resumedFrom = have;
  } else {
    const len = res.headers['content-length'];
    if (len !== undefined && Number(len) !== spec.bytes) { res.resume(); rmSync(part, { force: true }); throw mismatch(spec.label, `expected ${spec.bytes} bytes, the server has ${len}`); }
  }
  const etag = res.headers.etag;
  const lastModified = res.headers['last-modified'];
  writeFileSync(metaPath, JSON.stringify({ url: spec.url, sha256: spec.sha256, ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) } satisfies PartMeta));

  const hash = createHash('sha256');
  await hashInto(hash, part, start);
  let done = start;
  o.onProgress?.(done);
  const count = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      done += chunk.length;
      result.transferred += chunk.length;
      if (done > spec.bytes) { cb(mismatch(spec.label, `the server sent more than the expected ${spec.bytes} bytes`)); return; }
      hash.update(chunk);
      o.onProgress?.(done);
      cb(null, chunk);
    },
  });
  const out = createWriteStream(part, { flags: start > 0 ? 'a' : 'w' });
  try {
    await pipeline(res, count, out);
  } catch (err) {
    // A write may still be in flight when the pipeline fails: wait until the file is closed, so the
    // next attempt measures the .part it will append to (else late bytes land after its Range start).
    if (!out.closed) await new Promise<void>((resolve) => out.once('close', () => resolve()));
    if (err instanceof EngineError) { rmSync(part, { force: true }); throw err; }
    const e = err as Error & { code?: string };
    if (o.signal?.aborted || e.code === 'ENOSPC') throw err;
    throw Object.assign(new Error(`the connection broke after ${done} of ${spec.bytes} bytes (${e.message})`), { code: e.code });
  }
  if (done !== spec.bytes) throw new Error(`the connection closed after ${done} of ${spec.bytes} bytes`);
  return hash.digest('hex');
}
