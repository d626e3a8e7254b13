/** Streaming sha256 of files (whole, or their first bytes), never reading a file into memory at once. */
import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** Feeds the first `end` bytes of `path` (all of it when omitted) into `hash`. */
export async function hashInto(hash: Hash, path: string, end?: number): Promise<void> {
  if (end === 0) return;
  const stream = createReadStream(path, end === undefined ? {} : { start: 0, end: end - 1 });
  for await (const chunk of stream) hash.update(chunk as Buffer);
}

export async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256');
  await hashInto(h, path);
  return h.digest('hex');
}
