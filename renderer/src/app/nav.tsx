/**
 * Which screen is showing, and the document viewer's target. Screens stay mounted (hidden when
 * inactive) so a search or a PubMed draft survives a visit to another screen.
 */
import { createContext, useContext } from 'react';

export type Screen = 'library' | 'search' | 'review' | 'pubmed' | 'trials' | 'settings';

export interface ViewerTarget {
  docId: number;
  /** 1-based page to open at (PDFs); null for the start. */
  page: number | null;
  /** Text to highlight on that page (the evidence quote). */
  highlight?: string;
  /** Where the passage is inside a DOCX, web page or EPUB: its paragraph ordinal (and chapter), and its heading path. */
  locator?: Record<string, string | number>;
  headingPath?: string[];
  /** The search that led here: n/p step through its words' matches. */
  query?: string;
}

/** Settings sections a link can open (the section's heading id is `settings-<section>`). */
export type SettingsSection = 'ollama' | 'embedding' | 'backups';

export interface Nav {
  screen: Screen;
  go(screen: Screen): void;
  /** Opens Settings scrolled to one section, its heading focused. */
  openSettings?(section: SettingsSection): void;
  /** Opens the document viewer over the current screen. */
  openDocument(target: ViewerTarget): void;
  closeDocument(): void;
  viewer: ViewerTarget | null;
}

export const NavContext = createContext<Nav>({
  screen: 'search',
  go: () => undefined,
  openSettings: () => undefined,
  openDocument: () => undefined,
  closeDocument: () => undefined,
  viewer: null,
});

export const useNav = (): Nav => useContext(NavContext);

/** Fired on window by Ctrl/Cmd+K: the search screen focuses its box. */
export const FOCUS_SEARCH_EVENT = 'delve:focus-search';

/** Fired on window after a backup was restored: the status (and what reads it) is read again. */
export const LIBRARY_RESTORED_EVENT = 'delve:library-restored';

/** Fired on window to ask the Library screen to open its folder picker (the first-run checklist's "Add folder"). */
export const ADD_FOLDER_EVENT = 'delve:add-folder';

/** Scrolls to a Settings section's heading and focuses it, once it is rendered (up to ~2 s of frames). */
export function focusSettingsSection(section: SettingsSection, tries = 120): void {
  const el = document.getElementById(`settings-${section}`);
  if (el) {
    if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
    el.scrollIntoView?.({ block: 'start' });
    el.focus();
    return;
  }
  if (tries > 0) requestAnimationFrame(() => focusSettingsSection(section, tries - 1));
}
