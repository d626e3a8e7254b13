/** Settings → Ranking: BM25's k1 and b, and RM3 pseudo-relevance feedback (engine/search/RANKING.md). */
import { Field } from './Field.js';
import type { SectionProps } from './OllamaSection.js';

const num = (v: string): number => (v.trim() === '' ? Number.NaN : Number(v));

export function RankingSection({ draft, errors, update }: Omit<SectionProps, 'saved'>) {
  const r = draft.ranking;
  return (
    <section className="settings-section" aria-labelledby="settings-ranking">
      <h3 id="settings-ranking">Ranking</h3>
      <div className="settings-row">
        <Field label="BM25 k1" error={errors['ranking.k1']} hint="Term-frequency saturation, 0 to 10 (default 1.5; Anserini uses 0.9).">
          {({ id, describedBy, invalid }) => (
            <input id={id} type="number" min={0} max={10} step={0.1} value={Number.isFinite(r.k1) ? r.k1 : ''}
              aria-describedby={describedBy} aria-invalid={invalid} onChange={(e) => update({ ranking: { k1: num(e.target.value) } })} />
          )}
        </Field>
        <Field label="BM25 b" error={errors['ranking.b']} hint="Length normalisation, 0 to 1 (default 0.75; Anserini uses 0.4).">
          {({ id, describedBy, invalid }) => (
            <input id={id} type="number" min={0} max={1} step={0.05} value={Number.isFinite(r.b) ? r.b : ''}
              aria-describedby={describedBy} aria-invalid={invalid} onChange={(e) => update({ ranking: { b: num(e.target.value) } })} />
          )}
        </Field>
      </div>
      <Field label="RM3 feedback" hint="Expand every keyword search with terms from its top 10 results. Helps some collections, hurts others: off by default.">
        {({ id, describedBy }) => (
          <input id={id} type="checkbox" checked={r.rm3} aria-describedby={describedBy} onChange={(e) => update({ ranking: { rm3: e.target.checked } })} />
        )}
      </Field>
    </section>
  );
}
