/**
 * What `npm run dist` will do about code signing and notarisation on this platform, from the
 * environment variables electron-builder reads, as lines to print and the environment to run it
 * with. Nothing is configured in files: a build without the variables is unsigned and says so.
 * Tested in test/packaging/signing.test.ts.
 */
const has = (env, ...names) => names.every((n) => typeof env[n] === 'string' && env[n] !== '');

/**
 * @param {string} platform process.platform of the build host (= the target)
 * @param {Record<string, string | undefined>} env
 * @returns {{ lines: string[], env: Record<string, string> }} messages, and variables to add
 */
export function signingPlan(platform, env) {
  const lines = [];
  const extra = {};
  if (platform === 'darwin') {
    if (has(env, 'CSC_LINK') || has(env, 'CSC_NAME')) {
      lines.push(`macOS: signing with ${has(env, 'CSC_LINK') ? 'the certificate in CSC_LINK' : `the keychain identity "${env.CSC_NAME}"`}`);
    } else {
      extra.CSC_IDENTITY_AUTO_DISCOVERY = 'false';
      lines.push('macOS: no CSC_LINK or CSC_NAME: the app is NOT signed (ad hoc only). Downloaded copies are refused by Gatekeeper ("damaged"); see build/README.md (xattr -dr com.apple.quarantine)');
    }
    const notarize = has(env, 'APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER') ? 'App Store Connect API key (APPLE_API_KEY)'
      : has(env, 'APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID') ? 'Apple ID (APPLE_ID, APPLE_TEAM_ID)'
        : has(env, 'APPLE_KEYCHAIN_PROFILE') ? `keychain profile "${env.APPLE_KEYCHAIN_PROFILE}"` : null;
    if (notarize && !extra.CSC_IDENTITY_AUTO_DISCOVERY) lines.push(`macOS: notarising with the ${notarize}`);
    else if (notarize) lines.push('macOS: notarisation credentials are set but nothing is signed: notarisation is skipped');
    else lines.push('macOS: no APPLE_API_KEY/APPLE_API_KEY_ID/APPLE_API_ISSUER or APPLE_ID/APPLE_APP_SPECIFIC_PASSWORD/APPLE_TEAM_ID: notarisation is skipped');
  } else if (platform === 'win32') {
    if (has(env, 'WIN_CSC_LINK') || has(env, 'CSC_LINK')) lines.push(`Windows: signing with the certificate in ${has(env, 'WIN_CSC_LINK') ? 'WIN_CSC_LINK' : 'CSC_LINK'}`);
    else lines.push('Windows: no WIN_CSC_LINK or CSC_LINK: the installer is NOT signed; SmartScreen warns before it runs (More info → Run anyway)');
  } else {
    lines.push('Linux: packages are not signed (deb and AppImage); publish checksums with them');
  }
  return { lines, env: extra };
}
