/** The Settings screen against a fake API: load, patch of changed fields, validation, theme, pulls. */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { LlmHealth, ModelListing, Settings, SettingsPatch } from '../api.js';
import { fakeApi } from '../test/fakeApi.js';
import { mergeSettings } from './patch.js';
import { SettingsScreen } from './SettingsScreen.js';
import { SETTINGS } from './testFixtures.js';

const MODELS: ModelListing[] = [
  { id: 'all-minilm-l6-v2', name: 'MiniLM-L6', license: 'Apache-2.0', dims: 384, pooling: 'mean', default: true, inCatalog: true, pullable: true, installed: true, downloadBytes: 90e6, installedBytes: 91e6, partial: false, dir: '/m/a' },
  { id: 'bge-small-en-v1.5', name: 'BGE small', license: 'MIT', dims: 384, pooling: 'cls', default: false, inCatalog: true, pullable: true, installed: false, downloadBytes: 130 * 1024 * 1024, installedBytes: null, partial: false, dir: '/m/b' },
  { id: 'diver-retriever-0.6b', name: 'DIVER', license: 'Apache-2.0', dims: 1024, pooling: 'last', default: false, inCatalog: true, pullable: false, installed: false, downloadBytes: null, installedBytes: null, partial: false, dir: '/m/c', conversion: 'no ONNX export yet; convert with optimum and import the folder' },
] as ModelListing[];

function install(over: Record<string, (...a: never[]) => unknown> = {}) {
  let stored: Settings = SETTINGS;
  const models = MODELS.map((m) => ({ ...m }));
  const f = fakeApi({
    getSettings: async () => stored,
    setSettings: async (p: SettingsPatch) => { stored = mergeSettings(stored, p); return stored; },
    models: async () => models,
    backups: async () => [],
    embeddingStatus: async () => ({ model: 'all-minilm-l6-v2', dir: '/m/a', dims: 384, fingerprint: 'f', requested: 'auto', provider: 'cpu', fallbackReason: 'CUDA is not available', vectors: 90, texts: 100, complete: false, lastJob: { provider: 'cpu', chunksPerSec: 412.3, at: 1 }, denseSearch: { method: 'memory', workers: 1, megabytes: 0, reason: null } }),
    ...over,
  });
  window.delve = f.api;
  return Object.assign(f, { models });
}

afterEach(() => { delete document.documentElement.dataset.theme; });

