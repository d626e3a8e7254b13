/**
 * Ovid MEDLINE limits (Ovid MEDLINE Database Guide, "Limits"; Ovid "Limit a search" help; UBC
 * Library "Guided Medline Exercise: Refine with Limits") and their PubMed forms (PubMed Help,
 * "Filters" and "Search Field Descriptions and Tags"). Each entry: the PubMed query the limit
 * becomes, and whether that is exact, approximate (with the reason) or not translatable.
 * README.md in this folder has the same table for people.
 */

export interface LimitDef {
  /** Ovid spellings (lower case, quotes removed). */
  names: string[];
  /** The PubMed query; null = not translatable. */
  pubmed: string | null;
  exactness: 'exact' | 'approximate' | 'dropped';
  reason?: string;
}

const AGE = (names: string[], pubmed: string): LimitDef => ({ names, pubmed, exactness: 'exact', reason: 'the same MeSH age check tag' });

export const LIMITS: readonly LimitDef[] = [
  { names: ['humans', 'human'], pubmed: 'humans[mh]', exactness: 'exact', reason: "PubMed's Humans filter is humans[mh]" },
  { names: ['animals', 'animal'], pubmed: 'animals[mh:noexp]', exactness: 'exact', reason: "PubMed's Other Animals filter is animals[mh:noexp]" },
  { names: ['english language', 'english', 'english lang'], pubmed: 'english[la]', exactness: 'exact' },
  { names: ['abstracts', 'abstract', 'has abstract'], pubmed: 'hasabstract', exactness: 'exact', reason: "PubMed's Abstract filter" },
  { names: ['full text', 'ovid full text available', 'full text available'], pubmed: 'full text[sb]', exactness: 'approximate', reason: "Ovid means full text on Ovid; PubMed's Full text filter means a link to any full text" },
  { names: ['free full text'], pubmed: 'free full text[sb]', exactness: 'exact' },
  { names: ['review articles', 'review', 'reviews'], pubmed: 'review[pt]', exactness: 'exact' },
  { names: ['systematic reviews', 'systematic review'], pubmed: 'systematic[sb]', exactness: 'approximate', reason: "Ovid's Systematic Reviews limit and PubMed's systematic[sb] use different definitions" },
  { names: ['meta analysis', 'meta-analysis'], pubmed: 'meta-analysis[pt]', exactness: 'exact' },
  { names: ['randomized controlled trial', 'randomised controlled trial'], pubmed: 'randomized controlled trial[pt]', exactness: 'exact' },
  { names: ['controlled clinical trial'], pubmed: 'controlled clinical trial[pt]', exactness: 'exact' },
  { names: ['clinical trial'], pubmed: 'clinical trial[pt]', exactness: 'exact' },
  { names: ['clinical trial, all', 'clinical trials, all'], pubmed: 'clinical trial[pt]', exactness: 'approximate', reason: 'PubMed clinical trial[pt] does not explode to the phase types' },
  { names: ['case reports'], pubmed: 'case reports[pt]', exactness: 'exact' },
  { names: ['comment'], pubmed: 'comment[pt]', exactness: 'exact' },
  { names: ['editorial'], pubmed: 'editorial[pt]', exactness: 'exact' },
  { names: ['letter'], pubmed: 'letter[pt]', exactness: 'exact' },
  { names: ['news'], pubmed: 'news[pt]', exactness: 'exact' },
  { names: ['guideline'], pubmed: 'guideline[pt]', exactness: 'exact' },
  { names: ['practice guideline'], pubmed: 'practice guideline[pt]', exactness: 'exact' },
  { names: ['journal article'], pubmed: 'journal article[pt]', exactness: 'exact' },
  { names: ['comparative study'], pubmed: 'comparative study[pt]', exactness: 'exact' },
  { names: ['evaluation studies', 'evaluation study'], pubmed: 'evaluation study[pt]', exactness: 'exact' },
  { names: ['observational study'], pubmed: 'observational study[pt]', exactness: 'exact' },
  { names: ['multicenter study'], pubmed: 'multicenter study[pt]', exactness: 'exact' },
  { names: ['english abstracts'], pubmed: 'hasabstract', exactness: 'approximate', reason: 'PubMed has no filter for English abstracts; any abstract' },
  { names: ['medline', 'medline records', 'only medline records'], pubmed: 'medline[sb]', exactness: 'exact' },
  { names: ['remove medline records', 'pubmed-not-medline', 'pubmed not medline'], pubmed: 'pubmednotmedline[sb]', exactness: 'approximate', reason: 'PubMed subset of non-MEDLINE records' },
  { names: ['in process', 'in-process'], pubmed: 'inprocess[sb]', exactness: 'exact' },
  { names: ['in data review'], pubmed: 'indatareview[sb]', exactness: 'exact' },
  { names: ['publisher'], pubmed: 'publisher[sb]', exactness: 'exact' },
  { names: ['core clinical journals (aim)', 'core clinical journals', 'aim'], pubmed: 'jsubsetaim', exactness: 'approximate', reason: 'PubMed subset jsubsetaim (Core clinical journals) searched as a word' },
  { names: ['dental journals'], pubmed: 'jsubsetd', exactness: 'approximate', reason: 'PubMed subset jsubsetd searched as a word' },
  { names: ['nursing journals'], pubmed: 'jsubsetn', exactness: 'approximate', reason: 'PubMed subset jsubsetn searched as a word' },
  { names: ['female'], pubmed: 'female[mh]', exactness: 'exact', reason: 'the Female check tag' },
  { names: ['male'], pubmed: 'male[mh]', exactness: 'exact', reason: 'the Male check tag' },
  AGE(['all infant (birth to 23 months)', 'all infant'], 'infant[mh]'),
  AGE(['newborn infant (birth to 1 month)', 'newborn infant'], 'infant, newborn[mh]'),
  AGE(['infant (1 to 23 months)', 'infant'], 'infant[mh:noexp]'),
  AGE(['preschool child (2 to 5 years)', 'preschool child'], 'child, preschool[mh]'),
  AGE(['child (6 to 12 years)', 'child'], 'child[mh:noexp]'),
  AGE(['adolescent (13 to 18 years)', 'adolescent'], 'adolescent[mh]'),
  { names: ['all child (0 to 18 years)', 'all child'], pubmed: 'allchild[filter]', exactness: 'exact', reason: "PubMed's Child: birth-18 years filter" },
  { names: ['all adult (19 plus years)', 'all adult'], pubmed: 'alladult[filter]', exactness: 'exact', reason: "PubMed's Adult: 19+ years filter" },
  AGE(['young adult (19 to 24 years)', 'young adult'], 'young adult[mh]'),
  AGE(['adult (19 to 44 years)', 'adult'], 'adult[mh:noexp]'),
  { names: ['young adult and adult (19-24 and 19-44)'], pubmed: 'young adult[mh] OR adult[mh:noexp]', exactness: 'exact', reason: 'the two age check tags' },
  AGE(['middle age (45 to 64 years)', 'middle age'], 'middle aged[mh]'),
  { names: ['middle aged (45 plus years)'], pubmed: 'middle aged[mh] OR aged[mh]', exactness: 'exact', reason: 'the Middle Aged and Aged check tags' },
  AGE(['all aged (65 and over)', 'all aged', 'aged'], 'aged[mh]'),
  AGE(['aged (80 and over)', 'aged, 80 and over'], 'aged, 80 and over[mh]'),
  ...['cats', 'cattle', 'chick embryo', 'dogs', 'goats', 'guinea pigs', 'hamsters', 'horses', 'mice', 'rabbits', 'rats', 'sheep', 'swine']
    .map((a): LimitDef => ({ names: [a], pubmed: `${a}[mh]`, exactness: 'approximate', reason: "Ovid's animal-type limit searches the heading; [mh] explodes it" })),
  { names: ['latest update', 'daily update', 'last week', 'last month'], pubmed: null, exactness: 'dropped', reason: "Ovid's update limits depend on Ovid's load dates; PubMed has no such field (use an [edat] range instead)" },
  { names: ['local holdings', 'ovid journals', 'your journals@ovid', 'journals@ovid'], pubmed: null, exactness: 'dropped', reason: 'a holdings limit of the Ovid site, not a property of the record' },
  { names: ['yr'], pubmed: '[dp] range', exactness: 'exact', reason: 'yr="A-B" → A:B[dp]; "current" → 3000' },
  { names: ['ed'], pubmed: '[edat] range', exactness: 'approximate', reason: "Ovid's entry date (yyyymmdd) is close to PubMed's Entrez date [edat]" },
  { names: ['ez'], pubmed: '[edat] range', exactness: 'exact', reason: 'Entrez date' },
  { names: ['dt'], pubmed: '[crdt] range', exactness: 'approximate', reason: "Ovid's date created is close to PubMed's create date [crdt]" },
  { names: ['dc'], pubmed: '[dcom] range', exactness: 'approximate', reason: "closest PubMed date is the completion date [dcom]" },
  { names: ['up'], pubmed: '[lr] range', exactness: 'approximate', reason: 'closest PubMed date is the modification date [lr]' },
  { names: ['last N years'], pubmed: '"last N years"[dp]', exactness: 'approximate', reason: 'Ovid counts from the publication year, PubMed from today' },
  { names: ['clinical queries: X (maximizes sensitivity)'], pubmed: 'X/broad[filter]', exactness: 'approximate', reason: "PubMed's Clinical Queries broad filter; the Ovid and PubMed hedges are close, not identical" },
  { names: ['clinical queries: X (maximizes specificity)'], pubmed: 'X/narrow[filter]', exactness: 'approximate', reason: "PubMed's Clinical Queries narrow filter" },
  { names: ['clinical queries: X (best balance of sensitivity and specificity)'], pubmed: 'X/narrow[filter]', exactness: 'approximate', reason: 'PubMed has only broad and narrow; narrow is the closer' },
  { names: ['publication types by name (e.g. "letter", "twin study")'], pubmed: '"name"[pt]', exactness: 'approximate', reason: 'an Ovid publication type not listed above, searched as that [pt]' },
  { names: ['languages by name (e.g. french, german, "chinese")'], pubmed: 'french[la]', exactness: 'exact' },
];

