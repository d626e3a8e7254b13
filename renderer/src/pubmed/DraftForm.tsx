/**
 * The review question (free text or PICO lines), known relevant PMIDs, and how many candidates to
 * draft. Validates the PMIDs as they are typed (a textarea, so a pasted column keeps its breaks); the screen owns the values (search uses the seeds).
 */
import { useId } from 'react';
import type { ParsedSeeds } from './seeds.js';

export interface DraftFormProps {
  question: string;
  onQuestion(v: string): void;
  seedsText: string;
  onSeedsText(v: string): void;
  seeds: ParsedSeeds;
  k: number;
  onK(v: number): void;
  busy: boolean;
  elapsed: number;
  onDraft(): void;
}

export function DraftForm(p: DraftFormProps) {
  const id = useId();
  const canDraft = !p.busy && p.question.trim().length > 0 && p.seeds.invalid.length === 0;
  return (
    <form className="pubmed-form" onSubmit={(e) => { e.preventDefault(); if (canDraft) p.onDraft(); }}>
      <label className="pubmed-field" htmlFor={`${id}-q`}>
        <span>Review question</span>
        <textarea
          id={`${id}-q`} aria-label="Review question" rows={4} value={p.question}
          placeholder={'Free text, or PICO lines:\nP: adults with type 2 diabetes\nI: SGLT2 inhibitors\nC: placebo\nO: heart failure hospitalisation'}
          onChange={(e) => p.onQuestion(e.target.value)}
          onKeyDown={(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && canDraft) { e.preventDefault(); p.onDraft(); } }}
        />
      </label>
      <div className="pubmed-form-row">
        <label className="pubmed-field pubmed-grow" htmlFor={`${id}-s`}>
          <span>Known relevant PMIDs <span className="muted">(optional: measures recall)</span></span>
          <textarea
            id={`${id}-s`} aria-label="Known relevant PMIDs" rows={2} value={p.seedsText} placeholder="e.g. 31535829, 30415602 (or paste one per line)"
            aria-invalid={p.seeds.invalid.length > 0} aria-describedby={`${id}-sh`}
            onChange={(e) => p.onSeedsText(e.target.value)}
          />
          <span id={`${id}-sh`} className={p.seeds.invalid.length > 0 ? 'error pubmed-small' : 'muted pubmed-small'}>
            {p.seeds.invalid.length > 0
              ? `Not a PMID (digits only): ${p.seeds.invalid.join(', ')}`
              : p.seeds.pmids.length > 0 ? `${p.seeds.pmids.length} PMID${p.seeds.pmids.length === 1 ? '' : 's'}` : 'Comma or space separated'}
          </span>
        </label>
        <label className="pubmed-field" htmlFor={`${id}-k`}>
          <span>Candidates</span>
          <input
            id={`${id}-k`} aria-label="Number of candidates" type="number" min={1} max={8} value={p.k}
            onChange={(e) => p.onK(Math.min(8, Math.max(1, Math.trunc(Number(e.target.value)) || 1)))}
          />
        </label>
        <div className="pubmed-form-action">
          <button type="submit" className="primary" disabled={!canDraft}>Draft queries</button>
        </div>
      </div>
      {p.busy && (
        <p className="pubmed-busy" role="status">Drafting with the local LLM… {p.elapsed} s</p>
      )}
    </form>
  );
}
