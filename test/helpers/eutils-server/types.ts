/** Types of the E-utilities test server. */

export type FixtureAuthor = { last: string; fore?: string; initials?: string } | { collective: string };

/**
 * One PubMed record as the test server serves it. Text is plain (the server escapes it), except
 * that the inline tags <i> <b> <u> <sup> <sub> in `title` and `abstract` are kept as markup.
 * In efetch XML the title's non-ASCII characters are written as numeric references (&#x3B2;),
 * the abstract's as UTF-8, so a client sees both.
 */
export interface PubmedRecordFixture {
  pmid: string;
  title: string;
  /** One unlabelled paragraph, or labelled sections (a structured abstract). */
  abstract?: string | { label?: string; category?: string; text: string }[];
  authors?: FixtureAuthor[];
  journal?: string;
  journalAbbrev?: string;
  year?: number;
  /** Written as <MedlineDate> instead of <Year> (e.g. "1998 Dec-1999 Jan"). */
  medlineDate?: string;
  doi?: string;
  /** Where the DOI appears: ELocationID, PubmedData ArticleId, or both (the default). */
  doiIn?: 'elocation' | 'articleid' | 'both';
  pmcid?: string;
  mesh?: { descriptor: string; ui?: string; major?: boolean; qualifiers?: { name: string; ui?: string; major?: boolean }[] }[];
  publicationTypes?: string[];
  language?: string;
  keywords?: string[];
}

/** A scripted esearch answer; `error` makes it `{"esearchresult":{"ERROR": error}}`. */
export interface SearchReply {
  ids: string[];
  querytranslation?: string;
  translationset?: { from: string; to: string }[];
  translationstack?: (string | { term: string; field: string; count: string; explode: string })[];
  errorlist?: { phrasesnotfound?: string[]; fieldsnotfound?: string[] };
  warninglist?: { phrasesignored?: string[]; quotedphrasesnotfound?: string[]; outputmessages?: string[] };
  error?: string;
}

export type SearchFn = (term: string, params: Record<string, string>, records: readonly PubmedRecordFixture[]) => string[] | SearchReply;

export interface RecordedRequest {
  method: string;
  /** esearch.fcgi, efetch.fcgi, esummary.fcgi… */
  endpoint: string;
  /** Query-string and form-body parameters together. */
  params: Record<string, string>;
  /** Arrival time: performance.now() (or the `now` option) when the request came in. */
  at: number;
  urlLength: number;
  /** The status the server answered with. */
  status?: number;
}

export interface EutilsServerOptions {
  records?: PubmedRecordFixture[];
  search?: SearchFn;
  /** Delay before every answer. */
  delayMs?: number;
  /** When set, answer 429 (NCBI's JSON body) to a request that makes more than this many arrivals in 1 s. */
  enforceRate?: number;
  now?: () => number;
  /** Serve HTTPS with the test certificate (test-cert.ts) instead of HTTP. */
  tls?: boolean;
}

export interface EutilsTestServer {
  /** Base URL, ending in /entrez/eutils/. */
  url: string;
  requests: RecordedRequest[];
  delayMs: number;
  setRecords(records: PubmedRecordFixture[]): void;
  setSearch(fn: SearchFn | undefined): void;
  /** The next `n` requests get HTTP `status` (default 500), optionally with a Retry-After header. */
  fail(n: number, status?: number, opts?: { retryAfter?: string; body?: string }): void;
  /** The next `n` requests get 200 with `{"error":"API rate limit exceeded",…}`. */
  rateLimitBody(n: number): void;
  /** The next `n` requests have their connection destroyed without an answer. */
  dropConnection(n: number): void;
  /** Forget recorded requests and pending faults. */
  reset(): void;
  close(): Promise<void>;
}
