/** What the exports share: MeSH headings as MEDLINE shows them, the PubMed URL. */
import type { MeshHeading, PubmedRecord } from '../eutils/types.js';

/** "Stomach Neoplasms/prevention & control", a star before a major topic ("Helicobacter Infections/*drug therapy"). */
export function meshLabel(h: MeshHeading): string {
  const head = (h.descriptorMajor ? '*' : '') + h.descriptor;
  return [head, ...h.qualifiers.map((q) => (q.major ? '*' : '') + q.name)].join('/');
}

export function pubmedUrl(r: PubmedRecord): string {
  return `https://pubmed.ncbi.nlm.nih.gov/${r.pmid}/`;
}
