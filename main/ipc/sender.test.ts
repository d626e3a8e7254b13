import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isTrustedSender, senderProblem } from './sender.js';

const app = { protocol: 'app:', host: 'delve' };
const main = (url: string) => ({ senderFrame: { url, parent: null } });

test('the app main frame is trusted', () => {
  assert.equal(senderProblem(main('app://delve/index.html'), app), null);
  assert.equal(isTrustedSender(main('app://delve/index.html#/search?q=x'), app), true);
});

test('subframes are refused even on the app origin', () => {
  assert.equal(isTrustedSender({ senderFrame: { url: 'app://delve/index.html', parent: {} } }, app), false);
});

test('a missing or destroyed frame is refused', () => {
  assert.equal(isTrustedSender({}, app), false);
  assert.equal(isTrustedSender({ senderFrame: null }, app), false);
});

test('other origins, look-alikes and junk URLs are refused', () => {
  for (const url of [
    'https://delve/index.html',
    'file:///index.html',
    'app://delve.evil.com/index.html',
    'app://evil/index.html',
    'app://delve:8080/index.html',
    'about:blank',
    'not a url',
    '',
  ]) {
    assert.equal(isTrustedSender(main(url), app), false, url);
  }
});

test('a file: app origin compares protocol and (empty) host', () => {
  const fileApp = { protocol: 'file:', host: '' };
  assert.equal(isTrustedSender(main('file:///opt/delve/renderer/dist/index.html'), fileApp), true);
  assert.equal(isTrustedSender(main('app://delve/index.html'), fileApp), false);
});
