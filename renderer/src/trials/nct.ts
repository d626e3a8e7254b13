/** Known relevant NCT ids as typed: split on spaces, commas and new lines; what is not an NCT id is listed. */
export function parseNctIds(text: string): { ids: string[]; invalid: string[] } {
  const parts = [...new Set(text.split(/[\s,;]+/).map((s) => s.trim().toUpperCase()).filter(Boolean))];
  return { ids: parts.filter((p) => /^NCT\d{8}$/.test(p)), invalid: parts.filter((p) => !/^NCT\d{8}$/.test(p)) };
}

export const areaLabel = (a: string): string => ({ term: 'Other terms', cond: 'Condition', intr: 'Intervention', titles: 'Title', outc: 'Outcome', spons: 'Sponsor', locn: 'Location', id: 'Study id', patient: 'Patient' } as Record<string, string>)[a] ?? a;
