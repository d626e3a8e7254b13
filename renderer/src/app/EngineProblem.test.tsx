/**
 * The engine-start banner: shown with advice the user can act on, retried, gone once the engine answers;
 * a busy library names its holder and is checked again by itself; a damaged one is restored from a backup.
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppStatus, ListedBackup, RestoreReport } from '../api.js';
import { fakeApi } from '../test/fakeApi.js';
import { EngineProblem } from './EngineProblem.js';
import { BUSY_RETRY_MS, busyHolder, engineProblem } from './engineProblem.js';

const ok: AppStatus = {
  documents: 0, chunks: 0, dbBytes: 0, kinds: {}, ocrPages: 0, embedding: null,
  ollama: { host: 'http://127.0.0.1:11434', ok: false, message: null }, indexing: false,
};
const fail = (code: string, message: string) => Object.assign(new Error(message), { code });

const HELD = 'another Delve process is indexing this library (pid 4242, started 2026-12-07T15:30:00.000Z); wait for it to finish (or stop it) and try again';
const FULL: ListedBackup = { file: '/data/backups/delve-manual-2026-12-07T09-00-00-000Z.db', kind: 'full', label: 'manual', bytes: 4096, createdAt: new Date(2026, 11, 7, 9, 0).getTime(), holds: { collections: 2, evidence: 5, notes: 1, corrections: 0 } };
const SNAP: ListedBackup = { ...FULL, file: '/data/backups/delve-auto-2026-12-07T10-00-00-000Z.json', kind: 'user-data', label: 'auto', createdAt: FULL.createdAt + 3600_000 };

afterEach(() => { vi.useRealTimers(); });

describe('EngineProblem', () => {
  it('a locked database: says who holds it, then clears after "Try again now" once it is free', async () => {
    let locked = true;
    const f = fakeApi({ appStatus: async () => { if (locked) throw fail('DB_BUSY', HELD); return ok; } });
    window.delve = f.api;
    render(<EngineProblem />);
    const alert = await screen.findByRole('alert', { name: 'The library database is in use by another program' });
    expect(alert.textContent).toContain('let it finish or stop it');
    expect(alert.textContent).toContain('Held by: another Delve process (pid 4242), indexing since ');
    expect(alert.textContent).toContain(`DB_BUSY ${HELD}`);
    locked = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again now' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(f.calls.filter((c) => c.name === 'appStatus')).toHaveLength(2);
  });

  it('a locked database is checked again by itself every few seconds, and the banner goes once it is free', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    let locked = true;
    const f = fakeApi({ appStatus: async () => { if (locked) throw fail('DB_BUSY', 'the database is locked by another process'); return ok; } });
    window.delve = f.api;
    render(<EngineProblem />);
    await act(async () => { await vi.advanceTimersByTimeAsync(0); });
    expect(screen.getByRole('alert').textContent).not.toContain('Held by');
    await act(async () => { await vi.advanceTimersByTimeAsync(BUSY_RETRY_MS); });
    expect(f.calls.filter((c) => c.name === 'appStatus')).toHaveLength(2);
    expect(screen.getByRole('alert')).toBeTruthy();
    locked = false;
    await act(async () => { await vi.advanceTimersByTimeAsync(BUSY_RETRY_MS); });
    expect(f.calls.filter((c) => c.name === 'appStatus')).toHaveLength(3);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('a damaged library: offers the newest whole copy, says what restoring does, restores, and reports it', async () => {
    let damaged = true;
    const report: RestoreReport = {
      file: FULL.file, kind: 'full', replaced: { damaged: '/data/delve.db.damaged-2026-12-07T11-00-00-000Z', snapshot: SNAP.file }, settings: null,
      collections: { added: 0, merged: 2 }, evidence: { added: 1, kept: 5 }, corrections: { added: 0, kept: 0, pending: 0 }, roots: { added: 0 }, history: { added: 0 },
    };
    const f = fakeApi({
      appStatus: async () => { if (damaged) throw fail('DB_CORRUPT', '/data/delve.db: the library database is damaged (database disk image is malformed). Way out: restore the newest backup'); return ok; },
      backups: async () => [SNAP, FULL],
      restoreBackup: async () => { damaged = false; return report; },
    });
    window.delve = f.api;
    render(<EngineProblem />);
    const alert = await screen.findByRole('alert', { name: 'The library database is damaged' });
    expect(alert.textContent).toContain('restore from one below');
    expect((await within(alert).findByText(/Backup to restore from:/)).parentElement!.textContent)
      .toBe('Backup to restore from: backup made by you of 2026-12-07 09:00 (whole library), holding 2 collections · 5 pieces of evidence · 1 note · 0 corrections.');
    fireEvent.click(screen.getByRole('button', { name: 'Restore from this backup…' }));
    const ask = screen.getByRole('group', { name: 'Restore the library from this backup?' });
    expect(ask.textContent).toContain('The damaged file is moved aside');
    expect(ask.textContent).toContain('the newest automatic snapshot of your work is then merged in');
    expect(f.calls.some((c) => c.name === 'restoreBackup')).toBe(false);
    await act(async () => { fireEvent.click(within(ask).getByRole('button', { name: 'Restore the library' })); });
    expect(f.calls.find((c) => c.name === 'restoreBackup')?.args).toEqual([FULL.file]);
    const done = await screen.findByRole('status', { name: 'The library was restored' });
    expect(done.textContent).toContain('The damaged library was moved to delve.db.damaged-2026-12-07T11-00-00-000Z.');
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(within(done).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('a damaged library whose restore fails says why, and one without backups says so', async () => {
    const corrupt = async () => { throw fail('DB_CORRUPT', 'damaged'); };
    window.delve = fakeApi({ appStatus: corrupt, backups: async () => [SNAP], restoreBackup: async () => { throw fail('DISK_FULL', 'no space left on device'); } }).api;
    const { unmount } = render(<EngineProblem />);
    fireEvent.click(await screen.findByRole('button', { name: 'Restore from this backup…' }));
    expect(screen.getByRole('group').textContent).toContain('holds your work only: index your folders again afterwards');
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Restore the library' })); });
    expect(await screen.findByText('Could not restore the backup (DISK_FULL: no space left on device)')).toBeTruthy();
    unmount();
    window.delve = fakeApi({ appStatus: corrupt, backups: async () => [] }).api;
    render(<EngineProblem />);
    expect(await screen.findByText('There are no backups of this library.')).toBeTruthy();
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
    expect(busyHolder(HELD)).toEqual({ job: 'indexing', who: 'pid 4242', since: Date.UTC(2026, 11, 7, 15, 30) });
    expect(busyHolder('another Delve process is restoring this library (pid 7 on lab-pc, started 2026-12-07T15:30:00.000Z); wait')?.who).toBe('pid 7 on lab-pc');
    expect(busyHolder('the database is locked by another process')).toBeNull();
    expect(engineProblem({ code: 'DISK_FULL', message: 'full' })?.title).toBe('The disk is full');
    expect(engineProblem({ code: 'INTERNAL', message: 'x' })).toBeNull();
    expect(engineProblem({ code: 'BAD_ARGUMENT', message: 'x' })).toBeNull();
  });
});
