/**
 * WordprocessingML that mammoth does not read, rewritten before it sees the main part:
 *  - Office Math (OMML, ECMA-376 Part 1 §22.1: `m:oMath`, and `m:oMathPara` for display math) is
 *    dropped by mammoth; each formula becomes a run of its text (`m:t`), so its words are found.
 *  - A table of contents (a structured document tag whose `w:docPartGallery` is "Table of
 *    Contents", §17.5.2) repeats the headings as paragraphs: it is navigation, not text, and goes.
 * And the properties a producer writes beside Dublin Core: custom properties (docProps/custom.xml,
 * pandoc's `date`, `doi`, `abstract`…).
 */
import { elements, textOf } from './xml.js';

const run = (body: string) => `<w:r><w:t xml:space="preserve"> ${elements(body, 'm:t').map((t) => t.body).join('')} </w:t></w:r>`;

export function flattenMath(xml: string): string {
  if (!xml.includes('<m:oMath')) return xml;
  return xml
    .replace(/<m:oMathPara(?=[\s>])[^>]*>([\s\S]*?)<\/m:oMathPara>/g, (_, body: string) => run(body))
    .replace(/<m:oMath(?=[\s>])[^>]*>([\s\S]*?)<\/m:oMath>/g, (_, body: string) => run(body));
}

export function dropTableOfContents(xml: string): string {
  if (!xml.includes('Table of Contents')) return xml;
  return xml.replace(/<w:sdt(?=[\s>])[^>]*>[\s\S]*?<\/w:sdt>/g, (sdt) => {
    const nested = sdt.match(/<w:sdt(?=[\s>])/g)!.length > 1; // a lazy match would cut a nested one short: leave it
    return !nested && /<w:docPartGallery\s+w:val="Table of Contents"/.test(sdt) ? '' : sdt;
  });
}

/** Custom document properties by lower-cased name (text values). */
export function customProperties(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of elements(xml, 'property')) {
    const name = (p.attrs.name ?? '').toLowerCase();
    const value = textOf(p.body);
    if (name && value && !out.has(name)) out.set(name, value);
  }
  return out;
}
