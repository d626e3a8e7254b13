/**
 * The heading path to show beside a result whose title is already shown: without a first heading
 * that only repeats the document's title (a record's title heads its text, as a note's `# Title`
 * does, so that search counts it twice; the card need not show it twice).
 */
export function sectionPath(headingPath: readonly string[], title: string | null): string[] {
  const t = title?.replace(/\s+/g, ' ').trim();
  return t && headingPath[0]?.replace(/\s+/g, ' ').trim() === t ? headingPath.slice(1) : [...headingPath];
}
