/** scripts/signing.mjs: what `npm run dist` says and sets about signing, from the environment only. */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../helpers/shared.js';

type Plan = { lines: string[]; env: Record<string, string> };
const { signingPlan } = (await import(pathToFileURL(join(REPO_ROOT, 'scripts', 'signing.mjs')).href)) as { signingPlan(p: string, env: Record<string, string | undefined>): Plan };

test('macOS without credentials: unsigned, said plainly, no identity auto-discovery, notarisation skipped', () => {
  const plan = signingPlan('darwin', {});
  assert.deepEqual(plan.env, { CSC_IDENTITY_AUTO_DISCOVERY: 'false' });
  assert.match(plan.lines[0]!, /NOT signed.*xattr -dr com\.apple\.quarantine/);
  assert.match(plan.lines[1]!, /notarisation is skipped/);
});

test('macOS with a certificate and an API key: signed and notarised', () => {
  const plan = signingPlan('darwin', { CSC_LINK: 'cert.p12', CSC_KEY_PASSWORD: 'x', APPLE_API_KEY: 'k.p8', APPLE_API_KEY_ID: 'id', APPLE_API_ISSUER: 'iss' });
  assert.deepEqual(plan.env, {});
  assert.match(plan.lines.join('\n'), /signing with the certificate in CSC_LINK\nmacOS: notarising with the App Store Connect API key/);
  const appleId = signingPlan('darwin', { CSC_NAME: 'Developer ID Application: X', APPLE_ID: 'a@b.c', APPLE_APP_SPECIFIC_PASSWORD: 'p', APPLE_TEAM_ID: 'T' });
  assert.match(appleId.lines.join('\n'), /keychain identity "Developer ID Application: X"[\s\S]*notarising with the Apple ID/);
  // Part of the Apple ID triple is not enough.
  assert.match(signingPlan('darwin', { CSC_LINK: 'c', APPLE_ID: 'a@b.c' }).lines[1]!, /notarisation is skipped/);
  // Credentials without a certificate: notarising an unsigned app cannot work.
  assert.match(signingPlan('darwin', { APPLE_API_KEY: 'k', APPLE_API_KEY_ID: 'i', APPLE_API_ISSUER: 's' }).lines[1]!, /nothing is signed: notarisation is skipped/);
});

test('Windows: signed with WIN_CSC_LINK or CSC_LINK, otherwise unsigned with a message', () => {
  assert.match(signingPlan('win32', {}).lines[0]!, /NOT signed; SmartScreen/);
  assert.match(signingPlan('win32', { WIN_CSC_LINK: 'c.pfx' }).lines[0]!, /certificate in WIN_CSC_LINK/);
  assert.match(signingPlan('win32', { CSC_LINK: 'c.pfx', WIN_CSC_LINK: '' }).lines[0]!, /certificate in CSC_LINK/);
  assert.deepEqual(signingPlan('win32', {}).env, {});
});

test('Linux: unsigned packages, said so', () => {
  assert.match(signingPlan('linux', { CSC_LINK: 'x' }).lines[0]!, /not signed/);
});
