/**
 * Markdown sources and pandoc option sets for the DOCX / HTML / EPUB robustness probe
 * (test/acceptance/formats-pandoc-variants.test.ts). Each source lists its marker words with the
 * heading path they sit under (as the reader sees the headings: emphasis, code and links flattened
 * to their text) and the metadata pandoc is expected to carry into each format.
 */

export type Kind = 'docx' | 'html' | 'epub';

export interface Marker {
  word: string;
  /** Heading path in every kind, unless `epub` says otherwise. */
  path: string[];
  /** pandoc's EPUB writer puts text before the first heading under an h1 of its own, the title. */
  epub?: string[];
  /** In the title block (the abstract), which an HTML fragment does not have. */
  titleBlock?: boolean;
  /** The EPUB chapter's label (its first heading) when split at level 1 and at level 2; omitted: not checked. */
  chapter?: [string, string];
}

export interface Source {
  name: string;
  md: string;
  markers: Marker[];
  title: string;
  /** null: pandoc does not write them (author objects with name/affiliation in pandoc 2.17). */
  authors: string[] | null;
  /** null: the source has no date (pandoc then stamps the file with its conversion time, which is no year). */
  year: number | null;
  doi?: string;
  /** Extra pandoc arguments for this source (metadata given on the command line). */
  args?: string[];
}

const LISTS = ['Lists'];
const TABLES = ['Tables'];
const CODE = ['Code and math'];
const SETEXT = ['Setext Heading', 'Sub setext'];
const DEEP = [...SETEXT, 'Level three link', 'Level four 4.2'];

const FEATURES = `---
title: "Feature *Catalogue*"
subtitle: A Subtitle Here
author:
- Grace Hopper
- Edsger Dijkstra
date: 2021-03-05
abstract: |
  The abstract mentions abstractmarker once. ${'It goes on at length, as abstracts do, about methods and results. '.repeat(15)}
keywords: [alpha, beta]
lang: en-GB
identifier:
- scheme: DOI
  text: doi:10.5555/feat.2021
doi: 10.5555/feat.2021
---

# Intro with *emphasis* and \`code\`

Intro paragraph has introword. [Reviewer says commentword]{.comment-start id="0" author="Rita Reviewer" date="2020-01-01T00:00:00Z"}Commented words.[]{.comment-end id="0"}
[Inserted insertionword text.]{.insertion author="Ian Inserter" date="2020-01-01T00:00:00Z"} [Deleted deletionword text.]{.deletion author="Dee Deleter" date="2020-01-01T00:00:00Z"}

Setext Heading
==============

Setext body has setextword.

Sub setext
----------

Subsetext body has subsetextword.

### Level three [link](http://example.com)

Text with levelthreeword.

#### Level four 4.2

Body levelfourword.

##### Level five Ünïcödé

Body levelfiveword.

###### Level six עברית

Body levelsixword.

# Lists

1. first ordered orderedword
   - nested bullet nestedword
     1. deep deepword
2. second

- [ ] task open taskopenword
- [x] task done taskdoneword

> Block quote quoteword.
>
> > nested quote nestedquoteword

Term one
:   Definition defword.

Term termword
:   Another definition.

# Tables

| A | B |
|---|---|
| pipecellword | 2 |

: Caption captionword

+---------------+---------------+
| Grid A        | Grid B        |
+===============+===============+
| gridcellword  | text          |
+---------------+---------------+

# Notes

## Footnote home

Paragraph with a footnote.[^1]

[^1]: The footnote holds footnoteword.

## After notes

Later text laterword.

# Code and math

\`\`\`python
def codeword():
    return 1
\`\`\`

Inline math $a + \\text{inlinemathmarker}$ and display:

$$ \\sum_i x_i = \\text{displaymathmarker} $$

![Alt text altword](missing.png)

<div class="raw">rawhtmlword in a raw block</div>

| line block lineblockword
|   indented line

# Intro with *emphasis* and \`code\`

Duplicate heading body dupword.

## Lists

Second lists body duplistword.
`;

const feature = (word: string, path: string[], chapter?: [string, string]): Marker => ({ word, path, ...(chapter ? { chapter } : {}) });

