/**
 * The one app window: sandboxed renderer with the preload bridge, bounds restored from and saved
 * to userData (window-state.ts), shown once the first paint is ready, loaded from app://delve/.
 */
import { BrowserWindow, screen } from 'electron';
import { APP_INDEX_URL } from './app-url.js';
import { MIN_SIZE, loadWindowState, saveWindowState, type WindowState } from './window-state.js';

export interface MainWindowOptions {
  /** Absolute path of the bundled preload (dist/preload/index.cjs). */
  preload: string;
  userData: string;
}

export function createMainWindow(opts: MainWindowOptions): BrowserWindow {
  const workAreas = screen.getAllDisplays().map((d) => d.workArea);
  const state = loadWindowState(opts.userData, workAreas);
  const win = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'Delve',
    webPreferences: {
      preload: opts.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // Middle-click would otherwise ask for a new window (denied by the window-open handler anyway).
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
    },
  });
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());

  // Normal bounds even while maximized, so un-maximizing next run lands where the user left it.
  const current = (): WindowState => ({ ...win.getNormalBounds(), maximized: win.isMaximized() });
  let saveTimer: NodeJS.Timeout | undefined;
  const saveSoon = () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => saveWindowState(opts.userData, current()), 500);
  };
  win.on('resize', saveSoon);
  win.on('move', saveSoon);
  win.on('close', () => {
    clearTimeout(saveTimer);
    saveWindowState(opts.userData, current());
  });

  void win.loadURL(APP_INDEX_URL);
  return win;
}
