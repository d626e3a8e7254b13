import { describe, expect, it } from 'vitest';
import { filterDocuments, NO_FILTER, ocrLabel, shownStatus, type DocumentRow } from './filterDocuments.js';

const doc = (id: number, over: Partial<DocumentRow>): DocumentRow => ({
  id, path: `/lib/${id}.pdf`, kind: 'pdf', title: null, pages: 1, chunks: 1, status: 'ok', code: null, message: null, ...over,
});
const docs = [
  doc(1, { title: 'Aspirin and stroke' }),
  doc(2, { kind: 'note', path: '/lib/notes/aspirin.md' }),
  doc(3, { kind: 'pubmed', path: 'pubmed:42', title: 'Statins', status: 'partial' }),
  doc(4, { status: 'error', code: 'PDF_ENCRYPTED' }),
];

describe('filterDocuments', () => {
  it('keeps all with no filter', () => expect(filterDocuments(docs, NO_FILTER)).toHaveLength(4));
  it('matches every word in title or path', () => {
    expect(filterDocuments(docs, { ...NO_FILTER, text: 'ASPIRIN' }).map((d) => d.id)).toEqual([1, 2]);
    expect(filterDocuments(docs, { ...NO_FILTER, text: 'aspirin notes' }).map((d) => d.id)).toEqual([2]);
  });
  it('filters by kind and status', () => {
    expect(filterDocuments(docs, { ...NO_FILTER, kind: 'pubmed' }).map((d) => d.id)).toEqual([3]);
    expect(filterDocuments(docs, { ...NO_FILTER, status: 'error' }).map((d) => d.id)).toEqual([4]);
    expect(filterDocuments(docs, { text: 'aspirin', kind: 'pdf', status: 'error' })).toEqual([]);
  });
});

describe('scanned pages', () => {
  const scans = [
    doc(5, { chunks: 0, ocr: 'needed', ocrPages: 2 }),
    doc(6, { ocr: 'pending', ocrPages: 1 }),
    doc(7, { ocr: 'done', ocrPages: 0 }),
    doc(8, { ocr: 'none', ocrPages: 0 }),
  ];
  it('a document with pages still without text is Partial, and the Partial filter finds it', () => {
    expect(scans.map(shownStatus)).toEqual(['partial', 'partial', 'ok', 'ok']);
    expect(filterDocuments([...docs, ...scans], { ...NO_FILTER, status: 'partial' }).map((d) => d.id)).toEqual([3, 5, 6]);
  });
  it('filters and labels by OCR state', () => {
    expect(filterDocuments(scans, { ...NO_FILTER, status: 'ocr-needed' }).map((d) => d.id)).toEqual([5]);
    expect(filterDocuments(scans, { ...NO_FILTER, status: 'ocr-done' }).map((d) => d.id)).toEqual([7]);
    expect(scans.map(ocrLabel)).toEqual(['Needs OCR (2 pages)', 'OCR pending (1 page)', 'OCR done', null]);
  });
});
