import assert from 'node:assert/strict';
import { test } from 'node:test';
import { installPermissionHandlers, permissionAllowed, type PermissionSession } from './permissions.js';

const APP = 'app://delve/index.html';

test('clipboard-sanitized-write is granted to the app\'s own top frame only', () => {
  const ask = { permission: 'clipboard-sanitized-write', requestingUrl: APP, isMainFrame: true, contentsUrl: APP };
  assert.equal(permissionAllowed(ask), true);
  assert.equal(permissionAllowed({ ...ask, isMainFrame: false }), false, 'a subframe');
  assert.equal(permissionAllowed({ ...ask, isMainFrame: undefined }), false);
  assert.equal(permissionAllowed({ ...ask, requestingUrl: 'https://evil.example/' }), false, 'another origin');
  assert.equal(permissionAllowed({ ...ask, requestingUrl: 'app://other/' }), false, 'another app host');
  assert.equal(permissionAllowed({ ...ask, contentsUrl: 'https://evil.example/' }), false, 'the window left the app');
  assert.equal(permissionAllowed({ ...ask, requestingUrl: undefined }), false);
});

test('every other permission is refused, even to the app', () => {
  for (const permission of ['clipboard-read', 'media', 'geolocation', 'notifications', 'openExternal', 'fullscreen', 'hid', 'serial', 'pointerLock']) {
    assert.equal(permissionAllowed({ permission, requestingUrl: APP, isMainFrame: true, contentsUrl: APP }), false, permission);
  }
});

test('the installed session handlers apply the rule (request, check, devices)', () => {
  const h: Partial<Record<'request' | 'check' | 'device', (...a: never[]) => unknown>> = {};
  const ses: PermissionSession = {
    setPermissionRequestHandler: (fn) => { h.request = fn as never; },
    setPermissionCheckHandler: (fn) => { h.check = fn as never; },
    setDevicePermissionHandler: (fn) => { h.device = fn as never; },
  };
  installPermissionHandlers(ses);
  const app = { getURL: () => APP };
  const foreign = { getURL: () => 'https://evil.example/' };
  const request = (contents: { getURL(): string }, permission: string, details: object) => {
    let answer: boolean | undefined;
    (h.request as unknown as (c: unknown, p: string, cb: (g: boolean) => void, d: object) => void)(contents, permission, (g) => { answer = g; }, details);
    return answer;
  };
  assert.equal(request(app, 'clipboard-sanitized-write', { requestingUrl: APP, isMainFrame: true }), true);
  assert.equal(request(app, 'clipboard-sanitized-write', { requestingUrl: APP, isMainFrame: false }), false);
  assert.equal(request(foreign, 'clipboard-sanitized-write', { requestingUrl: 'https://evil.example/', isMainFrame: true }), false);
  assert.equal(request(app, 'media', { requestingUrl: APP, isMainFrame: true }), false);
  const check = h.check as unknown as (c: unknown, p: string, origin: string, d: object) => boolean;
  assert.equal(check(app, 'clipboard-sanitized-write', 'app://delve', { isMainFrame: true }), true, 'the origin stands in for a missing requestingUrl');
  assert.equal(check(app, 'clipboard-sanitized-write', 'app://delve', { requestingUrl: APP, isMainFrame: false }), false);
  assert.equal(check(null, 'clipboard-sanitized-write', 'app://delve', { requestingUrl: APP, isMainFrame: true }), false, 'no web contents');
  assert.equal(check(app, 'clipboard-read', 'app://delve', { requestingUrl: APP, isMainFrame: true }), false);
  assert.equal((h.device as unknown as () => boolean)(), false);
});
