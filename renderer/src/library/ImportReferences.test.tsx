import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ReferenceImportSummary } from '../api.js';
import { fakeApi } from '../test/fakeApi.js';
import { ImportReferences } from './ImportReferences.js';

const summary: ReferenceImportSummary = {
  file: '/refs/review.bib', format: 'bibtex', entries: 5, records: 4, merged: 1, added: 3, updated: 1, unchanged: 0, removed: 0,
  files: { attached: 3, indexed: 2, parsed: 2, labelled: 2 },
  skipped: [{ path: '/refs/missing.pdf', code: 'FILE_NOT_FOUND', message: 'missing.pdf: attached file not found' }],
  errors: [], ms: 1200,
};

function setup(impl: Parameters<typeof fakeApi>[0], busy = false) {
  const f = fakeApi(impl);
  window.delve = f.api;
  const onImported = vi.fn();
  render(<ImportReferences busy={busy} onImported={onImported} />);
  return { f, onImported };
}

describe('ImportReferences', () => {
  it('picks a file, imports it and shows the counts and the skipped files with their codes', async () => {
    const { f, onImported } = setup({ pickReferenceFile: async () => '/refs/review.bib', importReferences: async () => summary });
    fireEvent.click(screen.getByRole('button', { name: 'Import references (.bib, .ris)…' }));
    const report = await screen.findByRole('region', { name: 'Last reference import' });
    expect(within(report).getByRole('status').textContent).toBe(
      'Imported review.bib 5 entries → 4 records (3 added, 1 updated, 0 unchanged, 1 merged) · 2 attached files indexed of 3 · 1.2 s');
    const skipped = within(report).getByRole('list', { name: 'Skipped' });
    expect(within(skipped).getByText('FILE_NOT_FOUND')).toBeTruthy();
    expect(within(skipped).getByText('missing.pdf')).toBeTruthy();
    expect(f.calls.map((c) => [c.name, c.args])).toEqual([['pickReferenceFile', []], ['importReferences', ['/refs/review.bib']]]);
    expect(onImported).toHaveBeenCalledTimes(1);
  });

  it('does nothing when the picker is cancelled', async () => {
    const { f, onImported } = setup({ pickReferenceFile: async () => null });
    fireEvent.click(screen.getByRole('button', { name: 'Import references (.bib, .ris)…' }));
    await waitFor(() => expect(f.calls.length).toBe(1));
    expect(screen.queryByRole('region')).toBeNull();
    expect(onImported).not.toHaveBeenCalled();
  });

  it('shows the error code and message when the import fails', async () => {
    setup({
      pickReferenceFile: async () => '/refs/bad.ris',
      importReferences: async () => { throw Object.assign(new Error('/refs/bad.ris: no such file'), { code: 'FILE_NOT_FOUND' }); },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Import references (.bib, .ris)…' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Could not import the references (FILE_NOT_FOUND: /refs/bad.ris: no such file)');
  });

  it('is disabled while indexing runs', () => {
    setup({}, true);
    expect((screen.getByRole('button', { name: 'Import references (.bib, .ris)…' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
