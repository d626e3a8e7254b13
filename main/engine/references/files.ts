/**
 * Attached files resolved: an absolute path as it is; a relative one against the .bib/.ris file's
 * folder; a Mendeley path missing its leading "/" tried with it. A file that is not there is
 * skipped with FILE_NOT_FOUND; one that is there but not a PDF or a note (an EPUB, an HTML snapshot)
 * is noted with UNSUPPORTED_TYPE and not indexed.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { SkippedFile } from '../api.js';
import { kindOf } from '../indexing/scan.js';

const isFile = (p: string) => existsSync(p) && statSync(p).isFile();

export function resolveAttachment(raw: string, sourceFile: string): string {
  if (isAbsolute(raw)) return raw;
  const rel = resolve(dirname(sourceFile), raw);
  if (!isFile(rel) && /^(home|Users|mnt|media|tmp|var|opt|srv)\//.test(raw) && isFile(`/${raw}`)) return `/${raw}`;
  return rel;
}

export function checkAttachments(raws: readonly string[], sourceFile: string, skipped: SkippedFile[]): string[] {
  const ok: string[] = [];
  for (const raw of raws) {
    const path = resolveAttachment(raw, sourceFile);
    if (!isFile(path)) skipped.push({ path, code: 'FILE_NOT_FOUND', message: `${raw}: attached file not found` });
    else if (kindOf(path) === null) skipped.push({ path, code: 'UNSUPPORTED_TYPE', message: `${raw}: attached, not indexed (only PDFs and notes are read)` });
    else if (!ok.includes(path)) ok.push(path);
  }
  return ok;
}
