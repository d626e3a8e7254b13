/** The status bar: its texts, the 5 s poll, the refresh when indexing ends, the startup theme. */
import { act, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppStatus } from '../api.js';
import { fakeApi } from '../test/fakeApi.js';
import { LIBRARY_RESTORED_EVENT, NavContext } from './nav.js';
import { embedderLine, formatBytes, libraryLine, providerLabel, StatusBar } from './StatusBar.js';

const base: AppStatus = {
  documents: 12, chunks: 3400, dbBytes: 12.3 * 1024 * 1024, kinds: { pdf: 12 }, ocrPages: 0,
  embedding: { model: 'MiniLM-L6', provider: 'cpu', fallbackReason: null, vectors: 3400, complete: true, chunksPerSec: null },
  ollama: { host: 'http://127.0.0.1:11434', ok: true, message: null }, indexing: false,
};

afterEach(() => { vi.useRealTimers(); delete document.documentElement.dataset.theme; });

describe('status texts', () => {
  it('formats sizes, library, embedder', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2048)).toBe('2.0 KB');
    expect(formatBytes(3 * 1024 ** 3)).toBe('3.0 GB');
    expect(libraryLine(base)).toBe('12 documents · 3,400 chunks · 12.3 MB');
    expect(libraryLine({ ...base, documents: 1, chunks: 1 })).toMatch(/^1 document · 1 chunk · /);
    expect(libraryLine({ ...base, kinds: { pdf: 8, docx: 2, html: 1, epub: 1 } })).toBe('12 documents (8 PDF, 2 Word, 1 EPUB, 1 Web page) · 3,400 chunks · 12.3 MB');
    expect(embedderLine(base)).toBe('MiniLM-L6 · CPU');
    expect(embedderLine({ ...base, embedding: { ...base.embedding!, provider: 'cuda', chunksPerSec: 812.4 } })).toBe('MiniLM-L6 · CUDA · 812 chunks/s');
    expect(embedderLine({ ...base, embedding: null })).toBe('No embedding model — BM25 only');
    expect(providerLabel('dml')).toBe('DirectML');
  });
});

describe('StatusBar', () => {
  it('shows library, embedder and Ollama, and applies the saved theme', async () => {
    const f = fakeApi({ appStatus: async () => base, getSettings: async () => ({ theme: 'dark' }) });
    window.delve = f.api;
    render(<StatusBar />);
    const bar = screen.getByRole('contentinfo', { name: 'Status' });
    await waitFor(() => expect(bar.textContent).toContain('12 documents · 3,400 chunks · 12.3 MB'));
    expect(bar.textContent).toContain('MiniLM-L6 · CPU');
    expect(bar.textContent).toContain('Ollama ready');
    expect(bar.textContent).toContain('http://127.0.0.1:11434');
    expect(bar.textContent).not.toContain('Indexing…');
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
  });

  it('says when there is no model, Ollama is down, or indexing runs', async () => {
    const down: AppStatus = { ...base, embedding: null, ollama: { host: 'http://h:1', ok: false, message: 'connection refused' }, indexing: true };
    window.delve = fakeApi({ appStatus: async () => down, getSettings: async () => ({ theme: 'light' }) }).api;
    render(<StatusBar />);
    await screen.findByText('Indexing…');
    const bar = screen.getByRole('contentinfo', { name: 'Status' });
    expect(bar.textContent).toContain('No embedding model — BM25 only');
    expect(bar.textContent).toContain('Ollama not reachable');
  });

  it('polls every 5 s and refreshes when an index job is done', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let docs = 1;
    const f = fakeApi({ appStatus: async () => ({ ...base, documents: docs }), getSettings: async () => ({ theme: 'light' }) });
    window.delve = f.api;
    render(<StatusBar />);
    await screen.findByText(/^1 document ·/);
    docs = 2;
    await act(async () => { await vi.advanceTimersByTimeAsync(5000); });
    await screen.findByText(/^2 documents ·/);
    docs = 7;
    const before = f.calls.filter((c) => c.name === 'appStatus').length;
    act(() => f.emit('index:progress', { phase: 'embed', done: 1, total: 2 } as never));
    act(() => f.emit('index:progress', { phase: 'done', done: 2, total: 2 } as never));
    await screen.findByText(/^7 documents ·/);
    expect(f.calls.filter((c) => c.name === 'appStatus').length).toBe(before + 1);
  });

  it('shows an error when the status cannot be read', async () => {
    window.delve = fakeApi({ getSettings: async () => ({ theme: 'light' }) }).api;
    render(<StatusBar />);
    expect((await screen.findByRole('alert')).textContent).toContain('INTERNAL');
  });

  it('names a problem the engine banner explains (no second alert), and reads the status again after a restore', async () => {
    let damaged = true;
    const f = fakeApi({
      appStatus: async () => { if (damaged) throw Object.assign(new Error('/d/delve.db: the library database is damaged (file is not a database). Way out: …'), { code: 'DB_CORRUPT' }); return base; },
      getSettings: async () => ({ theme: 'light' }),
    });
    window.delve = f.api;
    render(<StatusBar />);
    expect((await screen.findByText(/^Status unavailable/)).textContent).toBe('Status unavailable — the library database is damaged (see above)');
    expect(screen.queryByRole('alert')).toBeNull();
    damaged = false;
    act(() => { window.dispatchEvent(new Event(LIBRARY_RESTORED_EVENT)); });
    await screen.findByText(/ documents? ·/);
  });

  it('shows the scanned pages still without text, linking to the Library', async () => {
    window.delve = fakeApi({ appStatus: async () => ({ ...base, ocrPages: 3 }), getSettings: async () => ({ theme: 'light' }) }).api;
    const go = vi.fn();
    render(<NavContext.Provider value={{ screen: 'search', go, openDocument: vi.fn(), closeDocument: vi.fn(), viewer: null }}><StatusBar /></NavContext.Provider>);
    (await screen.findByRole('button', { name: '3 scanned pages without text' })).click();
    expect(go).toHaveBeenCalledWith('library');
  });
});
