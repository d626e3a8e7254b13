/**
 * Settings → Your data and backups against a scripted bridge: the list, back up, export, restore with its
 * confirmation, errors; the list read again when the engine announces a backup and when the window comes
 * back, one read at a time.
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ListedBackup, RestoreReport } from '../api.js';
import { fakeApi } from '../test/fakeApi.js';
import { FIRST_SHOWN } from './BackupList.js';
import { BackupsSection } from './BackupsSection.js';

const at = (h: number) => new Date(2026, 11, 7, h, 30, 5).getTime();
const AUTO: ListedBackup = {
  file: '/data/backups/delve-auto-2026-12-07T15-30-05-000Z.json', kind: 'user-data', label: 'auto', bytes: 3 * 1024, createdAt: at(15),
  holds: { collections: 2, evidence: 14, notes: 3, corrections: 1 },
};
const PRE: ListedBackup = {
  file: '/data/backups/delve-pre-migration-2026-12-07T09-30-05-000Z.db', kind: 'full', label: 'pre-migration', bytes: 5 * 1024 * 1024, createdAt: at(9), holds: null,
};
const MERGED: RestoreReport = {
  file: AUTO.file, kind: 'user-data', replaced: null, settings: null,
  collections: { added: 1, merged: 1 }, evidence: { added: 5, kept: 9 }, corrections: { added: 0, kept: 1, pending: 0 }, roots: { added: 0 }, history: { added: 0 },
};

function install(over: Parameters<typeof fakeApi>[0] = {}) {
  const list = [AUTO, PRE];
  const f = fakeApi({ backups: async () => list, ...over });
  window.delve = f.api;
  const { unmount } = render(<BackupsSection />);
  return Object.assign(f, { list, unmount, count: (name: string) => f.calls.filter((c) => c.name === name).length });
}

describe('BackupsSection', () => {
  it('lists each backup: what it is, when, its size and what it holds', async () => {
    install();
    const items = within(await screen.findByRole('list', { name: 'Backups' })).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]!.textContent).toContain('Automatic snapshot of your work');
    expect(items[0]!.textContent).toContain('your work only');
    expect(items[0]!.textContent).toContain('2026-12-07 15:30:05 · 3.0 KB');
    expect(within(items[0]!).getByText('2 collections · 14 pieces of evidence · 3 notes · 1 correction')).toBeTruthy();
    expect(items[1]!.textContent).toContain('What it holds is not known (an older copy, or a file that cannot be read).');
    expect(items[1]!.textContent).toContain('Copy before a database upgrade');
    expect(items[1]!.textContent).toContain('whole library');
    expect(items[1]!.textContent).toContain('5.0 MB');
  });

  it('"Back up now" makes a full copy, says where, and lists it', async () => {
    const made: ListedBackup = { ...PRE, file: '/data/backups/delve-manual-2026-12-07T16-00-00-000Z.db', label: 'manual', createdAt: at(16), bytes: 2 * 1024 * 1024 };
    const f = install({ backup: async () => { f.list.unshift(made); return made; } });
    await screen.findByRole('list', { name: 'Backups' });
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Back up now' })); });
    expect(f.calls.find((c) => c.name === 'backup')?.args).toEqual([]);
    expect((await screen.findByRole('status')).textContent).toBe('Backed up the whole library to delve-manual-2026-12-07T16-00-00-000Z.db (2.0 MB).');
    await waitFor(() => expect(within(screen.getByRole('list', { name: 'Backups' })).getAllByRole('listitem')[0]!.textContent).toContain('Backup made by you'));
  });

  it('"Export my work…" saves through the dialog, and a cancelled dialog says nothing', async () => {
    let answer: string | null = '/home/me/delve-my-work-2026-12-07.json';
    install({ saveUserData: async () => answer });
    await screen.findByRole('list', { name: 'Backups' });
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Export my work…' })); });
    expect((await screen.findByRole('status')).textContent).toBe('Your work was exported to /home/me/delve-my-work-2026-12-07.json.');
    answer = null;
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Export my work…' })); });
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('Restore… says what restoring does, and only "Restore this backup" restores; the report follows', async () => {
    const f = install({ restoreBackup: async () => MERGED });
    await screen.findByRole('list', { name: 'Backups' });
    fireEvent.click(screen.getByRole('button', { name: 'Restore the automatic snapshot of your work of 2026-12-07 15:30:05' }));
    const ask = screen.getByRole('group', { name: 'Restore the backup of 2026-12-07 15:30:05?' });
    expect(ask.textContent).toContain('Nothing is removed or overwritten');
    expect(ask.textContent).toContain('the work you did after this backup is kept');
    fireEvent.click(within(ask).getByRole('button', { name: 'Cancel' }));
    expect(f.count('restoreBackup')).toBe(0);
    fireEvent.click(screen.getByRole('button', { name: 'Restore the automatic snapshot of your work of 2026-12-07 15:30:05' }));
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Restore this backup' })); });
    expect(f.calls.find((c) => c.name === 'restoreBackup')?.args).toEqual([AUTO.file]);
    expect((await screen.findByRole('status')).textContent).toBe('1 collection added (1 already there), 5 pieces of evidence added (9 already there), 0 corrections added, 0 folders added.');
    await waitFor(() => expect(f.count('backups')).toBe(2));
  });

  it('shows the bridge\'s error as its code and message', async () => {
    install({ backup: async () => { throw Object.assign(new Error('/data/backups/x.db: no space left on device'), { code: 'DISK_FULL' }); } });
    await screen.findByRole('list', { name: 'Backups' });
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Back up now' })); });
    expect((await screen.findByRole('alert')).textContent).toBe('Could not back up (DISK_FULL: /data/backups/x.db: no space left on device)');
  });

  it('no backups yet, a list that cannot be read, and a long list shown the newest first', async () => {
    const { unmount } = install({ backups: async () => [] });
    await screen.findByText(/No backups yet/);
    unmount();
    let fail = true;
    const f = install({ backups: async () => { if (fail) throw Object.assign(new Error('EACCES: permission denied'), { code: 'FILE_UNREADABLE' }); return many; } });
    const many = Array.from({ length: FIRST_SHOWN + 3 }, (_, i) => ({ ...AUTO, file: `/data/backups/${i}.json`, createdAt: at(1) + i * 60_000 }));
    expect((await screen.findByRole('alert')).textContent).toContain('Could not list the backups (FILE_UNREADABLE: EACCES: permission denied)');
    fail = false;
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Try again' })); });
    expect(within(await screen.findByRole('list', { name: 'Backups' })).getAllByRole('listitem')).toHaveLength(FIRST_SHOWN);
    fireEvent.click(screen.getByRole('button', { name: `Show all ${many.length} backups` }));
    expect(within(screen.getByRole('list', { name: 'Backups' })).getAllByRole('listitem')).toHaveLength(many.length);
    expect(f.count('backups')).toBe(2);
  });

  describe('while the section is open', () => {
    const SNAP: ListedBackup = { ...AUTO, file: '/data/backups/delve-auto-2026-12-07T16-10-00-000Z.json', createdAt: at(16), holds: { collections: 3, evidence: 14, notes: 3, corrections: 1 } };
    const CLI: ListedBackup = { ...PRE, file: '/data/backups/delve-manual-2026-12-07T17-00-00-000Z.db', label: 'manual', createdAt: at(17) };
    const items = () => within(screen.getByRole('list', { name: 'Backups' })).getAllByRole('listitem');
    let visibility: DocumentVisibilityState = 'visible';
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
    afterEach(() => { visibility = 'visible'; });
    /** The bridge answers a new array for each read, as the real one does. */
    const live = () => {
      const list = [AUTO, PRE];
      return Object.assign(install({ backups: async () => [...list] }), { list });
    };

    it('reads the list again when the engine announces a backup written or removed', async () => {
      const f = live();
      await screen.findByRole('list', { name: 'Backups' });
      f.list.unshift(SNAP);
      act(() => f.emit('backups:changed', { file: SNAP.file, change: 'written' }));
      await waitFor(() => expect(items()[0]!.textContent).toContain('3 collections'));
      expect(items()).toHaveLength(3);
      f.list.splice(2, 1);
      act(() => f.emit('backups:changed', { file: PRE.file, change: 'removed' }));
      await waitFor(() => expect(items()).toHaveLength(2));
      expect(f.count('backups')).toBe(3);
    });

    it('reads it again when the window regains focus or comes back into view (a `delve backup` in a terminal)', async () => {
      const f = live();
      await screen.findByRole('list', { name: 'Backups' });
      f.list.unshift(CLI);
      act(() => { window.dispatchEvent(new Event('focus')); });
      await waitFor(() => expect(items()[0]!.textContent).toContain('Backup made by you'));
      expect(f.count('backups')).toBe(2);
      visibility = 'hidden';
      act(() => { document.dispatchEvent(new Event('visibilitychange')); });
      expect(f.count('backups')).toBe(2);
      f.list.unshift(SNAP);
      visibility = 'visible';
      act(() => { document.dispatchEvent(new Event('visibilitychange')); });
      await waitFor(() => expect(items()).toHaveLength(4));
      expect(f.count('backups')).toBe(3);
    });

    it('one read at a time: announcements during a read make one more read after it, and none after unmount', async () => {
      const pending: (() => void)[] = [];
      const list = [AUTO, PRE];
      const f = install({ backups: () => new Promise<ListedBackup[]>((ok) => pending.push(() => ok([...list]))) });
      expect(f.count('backups')).toBe(1);
      act(() => {
        f.emit('backups:changed', { file: SNAP.file, change: 'written' });
        window.dispatchEvent(new Event('focus'));
        f.emit('backups:changed', { file: AUTO.file, change: 'removed' });
      });
      expect(f.count('backups')).toBe(1);
      list.unshift(SNAP);
      await act(async () => { pending.shift()!(); });
      await waitFor(() => expect(f.count('backups')).toBe(2));
      await act(async () => { pending.shift()!(); });
      await waitFor(() => expect(items()).toHaveLength(3));
      expect(f.count('backups')).toBe(2);
      f.unmount();
      act(() => { f.emit('backups:changed', { file: SNAP.file, change: 'written' }); window.dispatchEvent(new Event('focus')); });
      expect(f.count('backups')).toBe(2);
    });
  });
});
