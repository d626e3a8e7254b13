/** Known relevant PMIDs as typed: comma, space or newline separated; anything but 1–9 digits is invalid. */
export interface ParsedSeeds {
  pmids: string[];
  invalid: string[];
}

export function parseSeeds(text: string): ParsedSeeds {
  const pmids: string[] = [];
  const invalid: string[] = [];
  for (const raw of text.split(/[\s,;]+/)) {
    const t = raw.trim();
    if (!t) continue;
    if (/^\d{1,9}$/.test(t)) { if (!pmids.includes(t)) pmids.push(t); } else invalid.push(t);
  }
  return { pmids, invalid };
}
