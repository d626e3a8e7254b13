/**
 * DOIs as the library compares them: trimmed, lower-case (DOIs are case-insensitive), without a
 * resolver prefix (https://doi.org/, http://dx.doi.org/, doi:) and URL-decoded. Null when what is
 * left does not look like a DOI (10.<registrant>/<suffix>).
 */
const PREFIX = /^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i;

export function normalizeDoi(doi: string | null | undefined): string | null {
  if (!doi) return null;
  let s = doi.trim().replace(PREFIX, '');
  try {
    if (s.includes('%')) s = decodeURIComponent(s);
  } catch {
    // a stray % is part of the DOI
  }
  s = s.trim().toLowerCase();
  return /^10\.\d+\/\S/.test(s) ? s : null;
}
