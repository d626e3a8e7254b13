/**
 * Zotero's base directory for linked files ("Linked Attachment Base Directory"): attachments stored
 * as `attachments:<relative path>` are relative to it. Zotero keeps it in its profile's prefs.js as
 * `user_pref("extensions.zotero.baseAttachmentPath", "…")`. Found from, in order: the `baseDir`
 * setting; a prefs.js given as `prefsFile`; prefs.js in the data folder; the profiles Zotero
 * creates (Linux ~/.zotero/zotero/<profile>, macOS ~/Library/Application Support/Zotero/Profiles/<profile>,
 * Windows %APPDATA%\Zotero\Zotero\Profiles\<profile>) whose `extensions.zotero.dataDir` is this data
 * folder (or which name no data folder, when this one is ~/Zotero, Zotero's default).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export interface BaseDirOptions { baseDir?: string; prefsFile?: string; home?: string; appData?: string }

/** `user_pref("name", value);` lines of a prefs.js, string values unescaped. */
export function readPrefs(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(/^\s*user_pref\(\s*"([^"]+)"\s*,\s*("(?:[^"\\]|\\.)*"|[^)]*?)\s*\)\s*;/gm)) {
    const raw = m[2]!;
    out.set(m[1]!, raw.startsWith('"') ? (JSON.parse(raw) as string) : raw);
  }
  return out;
}

function profileDirs(home: string, appData: string | undefined): string[] {
  const roots = [join(home, '.zotero', 'zotero'), join(home, 'Library', 'Application Support', 'Zotero', 'Profiles')];
  if (appData) roots.push(join(appData, 'Zotero', 'Zotero', 'Profiles'));
  return roots.flatMap((r) => {
    try { return readdirSync(r, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => join(r, e.name)); } catch { return []; }
  });
}

export function findBaseDir(dataDir: string, opts: BaseDirOptions = {}): string | null {
  if (opts.baseDir) return resolve(opts.baseDir);
  const home = opts.home ?? homedir();
  const candidates = [opts.prefsFile, join(dataDir, 'prefs.js'), ...profileDirs(home, opts.appData ?? process.env.APPDATA).map((p) => join(p, 'prefs.js'))];
  for (const file of candidates) {
    if (!file || !existsSync(file)) continue;
    const prefs = readPrefs(readFileSync(file, 'utf8'));
    const base = prefs.get('extensions.zotero.baseAttachmentPath');
    if (!base) continue;
    const named = prefs.get('extensions.zotero.dataDir');
    const forThis = file === opts.prefsFile || file === join(dataDir, 'prefs.js')
      || (named ? resolve(named) === resolve(dataDir) : resolve(dataDir) === join(home, 'Zotero'));
    if (forThis) return base;
  }
  return null;
}
