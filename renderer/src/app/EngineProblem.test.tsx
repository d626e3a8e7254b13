/** The engine-start banner: shown with advice the user can act on, retried, gone once the engine answers. */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AppStatus } from '../api.js';
import { fakeApi } from '../test/fakeApi.js';
import { EngineProblem } from './EngineProblem.js';
import { engineProblem } from './engineProblem.js';

const ok: AppStatus = {
  documents: 0, chunks: 0, dbBytes: 0, kinds: {}, ocrPages: 0, embedding: null,
  ollama: { host: 'http://127.0.0.1:11434', ok: false, message: null }, indexing: false,
};
const fail = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('EngineProblem', () => {
  it('a locked database: says another program holds it, then clears after "Try again" once it is free', async () => {
    let locked = true;
    const f = fakeApi({ appStatus: async () => { if (locked) throw fail('DB_BUSY', 'the database is locked by another process'); return ok; } });
    window.delve = f.api;
    render(<EngineProblem />);
    const alert = await screen.findByRole('alert', { name: 'The library database is in use by another program' });
    expect(alert.textContent).toContain('Close it or let it finish, then try again.');
    expect(alert.textContent).toContain('DB_BUSY the database is locked by another process');
    locked = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(f.calls.filter((c) => c.name === 'appStatus')).toHaveLength(2);
  });

  it('a missing native binding: names the command that builds it', async () => {
    const message = 'better-sqlite3 has no Electron build at /app/native/electron-40.8.5-linux-x64/better_sqlite3.node; run "npm run rebuild:electron" (needs network) and restart Delve';
    window.delve = fakeApi({ appStatus: async () => { throw fail('DB_OPEN_FAILED', message); } }).api;
    render(<EngineProblem />);
    const alert = await screen.findByRole('alert', { name: 'Delve’s database library is missing' });
    expect(alert.textContent).toContain('npm run rebuild:electron');
    expect(alert.textContent).toContain(message);
  });

  it('an engine that did not start, and a healthy one (no banner)', async () => {
    window.delve = fakeApi({ appStatus: async () => { throw fail('ENGINE_UNAVAILABLE', 'the engine process failed to start (exit code 1)'); } }).api;
    const { unmount } = render(<EngineProblem />);
    expect((await screen.findByRole('alert')).textContent).toContain('Delve’s engine did not start');
    unmount();
    const f = fakeApi({ appStatus: async () => ok });
    window.delve = f.api;
    render(<EngineProblem />);
    await waitFor(() => expect(f.calls).toHaveLength(1));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('engineProblem', () => {
  it('maps startup codes to advice and leaves other errors to the screens', () => {
    expect(engineProblem({ code: 'DB_OPEN_FAILED', message: 'cannot open database /x/delve.db: The module was compiled against a different Node.js version using NODE_MODULE_VERSION 115' })?.title).toBe('Delve’s database library is missing');
    expect(engineProblem({ code: 'DB_OPEN_FAILED', message: 'cannot open database /x/delve.db: unable to open database file' })?.title).toBe('The library database cannot be opened');
    expect(engineProblem({ code: 'DB_CORRUPT', message: 'damaged' })?.advice).toContain('move delve.db out');
    expect(engineProblem({ code: 'DISK_FULL', message: 'full' })?.title).toBe('The disk is full');
    expect(engineProblem({ code: 'INTERNAL', message: 'x' })).toBeNull();
    expect(engineProblem({ code: 'BAD_ARGUMENT', message: 'x' })).toBeNull();
  });
});
