/**
 * The user's settings, stored as settings.json in the app's data folder: defaults (from the
 * environment and what is installed), a load that survives a damaged file (kept as
 * settings.json.bak, never dropped silently), an atomic save (temporary file + rename) and the
 * deep merge of a partial update.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_OLLAMA_HOST, normalizeHost } from '../../engine/app/llm.js';
import { DEFAULT_MODEL_ID, defaultCatalogDir, loadCatalog } from '../../engine/app/models.js';
import { DEFAULT_BASE_URL } from '../../engine/app/pubmed.js';
import { DEFAULT_CHUNK_OPTIONS } from '../../engine/config.js';
import { usableLanguages } from '../../engine/app/ocr.js';
import { DEFAULT_BM25 } from '../../engine/app/ranking.js';
import type { Settings, SettingsPatch } from './types.js';

export const SETTINGS_FILE = 'settings.json';
const PROVIDERS = ['auto', 'cpu', 'cuda', 'dml', 'coreml', 'webgpu'] as const;
const THEMES = ['system', 'light', 'dark'] as const;

/** Is the model `id` installed in `<dataDir>/models`? */
export function modelInstalled(dataDir: string, id: string): boolean {
  return /^[a-z0-9][\w.-]*$/i.test(id) && existsSync(join(dataDir, 'models', id, 'manifest.json'));
}

function envHost(): string {
  try {
    return process.env.OLLAMA_HOST ? normalizeHost(process.env.OLLAMA_HOST) : DEFAULT_OLLAMA_HOST;
  } catch {
    return DEFAULT_OLLAMA_HOST;
  }
}

/** The catalog's default model (the CLI's when the catalog cannot be read). */
function defaultModelId(catalogDir: string | undefined): string {
  try {
    return loadCatalog(catalogDir ?? defaultCatalogDir()).find((m) => m.default)?.id ?? DEFAULT_MODEL_ID;
  } catch {
    return DEFAULT_MODEL_ID;
  }
}

export function defaultSettings(dataDir: string, catalogDir?: string): Settings {
  const model = defaultModelId(catalogDir);
  return {
    ollama: { host: envHost(), expander: '', rewriter: '', judge: '', embedder: '' },
    embeddingModel: modelInstalled(dataDir, model) ? model : null,
    provider: 'auto',
    chunking: { size: DEFAULT_CHUNK_OPTIONS.targetChars, overlap: DEFAULT_CHUNK_OPTIONS.overlapChars },
    ranking: { k1: DEFAULT_BM25.k1, b: DEFAULT_BM25.b, rm3: false },
    pubmed: { apiKey: process.env.NCBI_API_KEY ?? '', email: process.env.NCBI_EMAIL ?? '', eutils: DEFAULT_BASE_URL },
    theme: 'system',
    ocr: { enabled: null, languages: ['eng'], garbageText: false, data: 'auto' },
  };
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, d: string) => (typeof v === 'string' ? v : d);
const int = (v: unknown, d: number) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : d);
const OCR_DATA = ['auto', 'bundled'] as const;
const oneOf = <T extends string>(v: unknown, all: readonly T[], d: T): T => ((all as readonly unknown[]).includes(v) ? (v as T) : d);

/** Stored values of the right type over the defaults; anything else keeps its default. */
export function sanitize(raw: unknown, d: Settings): Settings {
  const r = isObj(raw) ? raw : {};
  const o = isObj(r.ollama) ? r.ollama : {};
  const c = isObj(r.chunking) ? r.chunking : {};
  const p = isObj(r.pubmed) ? r.pubmed : {};
  const k = isObj(r.ranking) ? r.ranking : {};
  const q = isObj(r.ocr) ? r.ocr : {};
  const num = (v: unknown, max: number, d: number) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= max ? v : d);
  return {
    ollama: { host: str(o.host, d.ollama.host), expander: str(o.expander, ''), rewriter: str(o.rewriter, ''), judge: str(o.judge, ''), embedder: str(o.embedder, '') },
    embeddingModel: r.embeddingModel === null ? null : typeof r.embeddingModel === 'string' && r.embeddingModel !== '' ? r.embeddingModel : d.embeddingModel,
    provider: oneOf(r.provider, PROVIDERS, d.provider),
    chunking: { size: int(c.size, d.chunking.size), overlap: int(c.overlap, d.chunking.overlap) },
    ranking: { k1: num(k.k1, 10, d.ranking.k1), b: num(k.b, 1, d.ranking.b), rm3: typeof k.rm3 === 'boolean' ? k.rm3 : d.ranking.rm3 },
    pubmed: { apiKey: str(p.apiKey, d.pubmed.apiKey), email: str(p.email, d.pubmed.email), eutils: str(p.eutils, d.pubmed.eutils) },
    theme: oneOf(r.theme, THEMES, d.theme),
    ocr: ocrSettings(q, d.ocr),
  };
}

