import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { nativeBindingDir, nativeBindingPath } from './native-binding.js';

const runtime = { electronVersion: '40.10.2', platform: 'linux', arch: 'x64' };

test('the folder name matches scripts/native-bindings.mjs', () => {
  assert.equal(nativeBindingDir(runtime), 'electron-40.10.2-linux-x64');
});

test('in development the binding is under the project root', () => {
  assert.equal(
    nativeBindingPath({ ...runtime, appPath: '/home/me/delve' }),
    join('/home/me/delve', 'native', 'electron-40.10.2-linux-x64', 'better_sqlite3.node'),
  );
});

test('packaged, the binding is read from app.asar.unpacked', () => {
  const p = nativeBindingPath({ ...runtime, appPath: '/opt/Delve/resources/app.asar' });
  assert.equal(p, join('/opt/Delve/resources/app.asar.unpacked', 'native', 'electron-40.10.2-linux-x64', 'better_sqlite3.node'));
});
