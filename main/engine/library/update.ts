/** The user's correction of a document's bibliographic fields: checked, pinned as 'user', written through. */
import type { BibPatch, DocumentDetail } from '../api-library.js';
import type { Db } from '../store/db.js';
import { checkDocId, documentDetail } from './detail.js';
import { pinFields } from './fields.js';
import { checkPatch } from './patch.js';

export function updateMetadata(db: Db, docId: number, patch: BibPatch): DocumentDetail {
  checkDocId(db, docId);
  pinFields(db, docId, checkPatch(patch), 'user');
  return documentDetail(db, docId);
}
