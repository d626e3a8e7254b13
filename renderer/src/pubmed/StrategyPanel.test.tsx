/** The strategy panel: a pasted Ovid strategy translated line by line (live, debounced), notes and problems shown, the query sent to the editor. */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
// The fake api answers with the real translator's output, so the panel is tested on real translations.
// eslint-disable-next-line import-x/no-restricted-paths
import { translateStrategy } from '../../../main/engine/strategy/index.js';
import { fakeApi } from '../test/fakeApi.js';
import { StrategyPanel } from './StrategyPanel.js';

afterEach(() => vi.useRealTimers());

const OVID = '1. exp Heart Failure/ (12345)\n2. (heart adj3 failure).ti,ab.\n3. cardiac failure.mp.\n4. or/1-4\n5. limit 4 to english language';

describe('StrategyPanel', () => {
  it('translates 300 ms after the last edit, line by line, with notes, problems and fixes', async () => {
    vi.useFakeTimers();
    const f = fakeApi({ strategyTranslate: async (text: string, to: 'pubmed' | 'ovid') => translateStrategy(text, to) });
    window.delve = f.api;
    const used: string[] = [];
    render(<StrategyPanel onUse={(q) => used.push(q)} />);
    fireEvent.change(screen.getByLabelText('Search strategy'), { target: { value: OVID } });
    await act(async () => { await vi.advanceTimersByTimeAsync(299); });
    expect(f.calls).toEqual([]);
    await act(async () => { await vi.advanceTimersByTimeAsync(1); });
    expect(f.calls.map((c) => c.args)).toEqual([[OVID, 'pubmed']]);
    expect(screen.getByText(/Ovid MEDLINE: 5 lines translated/)).toBeTruthy();
    expect(screen.getByRole('listitem', { name: 'Line 2' }).textContent).toContain('"heart failure"[tiab:~2]');
    expect(screen.getByRole('list', { name: 'Notes for line 3' }).textContent).toContain('approximate');
    const problems = screen.getByRole('list', { name: 'Problems on line 4' }).textContent ?? '';
    expect(problems).toContain('line 4 refers to itself');
    expect(problems).toContain('Fix: remove 4 (or/1-3 was probably meant)');
    fireEvent.click(screen.getByRole('button', { name: 'Use as PubMed query' }));
    expect(used).toEqual(['("Heart Failure"[mh] OR "heart failure"[tiab:~2] OR "cardiac failure"[tw]) AND english[la]']);
  });

  it('translates to Ovid, and names a database it does not translate', async () => {
    vi.useFakeTimers();
    const f = fakeApi({ strategyTranslate: async (text: string, to: 'pubmed' | 'ovid') => translateStrategy(text, to) });
    window.delve = f.api;
    render(<StrategyPanel onUse={() => undefined} />);
    fireEvent.change(screen.getByLabelText('Translate to'), { target: { value: 'ovid' } });
    fireEvent.change(screen.getByLabelText('Search strategy'), { target: { value: '#1 pain[tiab]\n#2 #1 AND humans[mh]' } });
    await act(async () => { await vi.advanceTimersByTimeAsync(300); });
    expect(screen.getByRole('listitem', { name: 'Line 2' }).textContent).toContain('limit 1 to humans');
    expect(screen.queryByRole('button', { name: 'Use as PubMed query' })).toBeNull();
    fireEvent.change(screen.getByLabelText('Search strategy'), { target: { value: 'S1 (MH "Asthma+")\nS2 TI wheez*\nS3 S1 OR S2' } });
    await act(async () => { await vi.advanceTimersByTimeAsync(300); });
    expect(screen.getByText('CINAHL: not translated')).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Strategy problems' }).textContent).toMatch(/CINAHL Headings are not MeSH/);
  });
});
