import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { StoredDoc } from '../store/documents.js';
import { plan } from './plan.js';
import type { ScannedFile } from './scan.js';

const file = (path: string, size = 10, mtimeMs = 1): ScannedFile => ({ path, kind: 'note', size, mtimeMs });
const doc = (id: number, path: string, extra: Partial<StoredDoc> = {}): StoredDoc => ({
  id, path, kind: 'note', size: 10, mtimeMs: 1, contentHash: `h${id}`, status: 'ok', errorCode: null, chunking: 'c1', ...extra,
});

test('unchanged files are not read; changed, new and re-chunked ones are; missing ones are listed', () => {
  const p = plan(
    [file('/a.md'), file('/b.md', 11), file('/c.md'), file('/d.md')],
    [doc(1, '/a.md'), doc(2, '/b.md'), doc(3, '/c.md', { chunking: 'old' }), doc(4, '/gone.md')],
    'c1',
  );
  assert.equal(p.unchanged, 1);
  assert.deepEqual(p.reads.map((r) => [r.file.path, r.knownHash, r.rechunk]).sort(), [
    ['/b.md', 'h2', false], ['/c.md', 'h3', true], ['/d.md', null, false],
  ]);
  assert.equal(p.rechunk, 1);
  assert.deepEqual(p.missing.map((m) => m.path), ['/gone.md']);
});

test('failures are retried only when they may be transient or the file changed', () => {
  const p = plan(
    [file('/locked.md'), file('/binary.md'), file('/binary2.md', 99)],
    [
      doc(1, '/locked.md', { status: 'error', errorCode: 'FILE_UNREADABLE' }),
      doc(2, '/binary.md', { status: 'error', errorCode: 'ENCODING_UNSUPPORTED' }),
      doc(3, '/binary2.md', { status: 'error', errorCode: 'ENCODING_UNSUPPORTED' }),
    ],
    'c1',
  );
  assert.deepEqual(p.reads.map((r) => r.file.path).sort(), ['/binary2.md', '/locked.md']);
  assert.ok(p.reads.every((r) => r.knownHash === null), 'a failed document is parsed in full');
});
