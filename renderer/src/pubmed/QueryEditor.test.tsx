/** The query editor's debounced check, with the caret under each error's offset. */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi } from '../test/fakeApi.js';
import { QueryEditor } from './QueryEditor.js';
import { caretLines } from './QueryIssues.js';

function Harness() {
  const [v, setV] = useState('');
  return <QueryEditor value={v} onChange={setV} busy={false} onSearch={() => undefined} />;
}

afterEach(() => vi.useRealTimers());

describe('caretLines', () => {
  it('puts the caret under the offset on its own line, windowing long lines', () => {
    expect(caretLines('a AND (b', 6)).toEqual({ text: 'a AND (b', caret: '      ^' });
    expect(caretLines('x\nfoo bar', 6)).toEqual({ text: 'foo bar', caret: '    ^' });
    const long = `${'a'.repeat(100)}(${'b'.repeat(100)}`;
    const w = caretLines(long, 100);
    expect(w.text.startsWith('…')).toBe(true);
    expect(w.text.endsWith('…')).toBe(true);
    expect(w.text[w.caret.length - 1]).toBe('(');
  });
});

describe('QueryEditor', () => {
  it('checks 300 ms after the last keystroke and shows errors with a caret', async () => {
    vi.useFakeTimers();
    const f = fakeApi({
      pubmedCheck: async (q: string) => (q.endsWith('(')
        ? { valid: false, normalized: null, errors: [{ offset: q.length - 1, message: 'unclosed parenthesis' }], warnings: [] }
        : { valid: true, normalized: q, errors: [], warnings: [] }),
    });
    window.delve = f.api;
    render(<Harness />);
    const box = screen.getByLabelText('PubMed query');
    fireEvent.change(box, { target: { value: 'a AND' } });
    await act(async () => { await vi.advanceTimersByTimeAsync(200); });
    fireEvent.change(box, { target: { value: 'a AND (' } });
    await act(async () => { await vi.advanceTimersByTimeAsync(299); });
    expect(f.calls.filter((c) => c.name === 'pubmedCheck')).toEqual([]);
    await act(async () => { await vi.advanceTimersByTimeAsync(1); });
    expect(f.calls.filter((c) => c.name === 'pubmedCheck').map((c) => c.args)).toEqual([['a AND (']]);
    const list = screen.getByRole('list', { name: 'Query errors' });
    expect(list.querySelector('.pubmed-issue-line')?.textContent).toBe('a AND (\n      ^');
    expect(list.textContent).toContain('At character 7: unclosed parenthesis');
    expect(screen.getByText('1 syntax error')).toBeTruthy();
    expect(box.getAttribute('aria-invalid')).toBe('true');

    fireEvent.change(box, { target: { value: 'a AND b' } });
    expect(screen.queryByRole('list', { name: 'Query errors' })).toBeNull();
    await act(async () => { await vi.advanceTimersByTimeAsync(300); });
    expect(screen.getByText('✓ Valid PubMed syntax')).toBeTruthy();
  });
});
