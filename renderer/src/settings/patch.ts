/**
 * Settings edits as data: merging a patch into settings, the patch of what changed between the
 * saved and the edited settings, local checks of the numbers, and the field errors inside a
 * BAD_ARGUMENT message ("argument 0.pubmed.email: Invalid email; …", as main/ipc/handler.ts writes).
 */
import type { Settings, SettingsPatch } from '../api.js';

type Sections = 'ollama' | 'chunking' | 'ranking' | 'pubmed' | 'ocr';
const SECTIONS: Sections[] = ['ollama', 'chunking', 'ranking', 'pubmed', 'ocr'];
const SCALARS = ['embeddingModel', 'provider', 'theme'] as const;

export function mergeSettings(s: Settings, patch: SettingsPatch): Settings {
  const out: Settings = { ...s, ollama: { ...s.ollama }, chunking: { ...s.chunking }, ranking: { ...s.ranking }, pubmed: { ...s.pubmed }, ocr: { ...s.ocr } };
  for (const k of SECTIONS) if (patch[k]) Object.assign(out[k], patch[k]);
  if (patch.embeddingModel !== undefined) out.embeddingModel = patch.embeddingModel;
  if (patch.provider !== undefined) out.provider = patch.provider;
  if (patch.theme !== undefined) out.theme = patch.theme;
  return out;
}

/** Only the fields that differ; {} when nothing changed. */
export function diffSettings(saved: Settings, draft: Settings): SettingsPatch {
  const patch: Record<string, unknown> = {};
  for (const k of SECTIONS) {
    const a = saved[k] as unknown as Record<string, unknown>;
    const b = draft[k] as unknown as Record<string, unknown>;
    const changed = Object.fromEntries(Object.entries(b).filter(([f, v]) => !Object.is(a[f], v)));
    if (Object.keys(changed).length > 0) patch[k] = changed;
  }
  for (const k of SCALARS) if (saved[k] !== draft[k]) patch[k] = draft[k];
  return patch as SettingsPatch;
}

export type FieldErrors = Record<string, string>;

/** The field paths a patch touches: {pubmed: {email}} → ['pubmed.email']. */
export function patchPaths(patch: SettingsPatch): string[] {
  return Object.entries(patch).flatMap(([k, v]) => (v !== null && typeof v === 'object' ? Object.keys(v).map((f) => `${k}.${f}`) : [k]));
}

/** Errors without the ones for the fields just edited. */
export function withoutPaths(errors: FieldErrors, paths: string[]): FieldErrors {
  return Object.fromEntries(Object.entries(errors).filter(([k]) => !paths.includes(k)));
}

/** Checks the app can make before asking the host (which checks everything again). */
export function localErrors(s: Settings): FieldErrors {
  const e: FieldErrors = {};
  const { size, overlap } = s.chunking;
  if (!Number.isInteger(size) || size < 200 || size > 8000) e['chunking.size'] = 'A whole number from 200 to 8000.';
  if (!Number.isInteger(overlap) || overlap < 0 || overlap > 2000) e['chunking.overlap'] = 'A whole number from 0 to 2000.';
  else if (Number.isInteger(size) && overlap >= size) e['chunking.overlap'] = 'Must be smaller than the chunk size.';
  const { k1, b } = s.ranking;
  if (!Number.isFinite(k1) || k1 < 0 || k1 > 10) e['ranking.k1'] = 'A number from 0 to 10.';
  if (!Number.isFinite(b) || b < 0 || b > 1) e['ranking.b'] = 'A number from 0 to 1.';
  return e;
}

/** "argument 0.pubmed.email: Invalid email" → {'pubmed.email': 'Invalid email'}; the rest under ''. */
export function fieldErrors(message: string): FieldErrors {
  const out: FieldErrors = {};
  const rest: string[] = [];
  for (const part of message.split('; ')) {
    const m = /^argument 0\.([\w.]+): (.*)$/s.exec(part);
    if (m) out[m[1]!] = out[m[1]!] ? `${out[m[1]!]}; ${m[2]}` : m[2]!;
    else rest.push(part);
  }
  if (rest.length > 0) out[''] = rest.join('; ');
  return out;
}
