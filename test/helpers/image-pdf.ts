/**
 * Writes PDFs whose pages are only images (scans), for OCR tests: each page a grey image placed
 * on a page of the given size in points, with a margin. Images are /DeviceGray, Flate-compressed.
 */
import { deflateSync } from 'node:zlib';

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
}

export function imagePdf(pages: ImagePage[]): Buffer {
  const objs: Buffer[] = [];
  const add = (body: Buffer | string) => { objs.push(Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1')); return objs.length; };
  const stream = (dict: string, data: Buffer) => Buffer.concat([Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]);
  const catalog = add('');
  const tree = add('');
  const kids: number[] = [];
  for (const p of pages) {
    const m = p.margin ?? 0;
    const img = add(stream(`/Type /XObject /Subtype /Image /Width ${p.width} /Height ${p.height} /ColorSpace /DeviceGray /BitsPerComponent ${p.bits ?? 8} /Filter /${p.filter ?? 'FlateDecode'}`,
      p.deflated ?? (p.filter ? Buffer.from(p.pixels) : deflateSync(p.pixels, { level: 1 }))));
    const content = add(stream('', Buffer.from(`q ${p.pageW - 2 * m} 0 0 ${p.pageH - 2 * m} ${m} ${m} cm /Im0 Do Q`, 'latin1')));
    kids.push(add(`<< /Type /Page /Parent ${tree} 0 R /MediaBox [0 0 ${p.pageW} ${p.pageH}] /Resources << /XObject << /Im0 ${img} 0 R >> >> /Contents ${content} 0 R >>`));
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
