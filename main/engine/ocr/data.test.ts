/**
 * Language data: discovery of Tesseract's tessdata folders (injected roots made here), the choice
 * between them and the bundled npm data, the error naming what is installed where, and the OCR
 * cache keys (the bundled key unchanged, the system key holding the data files' identity).
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { resolveConfig } from '../config.js';
import { EngineError } from '../errors.js';
import { dataIdentity, languageSources, ocrData, ocrDataSource, usableLanguages } from './data.js';
import { bundledLanguages, languageData } from './languages.js';
import { cacheKey } from './store.js';
import { systemLanguages, systemTessdataRoots } from './tessdata.js';

const dir = mkdtempSync(join(tmpdir(), 'delve-tessdata-test-'));
process.once('exit', () => rmSync(dir, { recursive: true, force: true }));

/** A tessdata folder holding the named files (contents: their names, or what is given). */
function tessdata(name: string, files: Record<string, string> | string[]): string {
  const root = join(dir, name);
  mkdirSync(root, { recursive: true });
  const entries: [string, string][] = Array.isArray(files) ? files.map((f) => [f, `data of ${name}/${f}`]) : Object.entries(files);
  for (const [f, body] of entries) writeFileSync(join(root, f), body);
  return root;
}

function code(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof EngineError, String(err));
    return { code: err.code, message: err.message };
  }
  assert.fail('no error thrown');
}

test('the tessdata folders Tesseract reads: $TESSDATA_PREFIX (itself and its tessdata), then the install places of each OS', () => {
  const linux = systemTessdataRoots({ TESSDATA_PREFIX: '/opt/t' }, 'linux');
  assert.deepEqual(linux, ['/opt/t', '/opt/t/tessdata', '/usr/share/tesseract-ocr/5/tessdata', '/usr/share/tesseract-ocr/4.00/tessdata', '/usr/share/tessdata', '/usr/local/share/tessdata']);
  assert.deepEqual(systemTessdataRoots({}, 'darwin').slice(0, 2), ['/opt/homebrew/share/tessdata', '/usr/local/share/tessdata']);
  assert.deepEqual(systemTessdataRoots({ ProgramFiles: 'C:\\Program Files' }, 'win32'), [join('C:\\Program Files', 'Tesseract-OCR', 'tessdata')]);
});

test('discovery: <code>.traineddata files, the first root holding a code wins, osd and other files are no languages', () => {
  const a = tessdata('disc-a', ['eng.traineddata', 'osd.traineddata', 'README', 'eng.traineddata.gz', 'chi_tra_vert.traineddata']);
  mkdirSync(join(a, 'script'), { recursive: true });
  const b = tessdata('disc-b', ['eng.traineddata', 'deu.traineddata']);
  const found = systemLanguages([join(dir, 'missing'), a, b]);
  assert.deepEqual([...found.keys()].sort(), ['chi_tra_vert', 'deu', 'eng']);
  assert.equal(found.get('eng'), join(a, 'eng.traineddata'));
  assert.equal(found.get('deu'), join(b, 'deu.traineddata'));
  const sources = languageSources({ roots: [a, b] });
  assert.deepEqual([...new Set([...sources.bundled, ...sources.system])].sort(), [...new Set([...bundledLanguages(), 'chi_tra_vert', 'deu', 'eng'])].sort(), 'the union of both sources');
});

test('auto: the system data when it holds every language, else the bundled data; forced sources; one source per run', () => {
  assert.deepEqual(bundledLanguages(), ['eng', 'fra'], 'this repository installs @tesseract.js-data/eng and fra');
  const engOnly = tessdata('choice-eng', ['eng.traineddata']);
  const full = tessdata('choice-full', ['eng.traineddata', 'fra.traineddata', 'deu.traineddata']);
  const sys = ocrData(['eng'], 'auto', { roots: [engOnly] });
  assert.deepEqual(sys, { source: 'system', langs: ['eng'], folder: engOnly, gzip: false, files: [join(engOnly, 'eng.traineddata')] });
  assert.deepEqual(ocrData(['eng', 'fra'], 'auto', { roots: [full] }).source, 'system');
  // The system lacks fra: all from the bundled data, exactly what languageData gives (unchanged behaviour).
  const bundled = ocrData(['eng', 'fra'], 'auto', { roots: [engOnly] });
  assert.deepEqual(bundled, { source: 'bundled', ...languageData(['eng', 'fra']), gzip: true, files: [] });
  assert.equal(ocrDataSource(['eng', 'fra'], 'auto', { roots: [engOnly] }), 'bundled', 'the same choice, without a folder prepared');
  assert.equal(ocrDataSource(['eng'], 'auto', { roots: [engOnly] }), 'system');
  assert.deepEqual(ocrData(['eng'], 'bundled', { roots: [full] }), { source: 'bundled', ...languageData(['eng']), gzip: true, files: [] });
  assert.equal(ocrData(['deu'], 'auto', { roots: [full] }).source, 'system', 'a language only the system has');
  assert.equal(ocrData(['eng'], 'system', { roots: [engOnly] }).source, 'system');
  // Mixed: deu only in the system, fra only in the bundle: no one source has both.
  const mixed = code(() => ocrData(['deu', 'fra'], 'auto', { roots: [engOnly, tessdata('choice-deu', ['deu.traineddata'])] }));
  assert.equal(mixed.code, 'OCR_LANGUAGE_UNKNOWN');
  assert.match(mixed.message, /no one source holds all of deu\+fra/);
  assert.deepEqual(usableLanguages(['deu', 'fra', 'eng'], 'auto', { roots: [full] }), ['deu', 'fra', 'eng']);
  assert.deepEqual(usableLanguages(['deu', 'fra'], 'bundled', { roots: [full] }), ['fra']);
  assert.deepEqual(usableLanguages(['fra', 'eng'], 'system', { roots: [engOnly] }), ['eng']);
});

