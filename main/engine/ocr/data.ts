/**
 * Which language data a run's OCR reads: Delve's bundled npm packages (languages.ts, gzipped
 * `4.0.0_best_int`) or Tesseract's data installed on this computer (tessdata.ts, uncompressed; on
 * Debian, tessdata_fast). `auto`: the system's data when it holds every requested language, else the
 * bundled data when that does. The languages of one run come from one source: tesseract.js reads
 * every language from one folder with one gzip flag.
 */
import { copyFileSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { OcrDataMode, OcrLanguageSources } from '../api.js';
import { EngineError } from '../errors.js';
import { bundledLanguages, languageData, languageFolder } from './languages.js';
import { systemLanguages, systemTessdataRoots } from './tessdata.js';

export type { OcrDataMode };
export type OcrDataSource = 'bundled' | 'system';

export interface OcrData {
  source: OcrDataSource;
  langs: string[];
  /** The one folder tesseract.js reads every language from. */
  folder: string;
  /** Files are `<code>.traineddata.gz` (bundled) or `<code>.traineddata` (system). */
  gzip: boolean;
  /** The system data files used, one per language (their contents make the OCR cache key); bundled: none. */
  files: string[];
}

/** Where the language data of one source is looked for; `roots` replaces the system tessdata folders (tests). */
export interface DataPlaces { roots?: string[] }

/**
 * The data for the languages. Throws OCR_LANGUAGE_UNKNOWN naming, per source, the installed
 * languages and where they are.
 */
export function ocrData(codes: string[], mode: OcrDataMode = 'auto', places: DataPlaces = {}): OcrData {
  const { source, system } = pick(codes, mode, places);
  if (source === 'system') return systemData(codes, system);
  const { langs, folder } = languageData(codes);
  return { source: 'bundled', langs, folder, gzip: true, files: [] };
}

/**
 * Which source would read the languages, without preparing its folder (settings and config checks);
 * throws OCR_LANGUAGE_UNKNOWN as ocrData does.
 */
export function ocrDataSource(codes: string[], mode: OcrDataMode = 'auto', places: DataPlaces = {}): OcrDataSource {
  return pick(codes, mode, places).source;
}

function pick(codes: string[], mode: OcrDataMode, places: DataPlaces): { source: OcrDataSource; system: Map<string, string> } {
  if (codes.length === 0) throw new EngineError('OCR_LANGUAGE_UNKNOWN', 'no OCR language given');
  const roots = places.roots ?? systemTessdataRoots();
  const system = systemLanguages(roots);
  if (mode !== 'bundled' && codes.every((c) => system.has(c))) return { source: 'system', system };
  if (mode !== 'system' && codes.every((c) => languageFolder(c) !== null)) return { source: 'bundled', system };
  throw unknown(codes, mode, system, roots);
}

/** The languages of each source, and the folders the system's were found in (Settings → OCR). */
export function languageSources(places: DataPlaces = {}): OcrLanguageSources {
  const system = systemLanguages(places.roots ?? systemTessdataRoots());
  return {
    bundled: bundledLanguages(),
    system: [...system.keys()].sort(),
    systemFolders: [...new Set([...system.values()].map((f) => dirname(f)))],
  };
}

/** The languages of `codes` one source can read together under `mode` (those of the source holding more of them). */
export function usableLanguages(codes: string[], mode: OcrDataMode = 'auto', places: DataPlaces = {}): string[] {
  const system = systemLanguages(places.roots ?? systemTessdataRoots());
  const fromSystem = mode === 'bundled' ? [] : codes.filter((c) => system.has(c));
  const fromBundle = mode === 'system' ? [] : codes.filter((c) => languageFolder(c) !== null);
  return fromSystem.length >= fromBundle.length ? fromSystem : fromBundle;
}

/** sha256 over each data file's sha256: what identifies the model behind an OCR text (computed once per run). */
export function dataIdentity(files: string[]): string {
  const h = createHash('sha256');
  for (const f of files) h.update(createHash('sha256').update(readFileSync(f)).digest('hex')).update('\n');
  return h.digest('hex');
}

function systemData(codes: string[], system: Map<string, string>): OcrData {
  const files = codes.map((c) => system.get(c)!);
  const folders = new Set(files.map((f) => dirname(f)));
  if (folders.size === 1) return { source: 'system', langs: codes, folder: [...folders][0]!, gzip: false, files };
  // Languages in different folders: linked (or copied) into one folder named by the files used.
  const id = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 16);
  const folder = join(tmpdir(), 'delve-tessdata', `system-${id}`);
  mkdirSync(folder, { recursive: true });
  codes.forEach((code, i) => {
    const to = join(folder, `${code}.traineddata`);
    const part = `${to}.${process.pid}.part`;
    // Made fresh each run and renamed into place, so an updated system file is never shadowed by an old link.
    rmSync(part, { force: true });
    try {
      linkSync(files[i]!, part);
    } catch {
      copyFileSync(files[i]!, part);
    }
    renameSync(part, to);
  });
  return { source: 'system', langs: codes, folder, gzip: false, files: codes.map((c) => join(folder, `${c}.traineddata`)) };
}

function unknown(codes: string[], mode: OcrDataMode, system: Map<string, string>, roots: string[]): EngineError {
  const bundled = bundledLanguages();
  const missing = codes.filter((c) => (mode === 'bundled' || !system.has(c)) && (mode === 'system' || languageFolder(c) === null));
  const what = missing.length > 0
    ? `unknown OCR language ${missing.join(', ')}`
    : `no one source holds all of ${codes.join('+')} (the languages of a run come from one source)`;
  const systemPlaces = [...new Set([...system.values()].map((f) => dirname(f)))];
  const bundledText = `bundled (npm packages @tesseract.js-data/<code>): ${bundled.join(', ') || 'none'}`;
  const systemText = `Tesseract's data on this computer: ${[...system.keys()].sort().join(', ') || 'none'}`
    + ` (${systemPlaces.length > 0 ? `in ${systemPlaces.join(', ')}` : `looked in ${roots.join(', ')}`})`;
  const sources = mode === 'bundled' ? [bundledText] : mode === 'system' ? [systemText] : [systemText, bundledText];
  return new EngineError('OCR_LANGUAGE_UNKNOWN', `${what}${mode === 'auto' ? '' : ` in the ${mode} data`}: installed are ${sources.join('; ')}`);
}
