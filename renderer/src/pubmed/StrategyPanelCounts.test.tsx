/** The strategy panel's per-line PubMed counts (and their unreachable state) and in-place line editing with live validation. */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
// The fake api answers translations with the real translator's output.
// eslint-disable-next-line import-x/no-restricted-paths
import { translateStrategy } from '../../../main/engine/strategy/index.js';
import type { StrategyLineCount } from '../api.js';
import { fakeApi } from '../test/fakeApi.js';
import { StrategyPanel } from './StrategyPanel.js';

afterEach(() => vi.useRealTimers());

const OVID = '1. exp Asthma/\n2. wheez$.tw.\n3. or/1-2';
const translate = async (text: string, to: 'pubmed' | 'ovid') => translateStrategy(text, to);
const row = (n: number) => screen.getByRole('listitem', { name: `Line ${n}` });

async function paste(text: string, counts: (text: string) => StrategyLineCount[]) {
  vi.useFakeTimers();
  const f = fakeApi({ strategyTranslate: translate, strategyCounts: async (t: string) => counts(t) });
  window.delve = f.api;
  render(<StrategyPanel onUse={() => undefined} />);
  fireEvent.click(screen.getByRole('checkbox', { name: 'Count each line in PubMed' }));
  fireEvent.change(screen.getByLabelText('Search strategy'), { target: { value: text } });
  await act(async () => { await vi.advanceTimersByTimeAsync(300); });
  return f;
}

describe('StrategyPanel counts', () => {
  it('shows each line its PubMed count, asked 800 ms after the last edit', async () => {
    const f = await paste(OVID, () => [
      { n: 1, query: '"Asthma"[mh]', count: 151234 },
      { n: 2, query: 'wheez*[tiab]', count: 20456 },
      { n: 3, query: '"Asthma"[mh] OR wheez*[tiab]', count: 160001 },
    ]);
    expect(row(1).textContent).toContain('counting in PubMed…');
    expect(f.calls.filter((c) => c.name === 'strategyCounts')).toEqual([]);
    await act(async () => { await vi.advanceTimersByTimeAsync(500); });
    expect(f.calls.filter((c) => c.name === 'strategyCounts').map((c) => c.args)).toEqual([[OVID]]);
    expect(within(row(1)).getByText('PubMed: 151,234 records')).toBeTruthy();
    expect(within(row(2)).getByText('PubMed: 20,456 records')).toBeTruthy();
    expect(within(row(3)).getByText('PubMed: 160,001 records')).toBeTruthy();
    expect(row(3).textContent).toContain('#1 OR #2');
  });

  it('PubMed unreachable: each line keeps its translation and says it has no count; other errors show their code', async () => {
    const down = { code: 'PUBMED_UNREACHABLE', message: 'NCBI E-utilities could not be reached' };
    await paste(OVID, () => [
      { n: 1, query: '"Asthma"[mh]', count: null, error: { code: 'PUBMED_QUERY_INVALID', message: 'bad' } },
      { n: 2, query: 'wheez*[tiab]', count: null, error: down },
      { n: 3, query: '"Asthma"[mh] OR wheez*[tiab]', count: null, error: down },
    ]);
    await act(async () => { await vi.advanceTimersByTimeAsync(800); });
    expect(within(row(1)).getByText('no count: PUBMED_QUERY_INVALID')).toBeTruthy();
    for (const n of [2, 3]) expect(within(row(n)).getByText('no count: PubMed unreachable')).toBeTruthy();
    expect(row(2).textContent).toContain('wheez*[tiab]');
    expect(screen.getByText(/3 lines translated/)).toBeTruthy();
  });

  it('edits a line in place: the pasted text changes and the line\'s problems update as you type', async () => {
    vi.useFakeTimers();
    const f = fakeApi({ strategyTranslate: translate });
    window.delve = f.api;
    render(<StrategyPanel onUse={() => undefined} />);
    fireEvent.change(screen.getByLabelText('Search strategy'), { target: { value: OVID } });
    await act(async () => { await vi.advanceTimersByTimeAsync(300); });
    expect(screen.queryByRole('list', { name: 'Problems on line 2' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Edit line 2' }));
    const field = screen.getByLabelText('Line 2 source') as HTMLTextAreaElement;
    expect(field.value).toBe('2. wheez$.tw.');
    fireEvent.change(field, { target: { value: '2. (wheez$.tw.' } });
    expect((screen.getByLabelText('Search strategy') as HTMLTextAreaElement).value).toBe('1. exp Asthma/\n2. (wheez$.tw.\n3. or/1-2');
    expect(screen.getByLabelText('Line 2 source')).toBeTruthy();
    await act(async () => { await vi.advanceTimersByTimeAsync(300); });
    expect(screen.getByRole('list', { name: 'Problems on line 2' }).textContent).toContain('this ( is never closed');
    expect(document.activeElement).toBe(screen.getByLabelText('Line 2 source'));
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.queryByLabelText('Line 2 source')).toBeNull();
    expect(f.calls.every((c) => c.name === 'strategyTranslate')).toBe(true);
  });
});
