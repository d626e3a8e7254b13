/**
 * Delve's bundled OCR languages: the `@tesseract.js-data/<code>` npm packages installed beside the
 * engine (data.ts chooses between these and Tesseract's data on the computer, tessdata.ts). Nothing
 * is downloaded: the trained data is read from those packages' `4.0.0_best_int` folders (LSTM
 * models, integer weights). tesseract.js reads every language from one folder, so when several
 * packages are needed their files are linked (or copied) into one folder under the OS temp folder.
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { EngineError } from '../errors.js';

const require = createRequire(import.meta.url);
const DATA_FOLDER = '4.0.0_best_int';
const CODE = /^[a-z]{3}(_[a-z]+)?$/;

/** Folder of one language's `<code>.traineddata.gz`, or null when its package is not installed. */
export function languageFolder(code: string): string | null {
  if (!CODE.test(code)) return null;
  try {
    const dir = join(dirname(require.resolve(`@tesseract.js-data/${code}/package.json`)), DATA_FOLDER);
    return existsSync(join(dir, `${code}.traineddata.gz`)) ? dir : null;
  } catch {
    return null;
  }
}

/** Codes of the installed language packages (eng, fra…), sorted. */
export function bundledLanguages(): string[] {
  let scope: string;
  try {
    scope = dirname(dirname(require.resolve('@tesseract.js-data/eng/package.json')));
  } catch {
    return [];
  }
  return readdirSync(scope).filter((c) => languageFolder(c) !== null).sort();
}

/**
 * Checks the languages and returns the folder tesseract.js should read them from.
 * Throws OCR_LANGUAGE_UNKNOWN naming the installed ones.
 */
export function languageData(codes: string[]): { langs: string[]; folder: string } {
  if (codes.length === 0) throw new EngineError('OCR_LANGUAGE_UNKNOWN', 'no OCR language given');
  const folders = codes.map((c) => [c, languageFolder(c)] as const);
  const missing = folders.filter(([, f]) => f === null).map(([c]) => c);
  if (missing.length > 0) {
    throw new EngineError('OCR_LANGUAGE_UNKNOWN',
      `unknown OCR language ${missing.join(', ')}: installed are ${bundledLanguages().join(', ') || 'none'} (npm packages @tesseract.js-data/<code>)`);
  }
  const distinct = new Set(folders.map(([, f]) => f));
  if (distinct.size === 1) return { langs: codes, folder: folders[0]![1]! };
  const folder = join(tmpdir(), 'delve-tessdata', [...codes].sort().join('+'));
  mkdirSync(folder, { recursive: true });
  for (const [code, from] of folders) {
    const name = `${code}.traineddata.gz`;
    const to = join(folder, name);
    if (existsSync(to)) continue;
    try {
      linkSync(join(from!, name), to);
    } catch {
      copyFileSync(join(from!, name), to);
    }
  }
  return { langs: codes, folder };
}
