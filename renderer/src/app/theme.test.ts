/** applyTheme: explicit themes, 'system' following the OS preference, and the startup hook. */
import { renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi } from '../test/fakeApi.js';
import { applyTheme, useThemeFromSettings } from './theme.js';

type Listener = (e: MediaQueryListEvent) => void;

function fakeMatchMedia(dark: boolean) {
  const listeners = new Set<Listener>();
  const mq = {
    matches: dark,
    media: '(prefers-color-scheme: dark)',
    addEventListener: (_: string, l: Listener) => listeners.add(l),
    removeEventListener: (_: string, l: Listener) => listeners.delete(l),
  };
  window.matchMedia = (() => mq) as unknown as typeof window.matchMedia;
  return {
    listeners,
    flip(next: boolean) {
      mq.matches = next;
      for (const l of [...listeners]) l({ matches: next } as MediaQueryListEvent);
    },
  };
}

afterEach(() => {
  applyTheme('light');
  delete document.documentElement.dataset.theme;
});

describe('applyTheme', () => {
  it('sets light and dark explicitly', () => {
    expect(applyTheme('dark')).toBe('dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
    applyTheme('light');
    expect(document.documentElement.dataset.theme).toBe('light');
  });

  it('follows the system preference and its changes, until another theme is chosen', () => {
    const media = fakeMatchMedia(true);
    expect(applyTheme('system')).toBe('dark');
    media.flip(false);
    expect(document.documentElement.dataset.theme).toBe('light');
    media.flip(true);
    expect(document.documentElement.dataset.theme).toBe('dark');
    applyTheme('light');
    expect(media.listeners.size).toBe(0);
    media.flip(true);
    expect(document.documentElement.dataset.theme).toBe('light');
  });

  it('applies the saved theme at startup', async () => {
    const f = fakeApi({ getSettings: async () => ({ theme: 'dark' }) });
    window.delve = f.api;
    renderHook(() => useThemeFromSettings());
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
  });
});
