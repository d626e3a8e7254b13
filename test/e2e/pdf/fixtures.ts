/**
 * The PDFs the viewer's rendering test opens, made here from scratch:
 * - jpx.pdf: one page holding a JPEG 2000 image (a drawn PPM compressed by Debian's opj_compress
 *   from libopenjp2-tools, wrapped by img2pdf, so the image is a /JPXDecode stream);
 * - cjk.pdf: Japanese text in a non-embedded CID font (HeiseiKakuGo-W5, Adobe-Japan1, encoding
 *   UniJIS-UCS2-H: a predefined CMap the viewer must fetch), and a line in non-embedded Helvetica
 *   (one of the standard fonts), written by hand.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const PDF_TOOLS = ['opj_compress', 'img2pdf', 'pdftoppm'] as const;

/** A 480×360 picture: bands of colour, a dark disc and a diagonal bar (plenty of structure to compare). */
function drawPpm(): Buffer {
  const w = 480, h = 360;
  const head = Buffer.from(`P6\n${w} ${h}\n255\n`, 'latin1');
  const px = Buffer.alloc(w * h * 3);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 3;
      let r = Math.round((x / w) * 255), g = Math.round((y / h) * 200) + 40, b = 180 - Math.round((x / w) * 120);
      if ((x - 150) ** 2 + (y - 170) ** 2 < 80 ** 2) { r = 30; g = 30; b = 60; }
      if (Math.abs(x - y - 80) < 14 && x > 240) { r = 250; g = 250; b = 250; }
      if (y > 300 && Math.floor(x / 40) % 2 === 0) { r = 0; g = 0; b = 0; }
      px[i] = r; px[i + 1] = g; px[i + 2] = b;
    }
  }
  return Buffer.concat([head, px]);
}

export function makeJpxPdf(dir: string): string {
  writeFileSync(join(dir, 'picture.ppm'), drawPpm());
  execFileSync('opj_compress', ['-i', join(dir, 'picture.ppm'), '-o', join(dir, 'picture.jp2')], { stdio: 'pipe' });
  const out = join(dir, 'jpx.pdf');
  execFileSync('img2pdf', ['--output', out, join(dir, 'picture.jp2')], { stdio: 'pipe' });
  return out;
}

/** UTF-16BE hex of a BMP string: the codes of UniJIS-UCS2-H. */
const ucs2 = (s: string) => [...s].map((c) => c.codePointAt(0)!.toString(16).padStart(4, '0')).join('').toUpperCase();

export const CJK_LINES = ['日本語のテキスト', '東京で証拠を探す'];

/** A PDF written object by object, with a correct cross-reference table. */
function writePdf(objects: string[]): Buffer {
  let body = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((n) => `${String(n).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

export function makeCjkPdf(dir: string): string {
  const content = [
    `BT /F1 30 Tf 30 140 Td <${ucs2(CJK_LINES[0]!)}> Tj ET`,
    `BT /F1 30 Tf 30 90 Td <${ucs2(CJK_LINES[1]!)}> Tj ET`,
    'BT /F2 20 Tf 30 36 Td (Helvetica, not embedded: 0123) Tj ET',
  ].join('\n');
  const out = join(dir, 'cjk.pdf');
  writeFileSync(out, writePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 320 200] /Resources << /Font << /F1 5 0 R /F2 7 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /HeiseiKakuGo-W5 /Encoding /UniJIS-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /HeiseiKakuGo-W5 /CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 2 >> /FontDescriptor 8 0 R /DW 1000 >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /FontDescriptor /FontName /HeiseiKakuGo-W5 /Flags 4 /FontBBox [-92 -250 1010 922] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 93 >>',
  ]));
  return out;
}
