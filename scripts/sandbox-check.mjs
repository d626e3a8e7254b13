/**
 * Whether Chromium's sandbox can start on this Linux machine for the Electron binary at
 * `electronDir`, and if not, exactly what to run. Chromium needs either unprivileged user
 * namespaces (refused when kernel.unprivileged_userns_clone or user.max_user_namespaces is 0, or by
 * Ubuntu 23.10+'s kernel.apparmor_restrict_unprivileged_userns=1 for a binary without an AppArmor
 * profile that grants `userns`) or a root-owned setuid chrome-sandbox (mode 4755). Otherwise Electron
 * aborts with "The SUID sandbox helper binary was found, but is not configured correctly"
 * (electron#42510). Delve never turns the sandbox off; this says how to make it work.
 * I/O is injected (readText, stat), so it is tested with fakes in test/packaging/sandbox-check.test.ts.
 */
import { join } from 'node:path';

export const PROFILE_NAME = 'delve-dev-electron';

/** An AppArmor profile that lets one binary create user namespaces (and confines nothing else). */
export function apparmorProfile(name, binary) {
  return [
    'abi <abi/4.0>,',
    'include <tunables/global>',
    '',
    `profile ${name} "${binary}" flags=(unconfined) {`,
    '  userns,',
    '',
    `  include if exists <local/${name}>`,
    '}',
    '',
  ].join('\n');
}

/**
 * @param {{ platform: string, uid?: number, electronDir: string, readText(p: string): string | null, stat(p: string): { uid: number, mode: number } | null, hasProfileFor(binary: string): boolean }} io
 * @returns {null | { reason: string, fixes: string[] }}
 */
export function sandboxProblem({ platform, uid, electronDir, readText, stat, hasProfileFor }) {
  if (platform !== 'linux') return null;
  if (uid === 0) {
    return { reason: 'Chromium refuses to start its sandbox as root.', fixes: ['Run "npm start" as a normal user (Delve does not run with --no-sandbox).'] };
  }
  const binary = join(electronDir, 'electron');
  const helper = join(electronDir, 'chrome-sandbox');
  const num = (p) => { const t = readText(p); return t === null ? null : Number(t.trim()); };

  const clone = num('/proc/sys/kernel/unprivileged_userns_clone');
  const maxNs = num('/proc/sys/user/max_user_namespaces');
  const apparmor = num('/proc/sys/kernel/apparmor_restrict_unprivileged_userns');
  let userns = null;
  if (clone === 0) userns = 'unprivileged user namespaces are disabled (kernel.unprivileged_userns_clone = 0)';
  else if (maxNs === 0) userns = 'user namespaces are disabled (user.max_user_namespaces = 0)';
  else if (apparmor === 1 && !hasProfileFor(binary)) userns = `AppArmor restricts unprivileged user namespaces (kernel.apparmor_restrict_unprivileged_userns = 1) and no AppArmor profile covers ${binary}`;
  if (userns === null) return null;

  const s = stat(helper);
  if (s !== null && s.uid === 0 && (s.mode & 0o7777) === 0o4755) return null;
  const helperState = s === null ? `${helper} is missing` : `${helper} is owned by uid ${s.uid} with mode ${(s.mode & 0o7777).toString(8)}, not root with 4755`;

  const fixes = [];
  if (apparmor === 1 && clone !== 0 && maxNs !== 0) {
    fixes.push([
      `Allow user namespaces for this checkout's Electron only (an AppArmor profile; once per checkout and Electron update):`,
      `  sudo tee /etc/apparmor.d/${PROFILE_NAME} >/dev/null <<'EOF'`,
      ...apparmorProfile(PROFILE_NAME, binary).trimEnd().split('\n').map((l) => `  ${l}`),
      '  EOF',
      `  sudo apparmor_parser -r /etc/apparmor.d/${PROFILE_NAME}`,
    ].join('\n'));
  }
  if (s !== null) {
    fixes.push([
      'Or make the setuid sandbox helper usable (again after each "npm install" that replaces Electron):',
      `  sudo chown root:root "${helper}" && sudo chmod 4755 "${helper}"`,
    ].join('\n'));
  }
  if (clone === 0) fixes.push('Or enable unprivileged user namespaces for the whole machine:\n  sudo sysctl -w kernel.unprivileged_userns_clone=1');
  return { reason: `Chromium's sandbox cannot start: ${userns}, and ${helperState}.`, fixes };
}
