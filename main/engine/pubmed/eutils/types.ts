/** What the E-utilities client returns. */

export interface TranslationTerm {
  term: string;
  field: string;
  count: number;
  explode: boolean;
}

export interface EsearchResult {
  /** How many records match in all (may be far more than `ids`). */
  count: number;
  retstart: number;
  retmax: number;
  ids: string[];
  /** NCBI's querytranslation: how PubMed read the query; null when it sent none. */
  translation: string | null;
  translationSet: { from: string; to: string }[];
  /** Terms and operators in postfix order ("AND", "OR", "GROUP", "RANGE"…). */
  translationStack: (TranslationTerm | string)[];
  errors: { phrasesNotFound: string[]; fieldsNotFound: string[] };
  warnings: { phrasesIgnored: string[]; quotedPhrasesNotFound: string[]; outputMessages: string[] };
}

export type PubmedAuthor =
  | { last: string; fore: string | null; initials: string | null }
  | { collective: string };

export interface MeshQualifier { name: string; ui: string | null; major: boolean }

export interface MeshHeading {
  descriptor: string;
  ui: string | null;
  /** A major topic: the descriptor or one of its qualifiers is starred (as PubMed's [majr] reads it). */
  major: boolean;
  /** The descriptor itself carries MajorTopicYN="Y". */
  descriptorMajor: boolean;
  qualifiers: MeshQualifier[];
}

export interface AbstractSection { label: string | null; category: string | null; text: string }

export interface PubmedRecord {
  pmid: string;
  title: string;
  /** Abstract sections joined by new lines, each as "LABEL: text" when it has a label. */
  abstract: string;
  abstractSections: AbstractSection[];
  authors: PubmedAuthor[];
  journal: string | null;
  journalAbbrev: string | null;
  /** From PubDate/Year, else the first year in PubDate/MedlineDate, else ArticleDate. */
  year: number | null;
  doi: string | null;
  pmcid: string | null;
  mesh: MeshHeading[];
  keywords: string[];
  publicationTypes: string[];
  /** The first Language (ISO 639-2, e.g. "eng"). */
  language: string | null;
}

export interface EsummaryDoc {
  uid: string;
  title: string;
  journal: string;
  source: string;
  pubdate: string;
  authors: string[];
  elocationid: string;
  doi: string | null;
  articleIds: { idtype: string; value: string }[];
}
