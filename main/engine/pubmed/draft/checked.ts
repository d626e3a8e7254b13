/** A ranked candidate with its clause counts and MeSH check (only for a query that was searched). */
import { EngineError } from '../../errors.js';
import { checkQuery } from '../query/index.js';
import type { Eutils } from '../eutils/client.js';
import { failed, type DraftCandidate } from './candidate.js';
import { clauseCounts, type ClauseCount } from './clauses.js';
import type { MeshClient } from './mesh-client.js';
import { checkMesh, type MeshCheck } from './mesh.js';

export interface CheckedCandidate extends DraftCandidate {
  clauses: ClauseCount[];
  /** Clauses not counted because of the per-candidate cap. */
  clausesSkipped: number;
  mesh: MeshCheck[];
}

export async function checkCandidate(c: DraftCandidate, o: { eutils: Eutils; mesh: MeshClient | null; clauseLimit?: number; maxdate?: string; signal?: AbortSignal }): Promise<CheckedCandidate> {
  if (failed(c) || c.searched === null) return { ...c, clauses: [], clausesSkipped: 0, mesh: [] };
  const check = checkQuery(c.searched);
  if (!check.ok) throw new EngineError('INTERNAL', `a searched query did not check again: ${c.searched}`);
  const [report, mesh] = await Promise.all([
    clauseCounts(check.tree, o.eutils, { ...(o.clauseLimit !== undefined ? { max: o.clauseLimit } : {}), ...(o.maxdate ? { maxdate: o.maxdate } : {}), ...(o.signal ? { signal: o.signal } : {}) }),
    o.mesh ? checkMesh(o.mesh, check.tree, o.signal) : Promise.resolve([]),
  ]);
  return { ...c, clauses: report.clauses, clausesSkipped: report.skipped, mesh };
}
