/** The first-run checklist: its three steps with direct actions, done marks, a download that retries in words and is then used. */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { AppStatus, ModelListing } from '../api.js';
import { fakeApi } from '../test/fakeApi.js';
import { FirstRun } from './FirstRun.js';
import { ADD_FOLDER_EVENT, NavContext, type Nav } from './nav.js';

const EMPTY: AppStatus = { documents: 0, chunks: 0, dbBytes: 4096, kinds: {}, ocrPages: 0, embedding: null, ollama: { host: 'http://127.0.0.1:11434', ok: false, message: 'refused' }, indexing: false };
const MODEL = { id: 'all-minilm-l6-v2-int8', name: 'MiniLM int8', license: 'Apache-2.0', dims: 384, pooling: 'mean', default: true, inCatalog: true, pullable: true, installed: false, downloadBytes: 23e6, installedBytes: null, partial: false, dir: '/m/a' } as ModelListing;

function setup(status: AppStatus = EMPTY) {
  let finish!: () => void;
  const f = fakeApi({
    models: async () => [MODEL],
    modelPull: () => new Promise((r) => { finish = () => r({ id: MODEL.id, dir: '/m/a' }); }),
    setSettings: async () => ({}),
  });
  window.delve = f.api;
  const nav = { screen: 'search', go: vi.fn(), openSettings: vi.fn(), openDocument: vi.fn(), closeDocument: vi.fn(), viewer: null } as unknown as Nav;
  const refresh = vi.fn();
  render(<NavContext.Provider value={nav}><FirstRun status={status} refresh={refresh} /></NavContext.Provider>);
  return { f, nav, refresh, finish: () => finish() };
}

describe('FirstRun', () => {
  it('offers the three steps; Add folder opens the Library picker, Set up Ollama opens its Settings section', async () => {
    const { nav } = setup();
    const list = screen.getByRole('region', { name: 'Get started' });
    expect(within(list).getByRole('heading', { name: 'Add a folder of PDFs or notes' })).toBeTruthy();
    const asked = vi.fn();
    window.addEventListener(ADD_FOLDER_EVENT, asked);
    fireEvent.click(screen.getByRole('button', { name: 'Add folder…' }));
    expect(nav.go).toHaveBeenCalledWith('library');
    await waitFor(() => expect(asked).toHaveBeenCalled());
    window.removeEventListener(ADD_FOLDER_EVENT, asked);
    expect(list.textContent).toContain('Ollama is not reachable at http://127.0.0.1:11434.');
    fireEvent.click(screen.getByRole('button', { name: 'Set up Ollama' }));
    expect(nav.openSettings).toHaveBeenCalledWith('ollama');
  });

  it('downloads the catalog default, says each retry in words, and uses the model once installed', async () => {
    const { f, refresh, finish } = setup();
    fireEvent.click(await screen.findByRole('button', { name: 'Download MiniLM int8' }));
    await waitFor(() => expect(f.calls.some((c) => c.name === 'modelPull' && c.args[0] === MODEL.id)).toBe(true));
    expect(screen.getByRole('status').textContent).toContain('Connecting to the model hub…');
    act(() => f.emit('model:progress', { id: MODEL.id, received: 0, total: 23e6, done: false, retry: { file: 'tokenizer.json', attempt: 2, attempts: 6, delayMs: 1000, error: 'connect ECONNREFUSED' } }));
    expect(screen.getByRole('status').textContent).toBe('Cannot reach the model hub. Retrying in 1 s (attempt 2 of 6)…');
    await act(async () => finish());
    await waitFor(() => expect(f.calls.find((c) => c.name === 'setSettings')?.args).toEqual([{ embeddingModel: MODEL.id }]));
    expect(refresh).toHaveBeenCalled();
  });

  it('marks what is done', () => {
    setup({ ...EMPTY, embedding: { model: 'm', provider: 'cpu', fallbackReason: null, vectors: 0, complete: true, chunksPerSec: null }, ollama: { ...EMPTY.ollama, ok: true } });
    const headings = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(headings).toEqual(['Add a folder of PDFs or notes', 'Optional: Download the recommended embedding model (done)', 'Optional: Connect Ollama (a local LLM) (done)']);
    expect(screen.getByText('Connected at http://127.0.0.1:11434')).toBeTruthy();
  });
});