describe('SettingsScreen', () => {
  it('loads, applies the theme, and saves only the changed fields', async () => {
    const f = install({ getSettings: async () => ({ ...SETTINGS, theme: 'dark' }) });
    render(<SettingsScreen />);
    const host = await screen.findByLabelText('Ollama host') as HTMLInputElement;
    expect(host.value).toBe('http://127.0.0.1:11434');
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);
    for (const h of ['Ollama (local LLM)', 'Embedding model', 'Chunking', 'PubMed', 'Appearance']) expect(screen.getByRole('heading', { name: h })).toBeTruthy();

    fireEvent.change(screen.getByLabelText('NCBI API key'), { target: { value: 'abc123' } });
    expect((screen.getByLabelText('NCBI API key') as HTMLInputElement).type).toBe('password');
    fireEvent.click(screen.getByRole('button', { name: 'Show key' }));
    expect((screen.getByLabelText('NCBI API key') as HTMLInputElement).type).toBe('text');
    fireEvent.change(screen.getByLabelText('Chunk size (characters)'), { target: { value: '800' } });
    fireEvent.click(screen.getByLabelText('Light'));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved');
    expect(f.calls.find((c) => c.name === 'setSettings')?.args).toEqual([{ chunking: { size: 800 }, pubmed: { apiKey: 'abc123' }, theme: 'light' }]);
    expect(document.documentElement.dataset.theme).toBe('light');
    expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows BAD_ARGUMENT errors under their fields, and local checks block saving', async () => {
    install({ setSettings: async () => { throw Object.assign(new Error('argument 0.pubmed.email: Invalid email address'), { code: 'BAD_ARGUMENT' }); } });
    render(<SettingsScreen />);
    fireEvent.change(await screen.findByLabelText('Email'), { target: { value: 'not-an-email' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const email = screen.getByLabelText('Email');
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(email.getAttribute('aria-describedby')!)!.textContent).toBe('Invalid email address');
    fireEvent.change(email, { target: { value: 'me@example.org' } });
    expect(email.getAttribute('aria-invalid')).toBe('false');

    fireEvent.change(screen.getByLabelText('Overlap (characters)'), { target: { value: '5000' } });
    expect(screen.getByText('A whole number from 0 to 2000.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('checks Ollama and pulls a missing model with progress', async () => {
    const health: LlmHealth = { host: 'http://127.0.0.1:11434', ok: false, version: '0.6.2', installed: ['qwen3:4b'], missing: ['qwen3:8b'], status: { code: 'MODEL_MISSING', message: 'Ollama lacks qwen3:8b', hint: 'ollama pull qwen3:8b' } };
    const f = install({ llmHealth: async () => health, llmPull: async () => true });
    render(<SettingsScreen />);
    fireEvent.click(await screen.findByRole('button', { name: 'Check connection' }));
    const panel = await screen.findByLabelText('Ollama health');
    expect(panel.textContent).toContain('Ollama 0.6.2');
    expect(panel.textContent).toContain('Installed: qwen3:4b');
    expect(panel.textContent).toContain('MODEL_MISSING');
    fireEvent.click(within(panel).getByRole('button', { name: 'Pull qwen3:8b' }));
    await waitFor(() => expect(f.calls.find((c) => c.name === 'llmPull')?.args).toEqual(['qwen3:8b']));
    act(() => f.emit('llm:pull', { model: 'qwen3:8b', status: 'downloading', completed: 512 * 1024 * 1024, total: 1024 * 1024 * 1024, done: false }));
    expect(within(panel).getByRole('status').textContent).toContain('downloading · 512 MB of 1.0 GB (50%)');
    expect((within(panel).getByRole('button', { name: 'Pull qwen3:8b' }) as HTMLButtonElement).disabled).toBe(true);
    health.installed = ['qwen3:4b', 'qwen3:8b']; health.missing = []; health.status = null; health.ok = true;
    act(() => f.emit('llm:pull', { model: 'qwen3:8b', status: 'success', completed: 1, total: 1, done: true }));
    await waitFor(() => expect(screen.getByLabelText('Ollama health').textContent).toContain('Installed: qwen3:4b, qwen3:8b'));
    expect(f.calls.filter((c) => c.name === 'llmHealth').length).toBe(2);
  });

  it('lists embedding models, downloads one with progress, and chooses it', async () => {
    let finish!: () => void;
    const f = install({ modelPull: () => new Promise((r) => { finish = () => r({ id: 'bge-small-en-v1.5', dir: '/m/b' }); }) });
    render(<SettingsScreen />);
    const list = await screen.findByRole('list', { name: 'Embedding models' });
    expect((within(list).getByLabelText('Use MiniLM-L6') as HTMLInputElement).checked).toBe(true);
    expect((within(list).getByLabelText('Use BGE small') as HTMLInputElement).disabled).toBe(true);
    const advanced = screen.getByRole('list', { name: 'Models to import' });
    expect(advanced.textContent).toContain('No verified download: get its folder elsewhere, then use “Import model folder…”.');
    expect(advanced.textContent).toContain('no ONNX export yet; convert with optimum');
    expect(list.textContent).not.toContain('DIVER');
    expect(screen.getByRole('button', { name: 'Import model folder…' })).toBeTruthy();
    expect(screen.getByLabelText('Embedding in use').textContent).toMatch(/all-minilm-l6-v2 on CPU · 412 chunks\/s · 90\/100 chunks embedded \(incomplete/);
    expect(screen.getByText('CUDA is not available')).toBeTruthy();
    expect(screen.getByLabelText('Embedding in use').textContent).toMatch(/Dense search: exact, in memory on 1 thread/);

    fireEvent.click(within(list).getByRole('button', { name: 'Download BGE small' }));
    await waitFor(() => expect(f.calls.some((c) => c.name === 'modelPull')).toBe(true));
    act(() => f.emit('model:progress', { id: 'bge-small-en-v1.5', received: 13 * 1024 * 1024, total: 130 * 1024 * 1024, done: false }));
    expect(within(list).getByRole('status').textContent).toBe('Downloading 13.0 MB of 130 MB (10%)');
    act(() => f.emit('model:progress', { id: 'bge-small-en-v1.5', received: 13 * 1024 * 1024, total: 130 * 1024 * 1024, done: false, retry: { file: 'model.onnx', attempt: 3, attempts: 6, delayMs: 4000, error: 'connect ECONNREFUSED' } }));
    expect(within(list).getByRole('status').textContent).toBe('Cannot reach the model hub. Retrying in 4 s (attempt 3 of 6)…');
    f.models[1] = { ...f.models[1]!, installed: true, installedBytes: 130e6 };
    await act(async () => finish());
    const radio = await within(list).findByLabelText('Use BGE small') as HTMLInputElement;
    await waitFor(() => expect(radio.disabled).toBe(false));
    fireEvent.click(radio);
    fireEvent.change(screen.getByLabelText('Execution provider'), { target: { value: 'cuda' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved');
    expect(f.calls.find((c) => c.name === 'setSettings')?.args).toEqual([{ embeddingModel: 'bge-small-en-v1.5', provider: 'cuda' }]);
  });

  it('says when the settings cannot be loaded', async () => {
    window.delve = fakeApi({}).api;
    render(<SettingsScreen />);
    expect((await screen.findByRole('alert')).textContent).toContain('INTERNAL');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
