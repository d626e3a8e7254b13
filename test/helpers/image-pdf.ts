/**
 * Writes small PDFs for OCR tests: pages that are only an image (scans), placed on a page of the
 * given size in points with a margin, optionally with lines of text over it (visible, or invisible
 * as a scanner's OCR layer is), and pages of text only (to render into scans). Images are
 * /DeviceGray, Flate-compressed unless another filter is named. Text is Helvetica (WinAnsi), or
 * with a ToUnicode map sending every character to the Private Use Area (a font whose text layer
 * extracts as garbage).
 */
import { deflateSync } from 'node:zlib';

export interface TextLayer {
  lines: string[];
  /** Font size in points (default 12); lines start at the top left, 1.2 × the size apart. */
  size?: number;
  /** Text render mode 3 (neither filled nor stroked), as OCR layers of scanners are. */
  invisible?: boolean;
  /** ToUnicode maps codes 0x20–0x7e to U+E020–U+E07E (private use). */
  privateUse?: boolean;
}

export interface ImagePage {
  width: number;
  height: number;
  /** 8 bits per pixel (or 1 when `bits` is 1: rows padded to whole bytes). */
  pixels: Uint8Array;
  bits?: 1 | 8;
  /** The pixels already Flate-compressed (then `pixels` is ignored), e.g. for images too big to hold. */
  deflated?: Buffer;
  /** Another image filter than Flate, with `pixels` written as they are (e.g. 'JPXDecode'). */
  filter?: string;
  /** Page size in points, and where the image lies on it. */
  pageW: number;
  pageH: number;
  margin?: number;
  text?: TextLayer;
  /** The image written as this many horizontal strips, each its own image placed in its band (as some scanners write pages). 8-bit, Flate only. */
  strips?: number;
}

const TO_PUA = '/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /PUA def 1 begincodespacerange <00> <ff> endcodespacerange 1 beginbfrange <20> <7e> <e020> endbfrange endcmap CMapName currentdict /CMap defineresource pop end end';

export function imagePdf(pages: ImagePage[]): Buffer {
  return writePdf(pages);
}

/** Pages of text only, e.g. to render into page images. */
export function textPdf(pages: { pageW: number; pageH: number; text: TextLayer }[]): Buffer {
  return writePdf(pages.map((p) => ({ width: 0, height: 0, pixels: new Uint8Array(0), ...p })));
}

function writePdf(pages: ImagePage[]): Buffer {
  const objs: Buffer[] = [];
  const add = (body: Buffer | string) => { objs.push(Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1')); return objs.length; };
  const stream = (dict: string, data: Buffer) => Buffer.concat([Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]);
  const catalog = add('');
  const tree = add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const puaFont = add(`<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /ToUnicode ${add(stream('', Buffer.from(TO_PUA, 'latin1')))} 0 R >>`);
  const kids: number[] = [];
  for (const p of pages) {
    const m = p.margin ?? 0;
    let ops = '';
    let xobj = '';
    if (p.width > 0 && (p.strips ?? 1) > 1) {
      // Strip i holds rows [i·h/n, (i+1)·h/n) and is placed in the matching band of the image's area (top first).
      const n = p.strips!;
      const names: string[] = [];
      for (let i = 0; i < n; i++) {
        const r0 = Math.floor(i * p.height / n);
        const r1 = Math.floor((i + 1) * p.height / n);
        const img = add(stream(`/Type /XObject /Subtype /Image /Width ${p.width} /Height ${r1 - r0} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode`,
          deflateSync(p.pixels.subarray(r0 * p.width, r1 * p.width), { level: 1 })));
        const h = (p.pageH - 2 * m) / p.height;
        ops += `q ${p.pageW - 2 * m} 0 0 ${(r1 - r0) * h} ${m} ${m + (p.height - r1) * h} cm /Im${i} Do Q\n`;
        names.push(`/Im${i} ${img} 0 R`);
      }
      xobj = `/XObject << ${names.join(' ')} >>`;
    } else if (p.width > 0) {
      const img = add(stream(`/Type /XObject /Subtype /Image /Width ${p.width} /Height ${p.height} /ColorSpace /DeviceGray /BitsPerComponent ${p.bits ?? 8} /Filter /${p.filter ?? 'FlateDecode'}`,
        p.deflated ?? (p.filter ? Buffer.from(p.pixels) : deflateSync(p.pixels, { level: 1 }))));
      ops += `q ${p.pageW - 2 * m} 0 0 ${p.pageH - 2 * m} ${m} ${m} cm /Im0 Do Q\n`;
      xobj = `/XObject << /Im0 ${img} 0 R >>`;
    }
    if (p.text) {
      const size = p.text.size ?? 12;
      const lines = p.text.lines.map((l) => `(${l.replace(/[\\()]/g, (c) => `\\${c}`)}) Tj T*`).join(' ');
      ops += `BT /F1 ${size} Tf ${p.text.invisible ? 3 : 0} Tr ${size * 1.2} TL ${size} ${p.pageH - size * 1.5} Td ${lines} ET\n`;
    }
    const content = add(stream('', Buffer.from(ops, 'latin1')));
    const fonts = p.text ? `/Font << /F1 ${p.text.privateUse ? puaFont : font} 0 R >>` : '';
    kids.push(add(`<< /Type /Page /Parent ${tree} 0 R /MediaBox [0 0 ${p.pageW} ${p.pageH}] /Resources << ${xobj} ${fonts} >> /Contents ${content} 0 R >>`));
  }
  objs[catalog - 1] = Buffer.from(`<< /Type /Catalog /Pages ${tree} 0 R >>`, 'latin1');
  objs[tree - 1] = Buffer.from(`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`, 'latin1');
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let at = parts[0]!.length;
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(at);
    const b = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), o, Buffer.from('\nendobj\n', 'latin1')]);
    parts.push(b);
    at += b.length;
  });
  const xref = `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objs.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${at}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}
