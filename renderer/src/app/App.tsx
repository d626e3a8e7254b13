/**
 * The app frame: navigation, the screens, the document viewer overlay, the status bar, a banner
 * when the engine cannot start (EngineProblem), and the global shortcut Ctrl/Cmd+K (go to Search
 * and focus its box).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { delve } from '../api.js';
import { LibraryScreen } from '../library/LibraryScreen.js';
import { PubmedScreen } from '../pubmed/PubmedScreen.js';
import { TrialsScreen } from '../trials/TrialsScreen.js';
import { ReviewScreen } from '../review/ReviewScreen.js';
import { SearchScreen } from '../search/SearchScreen.js';
import { SettingsScreen } from '../settings/SettingsScreen.js';
import { DocumentViewer } from '../viewer/DocumentViewer.js';
import { EngineProblem } from './EngineProblem.js';
import { FOCUS_SEARCH_EVENT, focusSettingsSection, NavContext, type Nav, type Screen, type SettingsSection, type ViewerTarget } from './nav.js';
import { StatusBar } from './StatusBar.js';

const SCREENS: { id: Screen; label: string }[] = [
  { id: 'search', label: 'Search' },
  { id: 'library', label: 'Library' },
  { id: 'review', label: 'Review' },
  { id: 'pubmed', label: 'PubMed' },
  { id: 'trials', label: 'Trials' },
  { id: 'settings', label: 'Settings' },
];

export function App() {
  const [screen, setScreen] = useState<Screen>('search');
  const [viewer, setViewer] = useState<ViewerTarget | null>(null);

  const go = useCallback((s: Screen) => {
    setViewer(null);
    setScreen(s);
  }, []);
  const openSettings = useCallback((section: SettingsSection) => {
    go('settings');
    setTimeout(() => focusSettingsSection(section), 0);
  }, [go]);
  const nav = useMemo<Nav>(() => ({
    screen, go, openSettings, viewer, openDocument: setViewer, closeDocument: () => setViewer(null),
  }), [screen, go, openSettings, viewer]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        go('search');
        setTimeout(() => window.dispatchEvent(new Event(FOCUS_SEARCH_EVENT)), 0);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go]);

  if (!delve) {
    return (
      <main className="app-missing">
        <h1>Delve</h1>
        <p className="error">The Delve bridge is missing: open this page from the Delve app.</p>
      </main>
    );
  }

  return (
    <NavContext.Provider value={nav}>
      <div className="app">
        <nav className="app-nav" aria-label="Screens">
          <span className="app-brand">Delve</span>
          {SCREENS.map((s) => (
            <button key={s.id} type="button" className="app-tab" aria-current={screen === s.id ? 'page' : undefined} onClick={() => go(s.id)}>
              {s.label}
            </button>
          ))}
        </nav>
        <main className="app-body">
          <EngineProblem />
          {/* Every screen has one <h1> (Library shows its own; the others' are for screen readers). */}
          <section className="app-screen" hidden={screen !== 'search'} aria-label="Search"><h1 className="visually-hidden">Search</h1><SearchScreen /></section>
          <section className="app-screen" hidden={screen !== 'library'} aria-label="Library"><LibraryScreen /></section>
          <section className="app-screen" hidden={screen !== 'review'} aria-label="Review"><h1 className="visually-hidden">Review</h1><ReviewScreen /></section>
          <section className="app-screen" hidden={screen !== 'pubmed'} aria-label="PubMed"><h1 className="visually-hidden">PubMed</h1><PubmedScreen /></section>
          <section className="app-screen" hidden={screen !== 'trials'} aria-label="Trials"><h1 className="visually-hidden">Trials</h1><TrialsScreen /></section>
          <section className="app-screen" hidden={screen !== 'settings'} aria-label="Settings"><h1 className="visually-hidden">Settings</h1><SettingsScreen /></section>
          {viewer && <DocumentViewer key={`${viewer.docId}:${viewer.page ?? ''}:${viewer.highlight ?? ''}`} target={viewer} onClose={() => setViewer(null)} />}
        </main>
        <StatusBar />
      </div>
    </NavContext.Provider>
  );
}