test('unknown languages: OCR_LANGUAGE_UNKNOWN naming what each source has and where', () => {
  const engOnly = tessdata('unknown-eng', ['eng.traineddata']);
  const auto = code(() => ocrData(['xyz'], 'auto', { roots: [engOnly] }));
  assert.equal(auto.code, 'OCR_LANGUAGE_UNKNOWN');
  assert.equal(auto.message, `unknown OCR language xyz: installed are Tesseract's data on this computer: eng (in ${engOnly}); bundled (npm packages @tesseract.js-data/<code>): eng, fra`);
  const forced = code(() => ocrData(['fra'], 'system', { roots: [engOnly] }));
  assert.equal(forced.message, `unknown OCR language fra in the system data: installed are Tesseract's data on this computer: eng (in ${engOnly})`);
  const none = code(() => ocrData(['eng'], 'system', { roots: [join(dir, 'nowhere')] }));
  assert.equal(none.message, `unknown OCR language eng in the system data: installed are Tesseract's data on this computer: none (looked in ${join(dir, 'nowhere')})`);
  assert.match(code(() => ocrData(['deu'], 'bundled', { roots: [tessdata('unknown-deu', ['deu.traineddata'])] })).message, /^unknown OCR language deu in the bundled data: installed are bundled \(npm packages @tesseract\.js-data\/<code>\): eng, fra$/);
  // Through the engine's configuration (engine start, CLI).
  assert.equal(code(() => resolveConfig({ dbPath: ':memory:', ocr: { languages: ['deu'], data: 'bundled', tessdataRoots: [engOnly] } })).code, 'OCR_LANGUAGE_UNKNOWN');
  assert.equal(code(() => resolveConfig({ dbPath: ':memory:', ocr: { data: 'best' as 'auto' } })).code, 'BAD_ARGUMENT');
  const cfg = resolveConfig({ dbPath: ':memory:', ocr: { languages: ['deu'], tessdataRoots: [tessdata('cfg-deu', ['deu.traineddata'])] } });
  assert.equal(cfg.ocr.data, 'auto');
  assert.equal(resolveConfig({ dbPath: ':memory:' }).ocr.data, 'auto', 'auto by default');
});

test('system languages in several folders are read from one folder, made fresh from the current files', () => {
  const a = tessdata('multi-a', { 'eng.traineddata': 'eng v1' });
  const b = tessdata('multi-b', { 'deu.traineddata': 'deu v1' });
  const d = ocrData(['eng', 'deu'], 'system', { roots: [a, b] });
  assert.notEqual(d.folder, a);
  assert.deepEqual(d.files, [join(d.folder, 'eng.traineddata'), join(d.folder, 'deu.traineddata')]);
  assert.equal(readFileSync(d.files[1]!, 'utf8'), 'deu v1');
  const before = dataIdentity(d.files);
  rmSync(join(b, 'deu.traineddata'));
  writeFileSync(join(b, 'deu.traineddata'), 'deu v2'); // a new file, as a package upgrade writes
  const again = ocrData(['eng', 'deu'], 'system', { roots: [a, b] });
  assert.equal(again.folder, d.folder);
  assert.equal(readFileSync(again.files[1]!, 'utf8'), 'deu v2', 'the old link does not shadow the updated file');
  assert.notEqual(dataIdentity(again.files), before);
});

test('cache keys: the bundled key is the one of before, the system key depends on the data files', () => {
  assert.equal(cacheKey('0123abcd', ['eng', 'fra']), '270efe799a3dd10c3b711838890b21714686b54c82f630eee3fac61dd664ea66');
  assert.equal(cacheKey('0123abcd', ['eng', 'fra']), createHash('sha256').update('0123abcd|eng+fra').digest('hex'));
  const one = tessdata('key-1', { 'eng.traineddata': 'model one' });
  const two = tessdata('key-2', { 'eng.traineddata': 'model two' });
  const id1 = dataIdentity(ocrData(['eng'], 'system', { roots: [one] }).files);
  const id2 = dataIdentity(ocrData(['eng'], 'system', { roots: [two] }).files);
  assert.equal(id1, dataIdentity([join(one, 'eng.traineddata')]), 'the same for the same contents');
  assert.notEqual(id1, id2);
  const keys = new Set([cacheKey('0123abcd', ['eng']), cacheKey('0123abcd', ['eng'], id1), cacheKey('0123abcd', ['eng'], id2)]);
  assert.equal(keys.size, 3);
});
