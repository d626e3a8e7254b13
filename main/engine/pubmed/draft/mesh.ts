/**
 * Checking a query's MeSH headings against NCBI's MeSH database. Every term tagged [mh] or [majr]
 * (with or without :noexp; a `/subheading` is cut off; truncated terms are skipped) is looked up as
 * `"heading"[MeSH Terms]` on db=mesh. A heading that matches nothing does not exist, and PubMed
 * would find nothing for it; the suggestion is the first MeSH descriptor that a search of db=mesh
 * for its plain words finds (its preferred name from esummary), else the first "…"[MeSH Terms] in
 * the translation NCBI gives for those words, else none.
 */
import { PubmedError } from '../eutils/errors.js';
import { walk, type Node } from '../query/ast.js';
import type { MeshClient } from './mesh-client.js';

export interface MeshCheck {
  heading: string;
  /** null: NCBI refused the lookup (see `error`). */
  exists: boolean | null;
  /** For a heading that does not exist: the nearest real one, when NCBI offers one. */
  suggestion: string | null;
  error?: string;
}

const MESH_FIELDS = new Set(['mh', 'mh:noexp', 'majr', 'majr:noexp']);

/** The MeSH headings the query uses, in order, each once (case-insensitively). */
export function meshHeadings(tree: Node): string[] {
  const seen = new Map<string, string>();
  for (const n of walk(tree)) {
    if (n.type !== 'term' || n.truncated || n.field === null || !MESH_FIELDS.has(n.field)) continue;
    const heading = n.text.split('/')[0]!.replace(/"/g, '').trim();
    if (heading && !seen.has(heading.toLowerCase())) seen.set(heading.toLowerCase(), heading);
  }
  return [...seen.values()];
}

function fromTranslation(t: string | null): string | null {
  const m = t ? /"([^"]+)"\s*\[MeSH Terms\]/i.exec(t) : null;
  return m?.[1] ?? null;
}

export async function checkHeading(mesh: MeshClient, heading: string, signal?: AbortSignal): Promise<MeshCheck> {
  try {
    const found = await mesh.esearch(`"${heading}"[MeSH Terms]`, 1, signal);
    if (found.count > 0) return { heading, exists: true, suggestion: null };
    const words = heading.replace(/[^\p{L}\p{N}\s'-]+/gu, ' ').replace(/\s+/g, ' ').trim();
    if (!words) return { heading, exists: false, suggestion: null };
    const loose = await mesh.esearch(words, 5, signal);
    const records = await mesh.esummary(loose.ids, signal);
    const best = records.find((r) => r.type === 'descriptor' || r.ui.startsWith('D')) ?? records[0];
    return { heading, exists: false, suggestion: best?.name ?? fromTranslation(loose.translation) };
  } catch (e) {
    if (e instanceof PubmedError && e.reason === 'PUBMED_QUERY_INVALID') return { heading, exists: null, suggestion: null, error: e.message };
    throw e;
  }
}

export function checkMesh(mesh: MeshClient, tree: Node, signal?: AbortSignal): Promise<MeshCheck[]> {
  return Promise.all(meshHeadings(tree).map((h) => checkHeading(mesh, h, signal)));
}
