/** PubmedArticleSet XML built from fixtures, shaped like real efetch output (pretty-printed, DOCTYPE). */
import type { PubmedRecordFixture } from './types.js';

const INLINE = /&lt;(\/?)(i|b|u|sup|sub)&gt;/g;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const numeric = (s: string) => s.replace(/[\u0080-\u{10ffff}]/gu, (c) => `&#x${c.codePointAt(0)!.toString(16).toUpperCase()};`);
/** Escaped text with the inline tags given back their markup. */
const markup = (s: string, refs = false) => {
  const x = esc(s).replace(INLINE, '<$1$2>');
  return refs ? numeric(x) : x;
};
const yn = (b: boolean | undefined) => (b ? 'Y' : 'N');

/** The record's title and abstract as plain text (the inline tags removed). */
export function plainText(r: PubmedRecordFixture): string {
  const abs = typeof r.abstract === 'string' ? r.abstract : (r.abstract ?? []).map((s) => s.text).join(' ');
  return `${r.title} ${abs}`.replace(/<\/?(i|b|u|sup|sub)>/g, '');
}

export function fixtureYear(r: PubmedRecordFixture): number | null {
  if (r.year !== undefined) return r.year;
  const m = /\d{4}/.exec(r.medlineDate ?? '');
  return m ? Number(m[0]) : null;
}

function article(r: PubmedRecordFixture): string {
  const doiIn = r.doiIn ?? 'both';
  const abs = r.abstract === undefined ? ''
    : typeof r.abstract === 'string' ? `\n        <Abstract>\n          <AbstractText>${markup(r.abstract)}</AbstractText>\n        </Abstract>`
      : `\n        <Abstract>\n${r.abstract.map((s) => `          <AbstractText${s.label ? ` Label="${esc(s.label)}"` : ''}${s.category ? ` NlmCategory="${esc(s.category)}"` : ''}>${markup(s.text)}</AbstractText>`).join('\n')}\n          <CopyrightInformation>© The Authors.</CopyrightInformation>\n        </Abstract>`;
  const authors = (r.authors ?? []).map((a) => 'collective' in a
    ? `          <Author ValidYN="Y"><CollectiveName>${esc(a.collective)}</CollectiveName></Author>`
    : `          <Author ValidYN="Y">\n            <LastName>${esc(a.last)}</LastName>${a.fore ? `\n            <ForeName>${esc(a.fore)}</ForeName>` : ''}${a.initials ? `\n            <Initials>${esc(a.initials)}</Initials>` : ''}\n            <AffiliationInfo><Affiliation>Dept. of Tests &amp; Fixtures, 127.0.0.1</Affiliation></AffiliationInfo>\n          </Author>`).join('\n');
  const date = r.medlineDate ? `<MedlineDate>${esc(r.medlineDate)}</MedlineDate>` : r.year !== undefined ? `<Year>${r.year}</Year>\n              <Month>Mar</Month>` : '';
  const mesh = (r.mesh ?? []).map((m) => `        <MeshHeading>\n          <DescriptorName UI="${esc(m.ui ?? '')}" MajorTopicYN="${yn(m.major)}">${esc(m.descriptor)}</DescriptorName>${(m.qualifiers ?? []).map((q) => `\n          <QualifierName UI="${esc(q.ui ?? '')}" MajorTopicYN="${yn(q.major)}">${esc(q.name)}</QualifierName>`).join('')}\n        </MeshHeading>`).join('\n');
  const ids = [`<ArticleId IdType="pubmed">${esc(r.pmid)}</ArticleId>`];
  if (r.doi && doiIn !== 'elocation') ids.push(`<ArticleId IdType="doi">${esc(r.doi)}</ArticleId>`);
  if (r.pmcid) ids.push(`<ArticleId IdType="pmc">${esc(r.pmcid)}</ArticleId>`);
  return `<PubmedArticle>
    <MedlineCitation Status="MEDLINE" Owner="NLM">
      <PMID Version="1">${esc(r.pmid)}</PMID>
      <Article PubModel="Print">
        <Journal>
          <ISSN IssnType="Print">0000-0000</ISSN>
          <JournalIssue CitedMedium="Print">
            <Volume>12</Volume>
            <PubDate>
              ${date}
            </PubDate>
          </JournalIssue>
          <Title>${esc(r.journal ?? 'Journal of Test Fixtures')}</Title>
          <ISOAbbreviation>${esc(r.journalAbbrev ?? 'J Test Fixtures')}</ISOAbbreviation>
        </Journal>
        <ArticleTitle>${markup(r.title, true)}</ArticleTitle>
        <Pagination><MedlinePgn>1-10</MedlinePgn></Pagination>${r.doi && doiIn !== 'articleid' ? `\n        <ELocationID EIdType="doi" ValidYN="Y">${esc(r.doi)}</ELocationID>` : ''}${abs}${authors ? `\n        <AuthorList CompleteYN="Y">\n${authors}\n        </AuthorList>` : ''}
        <Language>${esc(r.language ?? 'eng')}</Language>
        <PublicationTypeList>
${(r.publicationTypes ?? ['Journal Article']).map((p) => `          <PublicationType UI="D016428">${esc(p)}</PublicationType>`).join('\n')}
        </PublicationTypeList>
      </Article>
      <MedlineJournalInfo><Country>United States</Country><MedlineTA>${esc(r.journalAbbrev ?? 'J Test Fixtures')}</MedlineTA></MedlineJournalInfo>${mesh ? `\n      <MeshHeadingList>\n${mesh}\n      </MeshHeadingList>` : ''}${r.keywords?.length ? `\n      <KeywordList Owner="NOTNLM">${r.keywords.map((k) => `<Keyword MajorTopicYN="N">${esc(k)}</Keyword>`).join('')}</KeywordList>` : ''}
    </MedlineCitation>
    <PubmedData>
      <History><PubMedPubDate PubStatus="pubmed"><Year>${fixtureYear(r) ?? 2000}</Year><Month>1</Month><Day>1</Day></PubMedPubDate></History>
      <PublicationStatus>ppublish</PublicationStatus>
      <ArticleIdList>
        ${ids.join('\n        ')}
      </ArticleIdList>
    </PubmedData>
  </PubmedArticle>`;
}

export function efetchXml(records: PubmedRecordFixture[]): string {
  return `<?xml version="1.0" ?>
<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">
<PubmedArticleSet>
${records.map((r) => `  ${article(r)}`).join('\n')}
</PubmedArticleSet>
`;
}

/** esummary (retmode=json) document summary for one fixture. */
export function summaryDoc(r: PubmedRecordFixture): Record<string, unknown> {
  const articleids = [{ idtype: 'pubmed', idtypen: 1, value: r.pmid }];
  if (r.doi) articleids.push({ idtype: 'doi', idtypen: 3, value: r.doi });
  return {
    uid: r.pmid,
    pubdate: r.medlineDate ?? (r.year !== undefined ? `${r.year} Mar` : ''),
    source: r.journalAbbrev ?? 'J Test Fixtures',
    authors: (r.authors ?? []).map((a) => ({ name: 'collective' in a ? a.collective : `${a.last} ${a.initials ?? ''}`.trim(), authtype: 'Author' })),
    title: r.title.replace(/<\/?(i|b|u|sup|sub)>/g, ''),
    fulljournalname: r.journal ?? 'Journal of Test Fixtures',
    elocationid: r.doi ? `doi: ${r.doi}` : '',
    articleids,
  };
}
