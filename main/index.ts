/**
 * Electron main process (ESM): one instance, one hardened window, the engine in a utility process,
 * IPC commands from preload/contract.ts. Paths are resolved from the app root (app.getAppPath():
 * the project in development, app.asar when packaged).
 */
import { app, BrowserWindow, dialog, shell } from 'electron';
import { join } from 'node:path';
import { EVENT_CHANNELS, type EventName, type Events } from '../preload/contract.js';
import { registerAppScheme, serveApp } from './host/app-protocol.js';
import { EngineProcess } from './host/engine-process.js';
import { createMainWindow } from './host/main-window.js';
import { nativeBindingPath } from './host/native-binding.js';
import { hardenApp } from './host/security.js';
import { registerCommands } from './ipc/commands.js';

// One profile folder in development and packaged (the package name is "delve", the product "Delve");
// DELVE_USER_DATA points a run elsewhere (test/electron/launch.test.ts uses a temp folder).
app.setPath('userData', process.env.DELVE_USER_DATA || join(app.getPath('appData'), 'Delve'));
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  let win: BrowserWindow | null = null;

  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });

  const root = app.getAppPath();
  const engine = new EngineProcess({
    modulePath: join(root, 'dist', 'main', 'host', 'engine-server.js'),
    config: {
      dataDir: app.getPath('userData'),
      dbPath: join(app.getPath('userData'), 'delve.db'),
      catalogDir: app.isPackaged ? join(process.resourcesPath, 'models') : join(root, 'models'),
      nativeBinding: nativeBindingPath({ appPath: root, electronVersion: process.versions.electron, platform: process.platform, arch: process.arch }),
    },
    onEvent: <E extends EventName>(event: { name: E; payload: Events[E] }) => {
      const channel = EVENT_CHANNELS[event.name];
      if (channel !== undefined) win?.webContents.send(channel, event.payload);
    },
  });

  registerCommands({
    engine,
    pickFolders: async () => {
      const options: Electron.OpenDialogOptions = { title: 'Add folders to Delve', properties: ['openDirectory', 'multiSelections'] };
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? [] : result.filePaths;
    },
    pickReferenceFile: async () => {
      const options: Electron.OpenDialogOptions = {
        title: 'Import references', properties: ['openFile'],
        filters: [{ name: 'BibTeX or RIS', extensions: ['bib', 'bibtex', 'ris'] }],
      };
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : result.filePaths[0] ?? null;
    },
    pickModelFolder: async () => {
      const options: Electron.OpenDialogOptions = { title: 'Import a model folder (ONNX file, tokenizer.json, config.json)', properties: ['openDirectory'] };
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : result.filePaths[0] ?? null;
    },
    pickSavePath: async (defaultName) => {
      const options: Electron.SaveDialogOptions = { title: 'Export collection', defaultPath: join(app.getPath('documents'), defaultName) };
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    mcpSetup: () => ({ cli: app.isPackaged ? null : join(root, 'bin', 'delve.js'), dbPath: join(app.getPath('userData'), 'delve.db') }),
    openExternal: (url) => shell.openExternal(url),
  });

  const openWindow = () => {
    win = createMainWindow({ preload: join(root, 'dist', 'preload', 'index.cjs'), userData: app.getPath('userData') });
    win.on('closed', () => {
      win = null;
    });
  };

  void app.whenReady().then(() => {
    hardenApp();
    serveApp(join(root, 'renderer', 'dist'));
    openWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Let the engine close its database before the process ends.
  let stopped = false;
  app.on('before-quit', (event) => {
    if (stopped) return;
    event.preventDefault();
    void engine.stop().finally(() => {
      stopped = true;
      app.quit();
    });
  });
}
