/** A candidate card: copying the query, failures, and model text kept as plain text. */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { CandidateCard } from './CandidateCard.js';
import { clauseTree } from './ClauseTree.js';
import { candidate } from './testFixtures.js';

describe('CandidateCard', () => {
  it('copies the query and hands it to the editor', async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const onUse = vi.fn();
    render(<CandidateCard c={candidate({ query: 'a[tiab] AND b[tiab]', searched: '(a[tiab]) AND (b[tiab])' })} onUse={onUse} />);
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Copy query 1' })); });
    expect(writeText).toHaveBeenCalledWith('a[tiab] AND b[tiab]');
    expect(screen.getByRole('button', { name: 'Copy query 1' }).textContent).toBe('Copied');
    fireEvent.click(screen.getByRole('button', { name: 'Use this query' }));
    expect(onUse).toHaveBeenCalledWith('a[tiab] AND b[tiab]');
  });

  it('shows an LLM failure and the raw reply as text, never as markup', () => {
    const c = candidate({ query: null, searched: null, count: null, recall: null, seedsFound: [], seedsMissed: [], clauses: [], mesh: [], translation: null, error: 'no <answer> in the reply', reply: '<img src=x onerror=alert(1)>' });
    const { container } = render(<CandidateCard c={c} onUse={() => undefined} />);
    expect(screen.getByRole('alert').textContent).toBe('no <answer> in the reply');
    expect(screen.getByText('No query could be read from the model\'s reply.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Use this query' })).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('nests each synonym under its OR clause', () => {
    const t = clauseTree(candidate().clauses);
    expect(t.map((b) => [b.clause.query, b.children.map((c) => c.query)])).toEqual([
      ['"Thyroid Neoplasms"[mh] OR "thyroid cancer"[tiab]', ['"Thyroid Neoplasms"[mh]', '"thyroid cancer"[tiab]']],
      ['autopsy[mh]', []],
    ]);
  });
});
