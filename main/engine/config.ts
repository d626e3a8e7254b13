/** Engine configuration with defaults filled in, and where Delve keeps its data by default. */
import { availableParallelism, homedir, platform } from 'node:os';
import { join } from 'node:path';
import type { EngineConfig, OcrDataMode } from './api.js';
import { DEFAULT_CHUNK_OPTIONS } from './chunk/chunker.js';

export { DEFAULT_CHUNK_OPTIONS };
import { EngineError } from './errors.js';
import { ocrDataSource } from './ocr/data.js';
import type { ChunkOptions } from './types.js';

export interface ResolvedConfig {
  dbPath: string;
  workers: number;
  chunk: ChunkOptions;
  nativeBinding: string | undefined;
  maxBytes: { pdf: number; note: number; document: number };
  ocr: { enabled: boolean; languages: string[]; workers: number; garbageText: boolean; data: OcrDataMode; tessdataRoots?: string[] };
  taskTimeoutMs: number;
}

/** `document`: DOCX, HTML and EPUB files. */
export const DEFAULT_MAX_BYTES = { pdf: 512 * 1024 * 1024, note: 16 * 1024 * 1024, document: 128 * 1024 * 1024 };

export function resolveConfig(c: EngineConfig): ResolvedConfig {
  if (!c.dbPath) throw new EngineError('BAD_ARGUMENT', 'dbPath is required');
  const chunk = { ...DEFAULT_CHUNK_OPTIONS, ...c.chunk };
  if (!(chunk.targetChars >= 200 && chunk.targetChars <= 20000)) throw new EngineError('BAD_ARGUMENT', 'chunk size must be between 200 and 20000 characters');
  if (!(chunk.overlapChars >= 0 && chunk.overlapChars < chunk.targetChars / 2)) throw new EngineError('BAD_ARGUMENT', 'chunk overlap must be at least 0 and under half the chunk size');
  const data = c.ocr?.data ?? 'auto';
  if (!['auto', 'bundled', 'system'].includes(data)) throw new EngineError('BAD_ARGUMENT', `OCR data must be auto, bundled or system, not ${String(data)}`);
  const roots = c.ocr?.tessdataRoots;
  // The languages asked for, from one source (throws OCR_LANGUAGE_UNKNOWN naming what is installed where).
  if (c.ocr?.languages?.length) ocrDataSource(c.ocr.languages, data, roots ? { roots } : {});
  return {
    dbPath: c.dbPath,
    workers: Math.max(1, c.workers ?? availableParallelism()),
    chunk,
    nativeBinding: c.nativeBinding,
    maxBytes: { ...DEFAULT_MAX_BYTES, ...c.maxBytes },
    taskTimeoutMs: 180_000,
    ocr: {
      enabled: c.ocr?.enabled ?? process.env.DELVE_OCR !== '0',
      languages: c.ocr?.languages?.length ? c.ocr.languages : ['eng'],
      workers: Math.max(1, c.ocr?.workers ?? Math.min(2, availableParallelism())),
      garbageText: c.ocr?.garbageText ?? false,
      data,
      ...(roots ? { tessdataRoots: roots } : {}),
    },
  };
}

/** The folder the desktop app uses for its data (Electron's userData for productName "Delve"). */
export function defaultDataDir(): string {
  if (process.env.DELVE_HOME) return process.env.DELVE_HOME;
  const home = homedir();
  switch (platform()) {
    case 'darwin': return join(home, 'Library', 'Application Support', 'Delve');
    case 'win32': return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Delve');
    default: return join(process.env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Delve');
  }
}
