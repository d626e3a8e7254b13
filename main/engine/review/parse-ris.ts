/**
 * An RIS reader: records from `TY  - ` to `ER  - `, each tag's values in order (AU, KW… repeat).
 * A line that is not a tag continues the previous value (some writers wrap long abstracts).
 */
export interface RisRecord { type: string; tags: Record<string, string[]> }

export function parseRis(input: string): RisRecord[] {
  const out: RisRecord[] = [];
  let cur: RisRecord | null = null;
  let last: { tag: string; index: number } | null = null;
  for (const line of input.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    const m = /^([A-Z][A-Z0-9])  -(?: (.*))?$/.exec(line);
    if (!m) {
      if (cur && last && line.trim()) cur.tags[last.tag]![last.index] += ' ' + line.trim();
      continue;
    }
    const tag = m[1]!;
    const value = (m[2] ?? '').trim();
    if (tag === 'TY') { cur = { type: value, tags: {} }; last = null; continue; }
    if (!cur) continue;
    if (tag === 'ER') { out.push(cur); cur = null; last = null; continue; }
    const list = (cur.tags[tag] ??= []);
    list.push(value);
    last = { tag, index: list.length - 1 };
  }
  return out;
}

/** The first value of a tag, or null. */
export const risValue = (r: RisRecord, ...tags: string[]): string | null => {
  for (const t of tags) { const v = r.tags[t]?.[0]; if (v) return v; }
  return null;
};
