/**
 * The window's one appStatus read: the status bar, a screen using useAppStatus and the engine-problem
 * banner mounted together read it once per poll (not once each), and nothing reads it once all are gone.
 */
import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppStatus } from '../api.js';
import { fakeApi } from '../test/fakeApi.js';
import { STATUS_POLL_MS } from './appStatusStore.js';
import { EngineProblem } from './EngineProblem.js';
import { StatusBar } from './StatusBar.js';
import { useAppStatus } from './useAppStatus.js';

const ok: AppStatus = {
  documents: 3, chunks: 30, dbBytes: 1000, kinds: {}, ocrPages: 0, embedding: null,
  ollama: { host: 'http://127.0.0.1:11434', ok: false, message: null }, indexing: false,
};

function Documents() {
  const { status } = useAppStatus();
  return <p>{status ? `${status.documents} in the library` : 'reading'}</p>;
}

afterEach(() => { vi.useRealTimers(); });

describe('appStatusStore', () => {
  it('one read per poll for every component of the window, none after they are gone', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    const f = fakeApi({ appStatus: async () => ok, getSettings: async () => ({ theme: 'light' }) });
    window.delve = f.api;
    const reads = () => f.calls.filter((c) => c.name === 'appStatus').length;
    const { unmount } = render(<><EngineProblem /><StatusBar /><Documents /></>);
    await act(async () => { await vi.advanceTimersByTimeAsync(0); });
    expect(screen.getByText('3 in the library')).toBeTruthy();
    expect(reads()).toBe(1);
    await act(async () => { await vi.advanceTimersByTimeAsync(STATUS_POLL_MS); });
    expect(reads()).toBe(2);
    await act(async () => { await vi.advanceTimersByTimeAsync(2 * STATUS_POLL_MS); });
    expect(reads()).toBe(4);
    unmount();
    await act(async () => { await vi.advanceTimersByTimeAsync(3 * STATUS_POLL_MS); });
    expect(reads()).toBe(4);
  });
});
