/** Test support: a PubmedRecord with defaults, for library and offline-search tests. */
import type { PubmedRecord } from '../../main/engine/pubmed/eutils/types.js';

export type RecordSpec = Partial<Omit<PubmedRecord, 'mesh'>> & {
  pmid: string;
  /** MeSH headings: "Asthma", "*Asthma" (major), "Asthma/drug therapy", "Asthma/*drug therapy". */
  mesh?: (string | PubmedRecord['mesh'][number])[];
};

export function pubmedRecord(s: RecordSpec): PubmedRecord {
  const mesh = (s.mesh ?? []).map((m) => {
    if (typeof m !== 'string') return m;
    const [head = '', ...quals] = m.split('/');
    const descriptorMajor = head.startsWith('*');
    const qualifiers = quals.map((q) => ({ name: q.replace(/^\*/, ''), ui: null, major: q.startsWith('*') }));
    return { descriptor: head.replace(/^\*/, ''), ui: null, major: descriptorMajor || qualifiers.some((q) => q.major), descriptorMajor, qualifiers };
  });
  return {
    title: '', abstract: '', abstractSections: [], authors: [], journal: null, journalAbbrev: null, year: null, doi: null,
    pmcid: null, keywords: [], publicationTypes: ['Journal Article'], language: 'eng', ...s, mesh,
  };
}
