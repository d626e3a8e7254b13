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
}

export interface Nav {
  screen: Screen;
  go(screen: Screen): void;
  /** Opens the document viewer over the current screen. */
  openDocument(target: ViewerTarget): void;
  closeDocument(): void;
  viewer: ViewerTarget | null;
}

export const NavContext = createContext<Nav>({
  screen: 'search',
  go: () => undefined,
  openDocument: () => undefined,
  closeDocument: () => undefined,
  viewer: null,
});

export const useNav = (): Nav => useContext(NavContext);

/** Fired on window by Ctrl/Cmd+K: the search screen focuses its box. */
export const FOCUS_SEARCH_EVENT = 'delve:focus-search';
