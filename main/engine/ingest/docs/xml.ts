/** The little XML reading DOCX and EPUB need: elements by name, attributes, entity-decoded text. */

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (m, e: string) => {
    const k = e.toLowerCase();
    if (k === 'amp') return '&';
    if (k === 'lt') return '<';
    if (k === 'gt') return '>';
    if (k === 'quot') return '"';
    if (k === 'apos') return "'";
    const n = k.startsWith('#x') ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10);
    return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : m;
  });
}

/** Every `<tag …>body</tag>` (or self-closed) with its attributes and body; `tag` may carry a prefix. */
export function elements(xml: string, tag: string): { attrs: Record<string, string>; body: string }[] {
  const out: { attrs: Record<string, string>; body: string }[] = [];
  const t = tag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`<${t}(\\s[^>]*?)?(/>|>([\\s\\S]*?)</${t}\\s*>)`, 'g');
  for (let m = re.exec(xml); m; m = re.exec(xml)) out.push({ attrs: attributes(m[1] ?? ''), body: m[3] ?? '' });
  return out;
}

export function attributes(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  for (let m = re.exec(s); m; m = re.exec(s)) out[m[1]!] = decodeEntities(m[3] ?? m[4] ?? '');
  return out;
}

/** Text of an XML fragment: tags dropped, entities decoded, whitespace squashed. */
export function textOf(xml: string): string {
  return decodeEntities(xml.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
}
