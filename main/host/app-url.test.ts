import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { APP_INDEX_URL, isAllowedExternal, isAppUrl, resolveAppFile } from './app-url.js';

const root = resolve('/opt/delve/renderer/dist');

test('app URLs are recognised by protocol and host', () => {
  assert.equal(isAppUrl(APP_INDEX_URL), true);
  assert.equal(isAppUrl('app://delve/assets/x.js?v=1#top'), true);
  assert.equal(isAppUrl('app://other/index.html'), false);
  assert.equal(isAppUrl('https://delve/index.html'), false);
  assert.equal(isAppUrl('file:///opt/delve/renderer/dist/index.html'), false);
  assert.equal(isAppUrl('::'), false);
});

test('app URLs map to files inside the renderer folder', () => {
  assert.equal(resolveAppFile(root, 'app://delve/'), join(root, 'index.html'));
  assert.equal(resolveAppFile(root, 'app://delve'), join(root, 'index.html'));
  assert.equal(resolveAppFile(root, APP_INDEX_URL), join(root, 'index.html'));
  assert.equal(resolveAppFile(root, 'app://delve/assets/index-abc.js?x#y'), join(root, 'assets', 'index-abc.js'));
  assert.equal(resolveAppFile(root, 'app://delve/assets/my%20file.css'), join(root, 'assets', 'my file.css'));
});

test('path traversal and foreign URLs are refused', () => {
  for (const url of [
    'app://delve/../../etc/passwd',
    'app://delve/%2e%2e/%2e%2e/etc/passwd',
    'app://delve/..%2f..%2fetc%2fpasswd',
    'app://delve/..%5c..%5cwindows%5cwin.ini',
    'app://delve/assets/%2e%2e/%2e%2e/%2e%2e/secret',
    'app://delve/%00index.html',
    'app://delve/%E0%A4%A',
    'app://evil/index.html',
    'file:///etc/passwd',
  ]) {
    const file = resolveAppFile(root, url);
    assert.ok(file === null || file.startsWith(root + '/'), `${url} → ${file}`);
  }
  assert.equal(resolveAppFile(root, 'app://delve/..%2f..%2fetc%2fpasswd'), null);
  assert.equal(resolveAppFile(root, 'app://delve/%00index.html'), null);
  assert.equal(resolveAppFile(root, 'app://evil/index.html'), null);
});

test('only allow-listed https hosts may open externally', () => {
  assert.equal(isAllowedExternal('https://doi.org/10.1000/182'), true);
  assert.equal(isAllowedExternal('https://pubmed.ncbi.nlm.nih.gov/12345/'), true);
  assert.equal(isAllowedExternal('https://www.ncbi.nlm.nih.gov/pmc/articles/PMC1/'), true);
  for (const url of [
    'http://doi.org/10.1000/182',
    'https://doi.org.evil.com/x',
    'https://evil.com/?https://doi.org',
    'https://user:pw@doi.org/x',
    'https://doi.org:8443/x',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'not a url',
  ]) {
    assert.equal(isAllowedExternal(url), false, url);
  }
});
