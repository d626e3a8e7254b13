/**
 * The garbage detector on real OCR layers, as scanners and OCR tools write them: the `tesseract`
 * CLI makes a searchable PDF (the scan with an invisible text layer) of the first page of each
 * scanned PDF in ../shared/pdfs. Its layer, read back by Delve's extraction, is not garbage. The
 * same PDF with its ToUnicode map rewritten (qpdf --qdf, the identity range moved to the Private Use
 * Area, as a broken map does) is.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { extractPdf } from '../../main/engine/ingest/pdf/extract.js';
import { judgeTextLayer } from '../../main/engine/ocr/garbage.js';
import { renderPages, tesseractMissing } from '../helpers/ocr-reference.js';
import { sharedDir, tempDir } from '../helpers/shared.js';

const missing = tesseractMissing();

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.error || r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.error?.message ?? r.stderr}`);
}

const layerOf = async (file: string) => (await extractPdf(new Uint8Array(readFileSync(file)), { path: file })).pages[0]!.text;

test('tesseract\'s own text layers are not garbage; the same layers behind a broken ToUnicode map are', { skip: missing ?? false, timeout: 300_000 }, async (t) => {
  const dir = tempDir('delve-garbage-tess-');
  const pdfDir = join(sharedDir(), 'pdfs');
  const scans = readdirSync(pdfDir).filter((f) => f.startsWith('scanned_')).sort();
  assert.equal(scans.length, 4);
  for (const f of scans) {
    const [png] = await renderPages(join(pdfDir, f), [1], dir, f);
    const base = join(dir, f.replace(/\.pdf$/, '-ocr'));
    run('tesseract', [png!, base, '-l', 'eng', 'pdf']);
    const good = judgeTextLayer(await layerOf(`${base}.pdf`));
    t.diagnostic(`${f}: ${JSON.stringify(good.stats)}`);
    assert.ok(good.stats.chars >= 80, `${f}: the layer is long enough to be judged`);
    assert.equal(good.reason, null, `${f}: tesseract's layer is usable`);

    run('qpdf', ['--qdf', '--object-streams=disable', `${base}.pdf`, `${base}.qdf.pdf`]);
    const qdf = readFileSync(`${base}.qdf.pdf`);
    const at = qdf.indexOf('<0000> <FFFF> <0000>');
    assert.ok(at > 0, 'tesseract writes an identity ToUnicode range');
    qdf.write('<0000> <FFFF> <E000>', at, 'latin1'); // same length: offsets stay valid
    const broken = `${base}.broken.pdf`;
    writeFileSync(broken, qdf);
    const bad = judgeTextLayer(await layerOf(broken));
    assert.equal(bad.reason, 'unusable characters', `${f}: behind a broken map: ${JSON.stringify(bad.stats)}`);
  }
});
