/**
 * The colour theme: `applyTheme` sets data-theme="light"|"dark" on <html> (the CSS variables in
 * styles.css follow it). 'system' follows the OS preference and keeps following its changes until
 * another theme is applied. `useThemeFromSettings` applies the saved theme once at startup.
 */
import { useEffect } from 'react';
import { api, unwrap, type Settings } from '../api.js';

export type Theme = Settings['theme'];

const DARK_QUERY = '(prefers-color-scheme: dark)';
let stopFollowing: (() => void) | null = null;

function systemQuery(): MediaQueryList | null {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(DARK_QUERY) : null;
}

/** Applies a theme now; returns the one in effect ('light' or 'dark'). */
export function applyTheme(theme: Theme): 'light' | 'dark' {
  stopFollowing?.();
  stopFollowing = null;
  const root = document.documentElement;
  if (theme !== 'system') {
    root.dataset.theme = theme;
    return theme;
  }
  const mq = systemQuery();
  const set = (dark: boolean) => { root.dataset.theme = dark ? 'dark' : 'light'; };
  set(mq?.matches ?? false);
  if (mq) {
    const onChange = (e: MediaQueryListEvent) => set(e.matches);
    mq.addEventListener('change', onChange);
    stopFollowing = () => mq.removeEventListener('change', onChange);
  }
  return root.dataset.theme === 'dark' ? 'dark' : 'light';
}

/** Loads the settings once and applies their theme (errors leave the default look). */
export function useThemeFromSettings(): void {
  useEffect(() => {
    let live = true;
    unwrap(api().getSettings())
      .then((s) => { if (live) applyTheme(s.theme); })
      .catch(() => undefined);
    return () => { live = false; };
  }, []);
}