function ocrSettings(q: Obj, d: Settings['ocr']): Settings['ocr'] {
  const data = oneOf(q.data, OCR_DATA, d.data);
  return {
    enabled: typeof q.enabled === 'boolean' ? q.enabled : d.enabled,
    languages: ocrLanguages(q.languages, d.languages, data),
    garbageText: typeof q.garbageText === 'boolean' ? q.garbageText : d.garbageText,
    data,
  };
}

/**
 * Stored OCR languages still installed and readable together from one source of `data` (a removed
 * package or system file would stop the engine from starting); none left: the default.
 */
function ocrLanguages(v: unknown, d: string[], data: Settings['ocr']['data']): string[] {
  const asked = Array.isArray(v) ? [...new Set(v.filter((c): c is string => typeof c === 'string'))] : [];
  const kept = usableLanguages(asked, data);
  return kept.length > 0 ? kept : d;
}

export interface Loaded {
  settings: Settings;
  /** False: no settings.json (yet), these are the defaults. */
  stored: boolean;
  /** Set when settings.json could not be read: where the damaged file was kept, and why. */
  recovered: { backup: string; reason: string } | null;
}

/** Reads settings.json; a missing file gives the defaults, a damaged one is moved to settings.json.bak (or .N.bak). */
export function loadSettings(dataDir: string, catalogDir?: string): Loaded {
  const file = join(dataDir, SETTINGS_FILE);
  const defaults = defaultSettings(dataDir, catalogDir);
  if (!existsSync(file)) return { settings: defaults, stored: false, recovered: null };
  let reason: string;
  try {
    const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (isObj(raw)) return { settings: sanitize(raw, defaults), stored: true, recovered: null };
    reason = 'it does not hold a JSON object';
  } catch (err) {
    reason = (err as Error).message;
  }
  let backup = `${file}.bak`;
  for (let n = 1; existsSync(backup); n++) backup = `${file}.${n}.bak`; // an older backup is kept too
  renameSync(file, backup);
  console.warn(`delve: ${file} could not be read (${reason}); it was kept as ${backup} and the default settings are used`);
  return { settings: defaults, stored: false, recovered: { backup, reason } };
}

/** Writes settings.json through a temporary file, so a crash never leaves half of it. */
export function saveSettings(dataDir: string, s: Settings): void {
  const file = join(dataDir, SETTINGS_FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(tmp, `${JSON.stringify(s, null, 2)}\n`, 'utf8');
  renameSync(tmp, file);
}

/** The fields of `o` that are set (a key present with `undefined` changes nothing). */
function defined<T extends object>(o: T | null | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The settings with a partial update applied: nested objects merged, other fields replaced. */
export function mergeSettings(s: Settings, patch: SettingsPatch): Settings {
  return {
    ollama: { ...s.ollama, ...defined(patch.ollama) },
    embeddingModel: patch.embeddingModel === undefined ? s.embeddingModel : patch.embeddingModel,
    provider: patch.provider ?? s.provider,
    chunking: { ...s.chunking, ...defined(patch.chunking) },
    ranking: { ...s.ranking, ...defined(patch.ranking) },
    pubmed: { ...s.pubmed, ...defined(patch.pubmed) },
    theme: patch.theme ?? s.theme,
    ocr: { ...s.ocr, ...defined(patch.ocr) },
  };
}
