/**
 * Editing a review: evidence edited (an engine refusal keeps the form open), removed and restored by
 * Undo, moved in the user's order; the collection renamed, duplicated, deleted and restored by Undo.
 * The fake keeps its own little store, so what the screen shows comes back from the commands it sent.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { CollectionInfo, EvidenceEdit, EvidenceRow, EvidenceSort } from '../api.js';
import { NavContext, type Nav } from '../app/nav.js';
import { fakeApi } from '../test/fakeApi.js';
import { ReviewScreen } from './ReviewScreen.js';

function store() {
  let cols: (CollectionInfo & { deleted: boolean })[] = [{ id: 1, name: 'Stroke', description: '', evidence: 0, createdAt: 1, deleted: false }];
  let rows: (EvidenceRow & { deleted: boolean })[] = [1, 2, 3].map((id) => ({
    id, collection: 'Stroke', docId: id, chunkId: id, path: `/p/${id}.pdf`, title: `Paper ${id}`, authors: [], year: 2020, doi: null, page: 1,
    pageLabel: '1', quote: `The whole passage of paper ${id}.`, charStart: 0, charEnd: 10, note: '', tags: [], stance: null, query: null,
    createdAt: Date.UTC(2026, 6, 12), position: id, deleted: false,
  }));
  const live = (c: string) => rows.filter((r) => !r.deleted && r.collection === c);
  const info = () => cols.filter((c) => !c.deleted).map((c) => ({ ...c, evidence: live(c.name).length }));
  const bad = (message: string) => Object.assign(new Error(message), { code: 'BAD_ARGUMENT' });
  return {
    collections: async () => info(),
    evidence: async (c: string, sort: EvidenceSort = 'document') => {
      const list = live(c);
      return sort === 'manual' ? [...list].sort((a, b) => a.position - b.position) : list;
    },
    updateEvidence: async (id: number, e: EvidenceEdit) => {
      const r = rows.find((x) => x.id === id)!;
      if (e.quote !== undefined && !r.quote.includes(e.quote)) throw bad('the quote must be words of its passage');
      Object.assign(r, e);
      return r;
    },
    removeEvidence: async (id: number) => { const r = rows.find((x) => x.id === id)!; r.deleted = true; return r; },
    restoreEvidence: async (id: number) => { const r = rows.find((x) => x.id === id)!; r.deleted = false; return r; },
    moveEvidence: async (id: number, index: number) => {
      const order = live('Stroke').sort((a, b) => a.position - b.position).filter((r) => r.id !== id);
      order.splice(index, 0, rows.find((r) => r.id === id)!);
      order.forEach((r, i) => { r.position = i + 1; });
      return order.map((r) => r.id);
    },
    renameCollection: async (name: string, to: string) => {
      cols.find((c) => c.name === name)!.name = to;
      rows = rows.map((r) => (r.collection === name ? { ...r, collection: to } : r));
      return info().find((c) => c.name === to)!;
    },
    duplicateCollection: async (name: string, to: string) => {
      cols = [...cols, { id: 2, name: to, description: '', evidence: 0, createdAt: 2, deleted: false }];
      rows = [...rows, ...live(name).map((r) => ({ ...r, id: r.id + 100, collection: to }))];
      return info().find((c) => c.name === to)!;
    },
    deleteCollection: async (name: string) => {
      const c = cols.find((x) => x.name === name)!;
      c.deleted = true;
      return { id: c.id, name, evidence: live(name).length, deletedAt: 5 };
    },
    deletedCollections: async () => cols.filter((c) => c.deleted).map((c) => ({ id: c.id, name: c.name, evidence: live(c.name).length, deletedAt: 5 })),
    restoreCollection: async (id: number) => { const c = cols.find((x) => x.id === id)!; c.deleted = false; return info().find((x) => x.id === id)!; },
  };
}

function setup() {
  const f = fakeApi(store());
  window.delve = f.api;
  const nav: Nav = { screen: 'review', go: vi.fn(), openDocument: vi.fn(), closeDocument: vi.fn(), viewer: null };
  render(<NavContext.Provider value={nav}><ReviewScreen /></NavContext.Provider>);
  return { calls: (n: string) => f.calls.filter((c) => c.name === n) };
}

const titles = () => screen.getAllByTestId('evidence-row').map((r) => within(r).getByText(/^Paper \d+$/).textContent);
const rowOf = (title: string) => screen.getAllByTestId('evidence-row').find((r) => within(r).queryByText(title))!;

describe('Review editing', () => {
  it('edits stance, note, tags and quote; a quote not in the passage is refused and the form stays open', async () => {
    const { calls } = setup();
    await waitFor(() => expect(titles()).toEqual(['Paper 1', 'Paper 2', 'Paper 3']));
    expect(within(rowOf('Paper 1')).getByText('2026-07-12')).toBeTruthy();
    fireEvent.click(within(rowOf('Paper 1')).getByRole('button', { name: 'Edit' }));
    const form = screen.getByRole('form', { name: 'Edit evidence' });
    fireEvent.change(within(form).getByLabelText(/^Quote/), { target: { value: 'not there' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toContain('the quote must be words of its passage');
    expect(screen.getByRole('form', { name: 'Edit evidence' })).toBeTruthy();
    fireEvent.change(within(form).getByLabelText(/^Quote/), { target: { value: 'whole passage' } });
    fireEvent.change(within(form).getByLabelText('Stance'), { target: { value: 'supports' } });
    fireEvent.change(within(form).getByLabelText('Tags'), { target: { value: 'rct, rct, dose' } });
    fireEvent.change(within(form).getByLabelText('Note'), { target: { value: ' key trial ' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Edit evidence' })).toBeNull());
    expect(calls('updateEvidence').at(-1)!.args).toEqual([1, { stance: 'supports', note: 'key trial', tags: ['rct', 'dose'], quote: 'whole passage' }]);
    const row = rowOf('Paper 1');
    await waitFor(() => expect(within(row).getByText('whole passage')).toBeTruthy());
    expect(within(row).getByText('supports')).toBeTruthy();
    expect(within(row).getByText('key trial')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('removes evidence and brings it back with Undo; moves evidence in the user\'s order', async () => {
    setup();
    await waitFor(() => expect(titles()).toHaveLength(3));
    fireEvent.click(within(rowOf('Paper 2')).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(titles()).toEqual(['Paper 1', 'Paper 3']));
    const undo = screen.getByRole('status');
    expect(undo.textContent).toContain('Removed a piece of evidence from “Paper 2”');
    fireEvent.click(within(undo).getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(titles()).toEqual(['Paper 1', 'Paper 2', 'Paper 3']));
    expect(screen.queryByRole('status')).toBeNull();

    expect(screen.queryByRole('button', { name: 'Move up: Paper 3' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /^Order/ }));
    const up = await screen.findByRole('button', { name: 'Move up: Paper 3' });
    expect((screen.getByRole('button', { name: 'Move up: Paper 1' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(up);
    await waitFor(() => expect(titles()).toEqual(['Paper 1', 'Paper 3', 'Paper 2']));
  });

  it('renames, duplicates, deletes the collection and restores it with Undo', async () => {
    setup();
    await waitFor(() => expect(titles()).toHaveLength(3));
    fireEvent.click(screen.getByRole('button', { name: 'Rename' }));
    const rename = screen.getByRole('form', { name: 'Rename collection' });
    fireEvent.change(within(rename).getByLabelText('New name'), { target: { value: 'Stroke 2026' } });
    fireEvent.click(within(rename).getByRole('button', { name: 'Rename' }));
    expect(await screen.findByRole('heading', { name: 'Stroke 2026' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Duplicate' }));
    const dup = screen.getByRole('form', { name: 'Duplicate collection' });
    expect((within(dup).getByLabelText('Name of the copy') as HTMLInputElement).value).toBe('Stroke 2026 (copy)');
    fireEvent.click(within(dup).getByRole('button', { name: 'Duplicate' }));
    expect(await screen.findByRole('heading', { name: 'Stroke 2026 (copy)' })).toBeTruthy();
    await waitFor(() => expect(titles()).toHaveLength(3));

    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    const undo = await screen.findByRole('status');
    expect(undo.textContent).toContain('Deleted the collection “Stroke 2026 (copy)” (3 evidence)');
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Stroke 2026' })).toBeTruthy());
    const nav = screen.getByRole('navigation', { name: 'Collections' });
    const live = () => [...nav.querySelectorAll('.review-collection .review-collection-name')].map((e) => e.textContent);
    await waitFor(() => expect(live()).toEqual(['Stroke 2026']));
    fireEvent.click(within(undo).getByRole('button', { name: 'Undo' }));
    expect(await screen.findByRole('heading', { name: 'Stroke 2026 (copy)' })).toBeTruthy();
    await waitFor(() => expect(live()).toEqual(['Stroke 2026', 'Stroke 2026 (copy)']));

    // Once the undo bar is gone, the Deleted list still restores it.
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    fireEvent.click(within(await screen.findByRole('status')).getByRole('button', { name: 'Dismiss' }));
    const deleted = await within(nav).findByRole('list', { name: 'Deleted collections' });
    fireEvent.click(within(deleted).getByRole('button', { name: 'Restore Stroke 2026 (copy)' }));
    expect(await screen.findByRole('heading', { name: 'Stroke 2026 (copy)' })).toBeTruthy();
    await waitFor(() => expect(within(nav).queryByRole('list', { name: 'Deleted collections' })).toBeNull());
  });
});
