import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { FolderGrants } from './grants.js';

const root = resolve('/data/papers');

test('picked folders and their contents are allowed', () => {
  const g = new FolderGrants();
  g.grant([root]);
  assert.equal(g.allows(root), true);
  assert.equal(g.allows(join(root, 'a', 'b.pdf')), true);
  assert.equal(g.allows(join(root, '..notes.md')), true); // a name starting with .., inside
  assert.doesNotThrow(() => g.check([root, join(root, 'x.md')]));
});

test('anything else is FORBIDDEN', () => {
  const g = new FolderGrants();
  assert.equal(g.allows(root), false);
  g.grant([root]);
  assert.equal(g.allows(resolve('/data/papers-old')), false);
  assert.equal(g.allows(join(root, '..', 'secrets')), false);
  assert.equal(g.allows(resolve('/etc/passwd')), false);
  assert.throws(() => g.check([root, resolve('/etc')]), (err: { code?: string }) => err.code === 'FORBIDDEN');
});