const BY_NAME = new Map<string, LimitDef>();
for (const d of LIMITS) for (const n of d.names) BY_NAME.set(n, d);

export function limitByName(name: string): LimitDef | undefined {
  return BY_NAME.get(name);
}

/** MEDLINE languages (PubMed [la] names), for `limit N to french`. */
export const LANGUAGES = new Set(['afrikaans', 'albanian', 'arabic', 'armenian', 'azerbaijani', 'bosnian', 'bulgarian', 'catalan', 'chinese', 'croatian',
  'czech', 'danish', 'dutch', 'english', 'esperanto', 'estonian', 'finnish', 'french', 'georgian', 'german', 'greek', 'hebrew', 'hindi', 'hungarian',
  'icelandic', 'indonesian', 'italian', 'japanese', 'korean', 'latvian', 'lithuanian', 'macedonian', 'malay', 'malayalam', 'maori', 'multiple',
  'norwegian', 'persian', 'polish', 'portuguese', 'pushto', 'romanian', 'russian', 'sanskrit', 'serbian', 'slovak', 'slovenian', 'spanish',
  'swedish', 'thai', 'turkish', 'ukrainian', 'undetermined', 'urdu', 'vietnamese', 'welsh']);

/** Ovid Clinical Queries hedges and the PubMed Clinical Queries categories they correspond to. */
export const CLINICAL = new Map<string, string>([
  ['therapy', 'Therapy'], ['diagnosis', 'Diagnosis'], ['prognosis', 'Prognosis'], ['etiology', 'Etiology'], ['causation', 'Etiology'],
  ['clinical prediction guides', 'Clinical Prediction Guides'], ['clinical prediction', 'Clinical Prediction Guides'],
]);
