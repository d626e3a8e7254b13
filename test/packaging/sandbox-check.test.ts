/**
 * scripts/sandbox-check.mjs, run by `npm start` before Electron: with the kernel settings and the
 * chrome-sandbox owner/mode faked, it finds the combinations where Chromium's sandbox aborts
 * (Ubuntu 24.04's AppArmor userns restriction with a user-owned helper, as in electron#42510) and
 * prints the exact commands for this checkout, and stays quiet where the sandbox can start.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../helpers/shared.js';

interface Io {
  platform: string; uid?: number; electronDir: string;
  readText(p: string): string | null; stat(p: string): { uid: number; mode: number } | null; hasProfileFor(b: string): boolean;
}
const mod = (await import(pathToFileURL(join(REPO_ROOT, 'scripts', 'sandbox-check.mjs')).href)) as {
  sandboxProblem(io: Io): { reason: string; fixes: string[] } | null;
  apparmorProfile(name: string, binary: string): string;
};

const DIR = '/home/ana/delve/node_modules/electron/dist';
const USER_HELPER = { uid: 1000, mode: 0o100755 };
const ROOT_HELPER = { uid: 0, mode: 0o104755 };
const io = (sysctl: Record<string, string>, helper: { uid: number; mode: number } | null, profile = false): Io => ({
  platform: 'linux', uid: 1000, electronDir: DIR,
  readText: (p) => sysctl[p.split('/').slice(3).join('.')] ?? null,
  stat: (p) => (p === `${DIR}/chrome-sandbox` ? helper : null),
  hasProfileFor: (b) => profile && b === `${DIR}/electron`,
});
const UBUNTU_2404 = { 'kernel.apparmor_restrict_unprivileged_userns': '1\n', 'user.max_user_namespaces': '63429\n' };

test('Ubuntu 24.04 with the helper as npm installed it: the sandbox cannot start, and the fixes name this checkout', () => {
  const p = mod.sandboxProblem(io(UBUNTU_2404, USER_HELPER));
  assert.ok(p);
  assert.match(p.reason, /kernel\.apparmor_restrict_unprivileged_userns = 1/);
  assert.match(p.reason, /chrome-sandbox is owned by uid 1000 with mode 755, not root with 4755/);
  assert.equal(p.fixes.length, 2);
  assert.match(p.fixes[0]!, /sudo tee \/etc\/apparmor\.d\/delve-dev-electron/);
  assert.ok(p.fixes[0]!.includes(`profile delve-dev-electron "${DIR}/electron" flags=(unconfined) {`));
  assert.match(p.fixes[0]!, /^ {4}userns,$/m);
  assert.match(p.fixes[0]!, /sudo apparmor_parser -r \/etc\/apparmor\.d\/delve-dev-electron/);
  assert.equal(p.fixes[1]!.split('\n')[1], `  sudo chown root:root "${DIR}/chrome-sandbox" && sudo chmod 4755 "${DIR}/chrome-sandbox"`);
  assert.doesNotMatch(p.fixes.join('\n'), /no-sandbox/);
});

test('the sandbox can start: a root-owned 4755 helper, an AppArmor profile, or no restriction', () => {
  assert.equal(mod.sandboxProblem(io(UBUNTU_2404, ROOT_HELPER)), null);
  assert.equal(mod.sandboxProblem(io(UBUNTU_2404, USER_HELPER, true)), null);
  assert.equal(mod.sandboxProblem(io({ 'kernel.apparmor_restrict_unprivileged_userns': '0' }, USER_HELPER)), null);
  assert.equal(mod.sandboxProblem(io({}, USER_HELPER)), null, 'Debian/Fedora defaults: user namespaces allowed');
  assert.equal(mod.sandboxProblem({ ...io(UBUNTU_2404, USER_HELPER), platform: 'darwin' }), null);
  // Setuid but not root-owned is not enough.
  assert.ok(mod.sandboxProblem(io(UBUNTU_2404, { uid: 1000, mode: 0o104755 })));
});

test('user namespaces off for the whole machine: the helper fix, or the sysctl', () => {
  const p = mod.sandboxProblem(io({ 'kernel.unprivileged_userns_clone': '0' }, USER_HELPER));
  assert.ok(p);
  assert.match(p.reason, /kernel\.unprivileged_userns_clone = 0/);
  assert.equal(p.fixes.length, 2);
  assert.match(p.fixes[0]!, /chmod 4755/);
  assert.match(p.fixes[1]!, /sysctl -w kernel\.unprivileged_userns_clone=1/);
  const none = mod.sandboxProblem(io({ 'user.max_user_namespaces': '0' }, null));
  assert.match(none!.reason, /user\.max_user_namespaces = 0.*chrome-sandbox is missing/);
});

test('as root Chromium refuses its sandbox: say so, never add --no-sandbox', () => {
  const p = mod.sandboxProblem({ ...io({}, ROOT_HELPER), uid: 0 });
  assert.match(p!.reason, /as root/);
});

test('the AppArmor profile text', () => {
  assert.equal(mod.apparmorProfile('delve', '/opt/Delve/Delve.AppImage'), 'abi <abi/4.0>,\ninclude <tunables/global>\n\nprofile delve "/opt/Delve/Delve.AppImage" flags=(unconfined) {\n  userns,\n\n  include if exists <local/delve>\n}\n');
});
