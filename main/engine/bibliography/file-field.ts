/**
 * The `file` field of .bib files as reference managers write it, read into paths:
 *  - JabRef: `description:path:type`, several joined by `;`, with `\:` `\;` `\\` escaped
 *    (`:C\:\\Users\\me\\a.pdf:PDF`);
 *  - Zotero (its BibTeX export): `Full Text PDF:/home/me/Zotero/storage/AB12/a.pdf:application/pdf`;
 *  - Mendeley: `:home/me/Documents/a.pdf:pdf` (the leading "/" dropped; the importer tries it back);
 *  - a bare path (`file = {papers/a.pdf}`).
 */

/** Splits at unescaped `sep`, undoing `\x` escapes in the parts. */
function splitEscaped(s: string, sep: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\' && i + 1 < s.length && (s[i + 1] === sep || s[i + 1] === '\\' || s[i + 1] === ':' || s[i + 1] === ';')) {
      cur += c + s[i + 1]!;
      i++;
    } else if (c === sep) {
      out.push(cur);
      cur = '';
    } else {
      cur += c;
    }
  }
  out.push(cur);
  return out;
}

const unescape = (s: string) => s.replace(/\\([\\:;])/g, '$1');

/** A Windows drive letter split off by an unescaped colon ("C", "\\Users\\a.pdf") is put back. */
function pathOf(parts: string[]): string {
  if (parts.length === 1) return parts[0]!;
  if (parts.length === 2) return /\.[A-Za-z0-9]{2,5}$|[\\/]/.test(parts[0]!) ? parts[0]! : parts[1]!;
  return parts.slice(1, -1).join(':');
}

export function parseFileField(value: string): string[] {
  const out: string[] = [];
  for (const item of splitEscaped(value.trim(), ';')) {
    if (!item.trim()) continue;
    const parts = splitEscaped(item, ':');
    const path = unescape(pathOf(parts)).trim();
    if (path) out.push(path);
  }
  return out;
}