export const SOURCES: Source[] = [
  {
    name: 'features',
    md: FEATURES,
    title: 'Feature Catalogue',
    authors: ['Grace Hopper', 'Edsger Dijkstra'],
    year: 2021,
    doi: '10.5555/feat.2021',
    markers: [
      // The title block (title, subtitle, authors, date, abstract) is front matter, not a section: no heading path.
      { word: 'abstractmarker', path: [], titleBlock: true },
      feature('introword', ['Intro with emphasis and code'], ['Intro with emphasis and code', 'Intro with emphasis and code']),
      feature('setextword', ['Setext Heading'], ['Setext Heading', 'Setext Heading']),
      feature('subsetextword', SETEXT, ['Setext Heading', 'Sub setext']),
      feature('levelthreeword', [...SETEXT, 'Level three link'], ['Setext Heading', 'Sub setext']),
      feature('levelfourword', DEEP, ['Setext Heading', 'Sub setext']),
      feature('levelfiveword', [...DEEP, 'Level five Ünïcödé']),
      feature('levelsixword', [...DEEP, 'Level five Ünïcödé', 'Level six עברית']),
      ...['orderedword', 'nestedword', 'deepword', 'taskopenword', 'taskdoneword', 'quoteword', 'nestedquoteword', 'defword', 'termword']
        .map((w) => feature(w, LISTS, ['Lists', 'Lists'])),
      ...['pipecellword', 'gridcellword', 'captionword'].map((w) => feature(w, TABLES, ['Tables', 'Tables'])),
      feature('footnoteword', ['Notes', 'Footnote home'], ['Notes', 'Footnote home']),
      feature('laterword', ['Notes', 'After notes'], ['Notes', 'After notes']),
      ...['codeword', 'inlinemathmarker', 'displaymathmarker', 'altword', 'rawhtmlword', 'lineblockword']
        .map((w) => feature(w, CODE, ['Code and math', 'Code and math'])),
      feature('dupword', ['Intro with emphasis and code'], ['Intro with emphasis and code', 'Intro with emphasis and code']),
      feature('duplistword', ['Intro with emphasis and code', 'Lists'], ['Intro with emphasis and code', 'Lists']),
    ],
  },
  {
    name: 'headless',
    md: `---
title: Headless Note
author: Solo Author
date: "2018"
abstract: |
  ${'A long abstract, longer than the body, with longabstractword in it. '.repeat(25)}
---

A first paragraph with headlessone and nothing else.

A second paragraph with headlesstwo.
`,
    title: 'Headless Note',
    authors: ['Solo Author'],
    year: 2018,
    markers: [
      ...['headlessone', 'headlesstwo'].map((w) => ({ word: w, path: [], epub: ['Headless Note'] })),
      { word: 'longabstractword', path: [], titleBlock: true, chapter: ['Headless Note', 'Headless Note'] },
    ],
  },
  {
    name: 'preamble',
    md: `---
title: Preamble Paper
author:
- name: Ann Object
  affiliation: Uni A
date: 2020-07-15T10:00:00
lang: he
---
Opening text before any heading with preambleword.

## Starts at level two

Body leveltwofirst here.

# שלום עולם

Hebrew heading body rtlword.

# Long section

${longParagraph()}
`,
    title: 'Preamble Paper',
    authors: null,
    year: 2020,
    markers: [
      { word: 'preambleword', path: [], epub: ['Preamble Paper'] },
      { word: 'leveltwofirst', path: ['Starts at level two'], epub: ['Preamble Paper', 'Starts at level two'], chapter: ['Preamble Paper', 'Starts at level two'] },
      { word: 'rtlword', path: ['שלום עולם'], chapter: ['שלום עולם', 'שלום עולם'] },
      { word: 'longstartword', path: ['Long section'], chapter: ['Long section', 'Long section'] },
      { word: 'longendword', path: ['Long section'], chapter: ['Long section', 'Long section'] },
    ],
  },
  {
    name: 'flags',
    md: `# Only Section

Flag body flagword.
`,
    args: ['--metadata', 'title=Flag Title', '--metadata', 'author=Fay Flag', '--metadata', 'date=2017-02-03'],
    title: 'Flag Title',
    authors: ['Fay Flag'],
    year: 2017,
    markers: [{ word: 'flagword', path: ['Only Section'], chapter: ['Only Section', 'Only Section'] }],
  },
];

const EXTRAS = `---
title: Extras Volume
author: [Kim Extra, Lee Extra]
date: 2 March 2019
---

# Heading with note[^h] {#custom-id .special}

Body under note heading noteheadword.

[^h]: A note in a heading headnoteword.

# Unnumbered part {-}

Body unnumberedword and gluednoteword[^g] follows.

[^g]: Glued note.

::: warning
Fenced div text divword.
:::

| Col | Notes |
|-----|-------|
| cell | has a note[^t] |

[^t]: Table note tablenoteword.

- list item with note[^l]

[^l]: List note listnoteword.

A plain paragraph closes the notes.

    indented code indentcodeword

"Smart quotes" and -- dashes smartword.

Citation [@doe2020] citeword.

Text with an inline image ![inline alt inlinealtword](missing.png) in it.

Inline math $y = \\text{webtexmarker}$ end.

# Second with \`code\` and **bold**

## Sub A

Sub A body subaword.[^m]

[^m]: Multi-paragraph note first para.

    Second para of the note multinoteword.

## Sub B

Sub B body subbword.
`;

const UNNUMBERED = ['Unnumbered part'];
const SECOND = 'Second with code and bold';

