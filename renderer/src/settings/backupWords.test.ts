/** Backups in words: kinds, contents, what a restore did, and which backup a damaged library takes. */
import { describe, expect, it } from 'vitest';
import type { ListedBackup, RestoreReport } from '../api.js';
import { backupKind, backupScope, bestForDamaged, holdsWords, restoreWords } from './backupWords.js';

const backup = (over: Partial<ListedBackup>): ListedBackup =>
  ({ file: '/d/backups/delve-auto-2026-12-07T10-00-00-000Z.json', kind: 'user-data', label: 'auto', bytes: 2048, createdAt: 1, holds: null, ...over });

const report = (over: Partial<RestoreReport> = {}): RestoreReport => ({
  file: '/d/backups/x.json', kind: 'user-data', replaced: null, settings: null,
  collections: { added: 1, merged: 2 }, evidence: { added: 3, kept: 1 }, corrections: { added: 0, kept: 0, pending: 0 }, roots: { added: 1 }, history: { added: 4 },
  ...over,
});

describe('backupWords', () => {
  it('names each kind of backup by why it was made', () => {
    expect(backupKind({ kind: 'user-data', label: 'auto' })).toBe('Automatic snapshot of your work');
    expect(backupKind({ kind: 'full', label: 'pre-migration' })).toBe('Copy before a database upgrade');
    expect(backupKind({ kind: 'user-data', label: 'pre-restore' })).toBe('Snapshot taken before a restore');
    expect(backupKind({ kind: 'full', label: 'manual' })).toBe('Backup made by you');
    expect(backupKind({ kind: 'user-data', label: 'manual' })).toBe('Export of your work made by you');
    expect([backupScope({ kind: 'full' }), backupScope({ kind: 'user-data' })]).toEqual(['whole library', 'your work only']);
  });

  it('says what a backup holds, singular and plural, or nothing when it could not be read', () => {
    expect(holdsWords({ collections: 1, evidence: 1, notes: 0, corrections: 2 })).toBe('1 collection · 1 piece of evidence · 0 notes · 2 corrections');
    expect(holdsWords({ collections: 3, evidence: 1200, notes: 1, corrections: 1 })).toBe(`3 collections · ${(1200).toLocaleString()} pieces of evidence · 1 note · 1 correction`);
    expect(holdsWords(null)).toBeNull();
  });

  it('reports a merge, a replacement of a damaged library, and corrections still waiting for their documents', () => {
    expect(restoreWords(report())).toEqual(['1 collection added (2 already there), 3 pieces of evidence added (1 already there), 0 corrections added, 1 folder added.']);
    const replaced = restoreWords(report({ kind: 'full', replaced: { damaged: '/d/delve.db.damaged-2026-12-07T10-00-00-000Z', snapshot: '/d/backups/s.json' }, corrections: { added: 0, kept: 0, pending: 2 } }));
    expect(replaced.slice(0, 3)).toEqual([
      'The damaged library was moved to delve.db.damaged-2026-12-07T10-00-00-000Z.',
      'The backup took its place.',
      'The newest automatic snapshot was merged in (what you made after the backup).',
    ]);
    expect(replaced[4]).toBe('2 corrections for documents not in the library yet: index your folders, then restore the same backup again.');
    expect(restoreWords(report({ replaced: { damaged: null, snapshot: null } }))[1]).toMatch(/index your folders again/);
  });

  it('restores a damaged library from the newest whole copy, else the newest backup', () => {
    const auto = backup({});
    const full = backup({ file: '/d/backups/delve-pre-migration-x.db', kind: 'full', label: 'pre-migration' });
    expect(bestForDamaged([auto, full])).toBe(full);
    expect(bestForDamaged([auto])).toBe(auto);
    expect(bestForDamaged([])).toBeNull();
  });
});
