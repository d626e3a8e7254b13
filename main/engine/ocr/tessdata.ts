/**
 * Tesseract's own language data on this computer ("system" data): the tessdata folders a Tesseract
 * install reads, each holding `<code>.traineddata` files (uncompressed). Where Tesseract looks, in
 * order: `$TESSDATA_PREFIX` (Tesseract 4+ reads the folder itself, 3.x its `tessdata` subfolder: both
 * are tried), then the usual install places: Debian/Ubuntu `/usr/share/tesseract-ocr/5/tessdata` and
 * `…/4.00/tessdata`, Fedora/Arch `/usr/share/tessdata`, builds from source and Homebrew on Intel
 * `/usr/local/share/tessdata`, Homebrew on Apple Silicon `/opt/homebrew/share/tessdata`, Windows
 * (UB Mannheim installer) `%ProgramFiles%\Tesseract-OCR\tessdata`.
 */
import { readdirSync, statSync } from 'node:fs';
import { platform as osPlatform } from 'node:os';
import { join } from 'node:path';

/** A language code as Tesseract names its data files (eng, chi_sim, chi_tra_vert). */
export const LANGUAGE_CODE = /^[a-z]{3}(_[a-z]+)*$/;
/** Data files that are no language: orientation and script detection. */
const NOT_LANGUAGES = new Set(['osd']);

/** The folders Tesseract reads its data from here, most specific first (they need not exist). */
export function systemTessdataRoots(env: NodeJS.ProcessEnv = process.env, os: NodeJS.Platform = osPlatform()): string[] {
  const roots: string[] = [];
  const prefix = env.TESSDATA_PREFIX?.trim();
  if (prefix) roots.push(prefix, join(prefix, 'tessdata'));
  if (os === 'win32') {
    for (const pf of [env.ProgramFiles, env['ProgramFiles(x86)']]) if (pf) roots.push(join(pf, 'Tesseract-OCR', 'tessdata'));
  } else if (os === 'darwin') {
    roots.push('/opt/homebrew/share/tessdata', '/usr/local/share/tessdata', '/opt/local/share/tessdata');
  } else {
    roots.push('/usr/share/tesseract-ocr/5/tessdata', '/usr/share/tesseract-ocr/4.00/tessdata', '/usr/share/tessdata', '/usr/local/share/tessdata');
  }
  return [...new Set(roots)];
}

/**
 * The languages of the tessdata folders: code → its file. A code in several folders is taken from
 * the first root that has it (roots are in Tesseract's order of preference). Folders that are
 * missing or unreadable are skipped.
 */
export function systemLanguages(roots: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const root of roots) {
    let names: string[];
    try {
      names = readdirSync(root);
    } catch {
      continue;
    }
    for (const name of names.sort()) {
      const code = name.endsWith('.traineddata') ? name.slice(0, -'.traineddata'.length) : '';
      if (!LANGUAGE_CODE.test(code) || NOT_LANGUAGES.has(code) || out.has(code)) continue;
      const file = join(root, name);
      if (isFile(file)) out.set(code, file);
    }
  }
  return out;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