SOURCES.push({
  name: 'extras',
  md: EXTRAS,
  title: 'Extras Volume',
  authors: ['Kim Extra', 'Lee Extra'],
  year: 2019,
  markers: [
    feature('noteheadword', ['Heading with note'], ['Heading with note', 'Heading with note']),
    feature('headnoteword', ['Heading with note'], ['Heading with note', 'Heading with note']),
    ...['unnumberedword', 'gluednoteword', 'divword', 'tablenoteword', 'listnoteword', 'indentcodeword', 'smartword', 'citeword', 'inlinealtword', 'webtexmarker']
      .map((w) => feature(w, UNNUMBERED, ['Unnumbered part', 'Unnumbered part'])),
    feature('subaword', [SECOND, 'Sub A'], [SECOND, 'Sub A']),
    feature('multinoteword', [SECOND, 'Sub A'], [SECOND, 'Sub A']),
    feature('subbword', [SECOND, 'Sub B'], [SECOND, 'Sub B']),
  ],
});

SOURCES.push({
  name: 'undated',
  md: '---\ntitle: Undated Memo\nauthor: Una Dated\n---\n\n# Only part\n\nUndated body undatedword.\n',
  title: 'Undated Memo',
  authors: ['Una Dated'],
  year: null,
  markers: [{ word: 'undatedword', path: ['Only part'], chapter: ['Only part', 'Only part'] }],
});

function longParagraph(): string {
  const filler = Array.from({ length: 400 }, (_, i) => `filler${i % 37} text`).join(' ');
  return `longstartword begins it. ${filler}. It ends with longendword.`;
}

export interface Variant { kind: Kind; name: string; args: string[]; ext: string }

/** Option sets; `ref.docx`, `cover.png` and `img/missing.png` (the image only --resource-path=img finds) are made in the working folder first. `--epub-chapter-level` is pandoc 2.x's `--split-level`. */
export const VARIANTS: Variant[] = [
  { kind: 'docx', name: 'docx', args: ['-t', 'docx'], ext: 'docx' },
  { kind: 'docx', name: 'docx-toc', args: ['-t', 'docx', '--toc'], ext: 'docx' },
  { kind: 'docx', name: 'docx-N', args: ['-t', 'docx', '-N'], ext: 'docx' },
  { kind: 'docx', name: 'docx-refdoc-images', args: ['-t', 'docx', '--reference-doc', 'ref.docx', '--resource-path=img'], ext: 'docx' },
  { kind: 'docx', name: 'docx-shift-chapters', args: ['-t', 'docx', '--shift-heading-level-by=1', '--top-level-division=chapter'], ext: 'docx' },
  { kind: 'html', name: 'html5-s', args: ['-t', 'html5', '-s'], ext: 'html' },
  { kind: 'html', name: 'html4-s', args: ['-t', 'html4', '-s'], ext: 'html' },
  { kind: 'html', name: 'html-fragment', args: ['-t', 'html'], ext: 'html' },
  { kind: 'html', name: 'html5-toc', args: ['-t', 'html5', '-s', '--toc'], ext: 'html' },
  { kind: 'html', name: 'html5-divs-N', args: ['-t', 'html5', '-s', '--section-divs', '-N'], ext: 'html' },
  { kind: 'html', name: 'html5-selfcontained', args: ['-t', 'html5', '-s', '--self-contained', '--resource-path=img'], ext: 'html' },
  { kind: 'html', name: 'html4-toc-mathjax', args: ['-t', 'html4', '-s', '--toc', '--mathjax'], ext: 'html' },
  { kind: 'html', name: 'html5-title-prefix', args: ['-t', 'html5', '-s', '--title-prefix=Site Name'], ext: 'html' },
  { kind: 'html', name: 'html5-notes-section', args: ['-t', 'html5', '-s', '--reference-location=section'], ext: 'html' },
  { kind: 'html', name: 'html5-webtex', args: ['-t', 'html5', '-s', '--webtex'], ext: 'html' },
  { kind: 'html', name: 'html5-mathml-shift', args: ['-t', 'html5', '-s', '--mathml', '--shift-heading-level-by=1'], ext: 'html' },
  { kind: 'epub', name: 'epub3', args: ['-t', 'epub3'], ext: 'epub' },
  { kind: 'epub', name: 'epub2', args: ['-t', 'epub2'], ext: 'epub' },
  { kind: 'epub', name: 'epub3-level2', args: ['-t', 'epub3', '--epub-chapter-level=2'], ext: 'epub' },
  { kind: 'epub', name: 'epub3-toc-N', args: ['-t', 'epub3', '--toc', '-N'], ext: 'epub' },
  { kind: 'epub', name: 'epub3-cover', args: ['-t', 'epub3', '--epub-cover-image=cover.png'], ext: 'epub' },
  { kind: 'epub', name: 'epub2-cover', args: ['-t', 'epub2', '--epub-cover-image=cover.png'], ext: 'epub' },
  { kind: 'epub', name: 'epub2-level2-toc', args: ['-t', 'epub2', '--epub-chapter-level=2', '--toc'], ext: 'epub' },
];
