/** The MeSH headings a query uses: ✓ exists, ✗ does not exist (with NCBI's nearest heading), or not checked. */
import type { CheckedCandidate } from '../api.js';

export function MeshChecks({ mesh }: { mesh: CheckedCandidate['mesh'] }) {
  if (mesh.length === 0) return null;
  return (
    <div className="pubmed-mesh">
      <div className="pubmed-subhead">MeSH headings</div>
      <ul aria-label="MeSH checks">
        {mesh.map((m, i) => (
          <li key={i} className={m.exists === true ? 'is-ok' : m.exists === false ? 'is-bad' : 'is-unknown'}>
            {m.exists === true && <><span aria-hidden="true">✓ </span>{m.heading}<span className="muted"> — exists</span></>}
            {m.exists === false && (
              <>
                <span aria-hidden="true">✗ </span>{m.heading}<span className="muted"> — does not exist</span>
                {m.suggestion && <>; did you mean <strong>{m.suggestion}</strong>?</>}
              </>
            )}
            {m.exists === null && <><span aria-hidden="true">? </span>{m.heading}<span className="muted"> — not checked{m.error ? `: ${m.error}` : ''}</span></>}
          </li>
        ))}
      </ul>
    </div>
  );
}
