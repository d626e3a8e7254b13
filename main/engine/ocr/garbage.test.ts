/**
 * The garbage text-layer detector: no page of the born-digital PDFs in ../shared/pdfs is judged
 * garbage (English, French, Arabic, Korean, a 113-page standard with tables of contents), while
 * generated garbage is: symbol soup, random letters, random case, private-use characters,
 * `(cid:N)` placeholders, a scanner's badly corrupted OCR layer, words run together, and the text
 * layer of a PDF whose font maps every character to the Private Use Area (through pdfium).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { extractPdf } from '../ingest/pdf/extract.js';
import { sharedDir } from '../../../test/helpers/shared.js';
import { textPdf } from '../../../test/helpers/image-pdf.js';
import { judgeTextLayer, MIN_CHARS } from './garbage.js';

/** A seeded generator (mulberry32), so the garbage is the same on every run. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PROSE = 'The committee reviewed the evidence from twelve randomised trials and concluded that the treatment reduced the risk of heart failure in older patients, although the effect was smaller in women and in those with diabetes. Further studies should report adverse events consistently. ';

function words(r: () => number, n: number, alphabet: string, caseFlip = false): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let w = '';
    const len = 2 + Math.floor(r() * 8);
    for (let j = 0; j < len; j++) {
      const c = alphabet[Math.floor(r() * alphabet.length)]!;
      w += caseFlip && r() < 0.5 ? c.toUpperCase() : c;
    }
    out.push(w);
  }
  return out.join(' ');
}

test('no page of the born-digital PDFs in ../shared/pdfs is judged garbage', { timeout: 300_000 }, async (t) => {
  const dir = join(sharedDir(), 'pdfs');
  let pages = 0;
  let judged = 0;
  const flagged: string[] = [];
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.pdf') && !f.startsWith('scanned_')).sort()) {
    const d = await extractPdf(new Uint8Array(readFileSync(join(dir, f))), { path: f });
    for (const p of d.pages) {
      pages++;
      const v = judgeTextLayer(p.text);
      if (v.stats.chars >= MIN_CHARS) judged++;
      if (v.garbage) flagged.push(`${f} p${p.number}: ${v.reason} ${JSON.stringify(v.stats)}`);
    }
  }
  t.diagnostic(`${pages} pages, ${judged} judged (≥ ${MIN_CHARS} characters), ${flagged.length} judged garbage`);
  assert.ok(judged > 200, `${judged} pages judged`);
  assert.deepEqual(flagged, [], 'no false positive');
});

test('generated garbage is judged garbage, each for its reason; real prose in several scripts is not', () => {
  const r = rng(19);
  const prose = PROSE.repeat(3);
  const printable = Array.from({ length: 94 }, (_, i) => String.fromCharCode(33 + i)).join('');
  const cases: [string, string, string][] = [
    ['symbol soup', words(r, 150, printable), 'few letters'],
    ['random letters', words(r, 150, 'abcdefghijklmnopqrstuvwxyz'), 'implausible words'],
    ['vowel soup', words(r, 150, 'aeiouaeiouaeioubc'), 'implausible vowel share'],
    ['random case', words(r, 150, 'aeiouaeioubcdfghlmnprst', true), 'implausible words'],
    ['private use', [...prose].map((c) => (c === ' ' ? c : String.fromCharCode(0xe000 + c.charCodeAt(0)))).join(''), 'unusable characters'],
    ['replacement characters', prose.replace(/[aeiou]/g, '\uFFFD'), 'unusable characters'],
    ['cid placeholders', Array.from({ length: 120 }, (_, i) => `(cid:${(i * 7) % 90})`).join('') + ' ' + prose.slice(0, 100), 'unusable characters'],
    ['corrupted OCR layer', [...prose].map((c) => (c !== ' ' && r() < 0.45 ? printable[Math.floor(r() * 94)]! : c)).join(''), 'implausible words'],
    ['words run together', prose.replace(/ /g, ''), 'words run together'],
  ];
  for (const [name, text, reason] of cases) {
    const v = judgeTextLayer(text);
    assert.equal(v.reason, reason, `${name}: ${JSON.stringify(v.stats)}`);
  }
  const real = [
    prose,
    'Le comité a examiné les données de douze essais randomisés et a conclu que le traitement réduisait le risque d\'insuffisance cardiaque chez les patients âgés, bien que l\'effet fût plus faible chez les femmes. '.repeat(2),
    'Der Ausschuss prüfte die Ergebnisse von zwölf randomisierten Studien und kam zu dem Schluss, dass die Behandlung das Risiko einer Herzinsuffizienz bei älteren Patienten verringerte. '.repeat(2),
    'Комитет рассмотрел данные двенадцати рандомизированных исследований и пришёл к выводу, что лечение снижает риск сердечной недостаточности у пожилых пациентов. '.repeat(2),
    'Η επιτροπή εξέτασε τα δεδομένα δώδεκα τυχαιοποιημένων μελετών και κατέληξε ότι η θεραπεία μείωσε τον κίνδυνο καρδιακής ανεπάρκειας σε ηλικιωμένους ασθενείς. '.repeat(2),
    '委员会审查了十二项随机试验的证据，得出结论认为该治疗降低了老年患者心力衰竭的风险，尽管在女性和糖尿病患者中效果较小。'.repeat(3),
    'Table 2. Baseline characteristics\nAge (years) 64.2 ± 8.1 63.9 ± 7.7 0.41\nBMI (kg/m2) 27.3 ± 4.2 27.9 ± 4.6 0.22\nSBP (mmHg) 142 ± 18 139 ± 17 0.08\nHbA1c (%) 6.1 ± 0.9 6.3 ± 1.1 0.04\n'.repeat(3),
  ];
  for (const text of real) assert.equal(judgeTextLayer(text).reason, null, text.slice(0, 40));
  assert.equal(judgeTextLayer('a few words').garbage, false, 'short pages are not judged');
});

test('a PDF whose font maps its characters to the Private Use Area: its text layer, read by pdfium, is garbage', async () => {
  const pdf = textPdf([{ pageW: 612, pageH: 792, text: { size: 11, privateUse: true, lines: PROSE.match(/.{1,80}(\s|$)/g)!.map((l) => l.trim()) } }]);
  const d = await extractPdf(new Uint8Array(pdf), { path: 'pua.pdf' });
  const v = judgeTextLayer(d.pages[0]!.text);
  assert.equal(v.reason, 'unusable characters', JSON.stringify(v.stats));
  const plain = textPdf([{ pageW: 612, pageH: 792, text: { size: 11, lines: PROSE.match(/.{1,80}(\s|$)/g)!.map((l) => l.trim()) } }]);
  assert.equal(judgeTextLayer((await extractPdf(new Uint8Array(plain), { path: 'plain.pdf' })).pages[0]!.text).garbage, false);
});
