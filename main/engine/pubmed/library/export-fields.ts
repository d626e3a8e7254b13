/** What the exports share: one-line text, MeSH headings as MEDLINE shows them, the PubMed URL. */
import type { MeshHeading, PubmedRecord } from '../eutils/types.js';

/** Whitespace (new lines included) collapsed to single spaces; control characters dropped. */
export function oneLine(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g, '').replace(/\s+/g, ' ').trim();
}

/** "Stomach Neoplasms/prevention & control", a star before a major topic ("Helicobacter Infections/*drug therapy"). */
export function meshLabel(h: MeshHeading): string {
  const head = (h.descriptorMajor ? '*' : '') + h.descriptor;
  return [head, ...h.qualifiers.map((q) => (q.major ? '*' : '') + q.name)].join('/');
}

export function pubmedUrl(r: PubmedRecord): string {
  return `https://pubmed.ncbi.nlm.nih.gov/${r.pmid}/`;
}
