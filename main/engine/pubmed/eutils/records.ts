/** PubMed efetch XML (PubmedArticleSet) → PubmedRecord. Book records (PubmedBookArticle) are skipped. */
import { PubmedError } from './errors.js';
import { brief } from './transport.js';
import { child, cleanText, elements, parseXml, type XmlElement } from './xml.js';
import type { AbstractSection, MeshHeading, PubmedAuthor, PubmedRecord } from './types.js';

export function parseEfetch(xml: string): PubmedRecord[] {
  const doc = parseXml(xml);
  const set = child(doc, 'PubmedArticleSet');
  if (!set) {
    // NCBI reports a bad request as <eFetchResult><ERROR>…</ERROR></eFetchResult> or as JSON {"error": …}.
    const error = cleanText(child(child(doc, 'eFetchResult'), 'ERROR')) || (xml.trimStart().startsWith('{') ? brief(xml) : '');
    if (error) throw new PubmedError('PUBMED_QUERY_INVALID', `PubMed rejected the fetch: ${error}`);
    if (xml.trim() === '') return [];
    throw new PubmedError('PUBMED_FAILED', `efetch sent something other than a PubmedArticleSet: ${brief(xml).slice(0, 120)}`);
  }
  return elements(set, 'PubmedArticle').map(parseArticle).filter((r): r is PubmedRecord => r !== null);
}

const orNull = (s: string): string | null => (s === '' ? null : s);
const yes = (el: XmlElement | undefined, attr = 'MajorTopicYN') => el?.attrs[attr] === 'Y';

export function parseArticle(pa: XmlElement): PubmedRecord | null {
  const mc = child(pa, 'MedlineCitation');
  const pmid = cleanText(child(mc, 'PMID'));
  if (!pmid) return null;
  const art = child(mc, 'Article');
  const journal = child(art, 'Journal');
  const sections = abstractSections(child(art, 'Abstract'));
  const ids = elements(child(pa, 'PubmedData', 'ArticleIdList'), 'ArticleId');
  const idOf = (type: string) => orNull(cleanText(ids.find((e) => e.attrs.IdType === type)));
  const eloc = elements(art, 'ELocationID').find((e) => e.attrs.EIdType === 'doi' && e.attrs.ValidYN !== 'N');
  return {
    pmid,
    title: cleanText(child(art, 'ArticleTitle')) || cleanText(child(art, 'VernacularTitle')),
    abstract: sections.map((s) => (s.label ? `${s.label}: ${s.text}` : s.text)).join('\n'),
    abstractSections: sections,
    authors: elements(child(art, 'AuthorList'), 'Author').map(author).filter((a): a is PubmedAuthor => a !== null),
    journal: orNull(cleanText(child(journal, 'Title'))),
    journalAbbrev: orNull(cleanText(child(journal, 'ISOAbbreviation')) || cleanText(child(mc, 'MedlineJournalInfo', 'MedlineTA'))),
    year: pubYear(child(journal, 'JournalIssue', 'PubDate')) ?? pubYear(child(art, 'ArticleDate')),
    doi: orNull(cleanText(eloc)) ?? idOf('doi'),
    pmcid: idOf('pmc'),
    mesh: elements(child(mc, 'MeshHeadingList'), 'MeshHeading').map(meshHeading).filter((m): m is MeshHeading => m !== null),
    keywords: elements(mc, 'KeywordList').flatMap((kl) => elements(kl, 'Keyword').map((k) => cleanText(k))).filter(Boolean),
    publicationTypes: elements(child(art, 'PublicationTypeList'), 'PublicationType').map((p) => cleanText(p)).filter(Boolean),
    language: orNull(cleanText(child(art, 'Language'))),
  };
}

function abstractSections(abs: XmlElement | undefined): AbstractSection[] {
  return elements(abs, 'AbstractText')
    .map((t) => ({ label: orNull((t.attrs.Label ?? '').trim()), category: orNull((t.attrs.NlmCategory ?? '').trim()), text: cleanText(t) }))
    .filter((s) => s.text !== '');
}

function author(a: XmlElement): PubmedAuthor | null {
  if (a.attrs.ValidYN === 'N') return null;
  const collective = cleanText(child(a, 'CollectiveName'));
  const last = cleanText(child(a, 'LastName'));
  if (!last) return collective ? { collective } : null;
  return { last, fore: orNull(cleanText(child(a, 'ForeName'))), initials: orNull(cleanText(child(a, 'Initials'))) };
}

function meshHeading(h: XmlElement): MeshHeading | null {
  const d = child(h, 'DescriptorName');
  const descriptor = cleanText(d);
  if (!descriptor) return null;
  const qualifiers = elements(h, 'QualifierName').map((q) => ({ name: cleanText(q), ui: q.attrs.UI ?? null, major: yes(q) }));
  return { descriptor, ui: d?.attrs.UI ?? null, major: yes(d) || qualifiers.some((q) => q.major), descriptorMajor: yes(d), qualifiers };
}

/** Year from <Year>, else the first plausible year in <MedlineDate> ("1998 Dec-1999 Jan" → 1998). */
export function pubYear(date: XmlElement | undefined): number | null {
  if (!date) return null;
  const y = cleanText(child(date, 'Year'));
  const m = /\b(1[5-9]\d\d|20\d\d)\b/.exec(y || cleanText(child(date, 'MedlineDate')));
  return m ? Number(m[1]) : null;
}
