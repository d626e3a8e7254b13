/**
 * CSV (RFC 4180): a header row, one row per record, CRLF line ends, commas between fields; a field
 * holding a comma, a double quote, CR or LF (or starting or ending with a space) is quoted and its
 * quotes doubled. With `bom`, the text starts with U+FEFF so spreadsheet programs read it as UTF-8.
 */
export function csvField(v: string): string {
  return /[",\r\n]|^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function toCsvText(header: readonly string[], rows: readonly (readonly string[])[], opts: { bom?: boolean } = {}): string {
  const lines = [header, ...rows].map((cells) => cells.map(csvField).join(','));
  return (opts.bom ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n';
}
