/**
 * The building blocks of the commands' argument schemas (zod), used by the registry
 * (registry.ts): what the renderer may send. Anything else is answered BAD_ARGUMENT before it
 * reaches the engine. No Node imports: the preload bundle carries the registry. Tested in
 * schemas.test.ts.
 */
import { z } from 'zod';

/** node:path's isAbsolute for the platform we run on, without node:path (absent in a sandboxed preload). */
export function isAbsolutePath(p: string): boolean {
  if (process.platform !== 'win32') return p.startsWith('/');
  return /^([/\\]|[A-Za-z]:[/\\])/.test(p);
}

export const absolutePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => isAbsolutePath(p) && !p.includes('\0'), 'must be an absolute path');
export const docId = z.number().int().positive();
export const backupOpts = z.strictObject({ userData: z.boolean().optional() });
export const name = z.string().trim().min(1).max(200);
export const text = (max: number) => z.string().max(max);
export const pmid = z.string().regex(/^\d{1,9}$/, 'must be a PMID (digits)');
export const nct = z.string().trim().regex(/^NCT\d{8}$/i, 'must be an NCT id (NCT + 8 digits)');
export const format = z.enum(['md', 'csv', 'bib', 'ris']);
const stance = z.enum(['supports', 'contradicts', 'background']);

export const searchOpts = z.strictObject({
  k: z.number().int().min(1).max(100).optional(),
  mode: z.enum(['bm25', 'dense', 'hybrid', 'full']).optional(),
  fusion: z.enum(['minmax', 'rrf']).optional(),
  weight: z.number().min(0).max(1).optional(),
  groupBy: z.enum(['chunk', 'document']).optional(),
  searchId: z.string().min(1).max(100).optional(),
  history: z.boolean().optional(),
  pipeline: z.strictObject({
    rounds: z.number().int().min(0).max(5).optional(),
    rerankTop: z.number().int().min(0).max(100).optional(),
    alpha: z.number().min(0).max(1).optional(),
    listwise: z.boolean().optional(),
    rewrite: z.boolean().optional(),
    rm3Fallback: z.boolean().optional(),
    /** The user's corrections of a deep search's stages (PipelineOptions.edits). */
    edits: z.strictObject({
      rewrite: z.string().max(2000).optional(),
      expansions: z.record(z.string().regex(/^[1-5]$/, 'must be an expansion round (1-5)'), z.array(z.string().max(20000)).min(1).max(8)).optional(),
      rm3: z.array(z.strictObject({ term: z.string().min(1).max(100), weight: z.number().positive().max(1000) })).min(1).max(100).optional(),
    }).optional(),
  }).optional(),
});

export const evidenceTarget = z.union([
  z.strictObject({ chunkId: docId, quote: text(20000).optional() }),
  z.strictObject({ docId, page: z.number().int().positive().nullable(), quote: text(20000).min(1) }),
]);

export const evidenceFields = z.strictObject({
  note: text(20000).optional(),
  tags: z.array(name).max(50).optional(),
  stance: stance.nullable().optional(),
  query: z.strictObject({
    text: text(2000),
    mode: z.string().max(20).nullable().optional(),
    settings: z.record(z.string(), z.unknown()).optional(),
  }).nullable().optional(),
});

export const bibPatch = z.strictObject({
  title: text(2000).nullable().optional(),
  authors: z.array(text(300)).max(500).optional(),
  year: z.number().int().min(1000).max(2100).nullable().optional(),
  doi: z.string().regex(/^10\.\d{4,9}\/\S+$/, 'must be a DOI (10.NNNN/…)').max(300).nullable().optional(),
  journal: text(500).nullable().optional(),
});

export const url = z.string().url().max(4096);
export const model = z.string().regex(/^[\w.:/-]{1,200}$/, 'must be a model name');

export const settingsPatch = z.strictObject({
  ollama: z.strictObject({
    host: url.optional(),
    expander: z.union([model, z.literal('')]).optional(),
    rewriter: z.union([model, z.literal('')]).optional(),
    judge: z.union([model, z.literal('')]).optional(),
    embedder: z.union([model, z.literal('')]).optional(),
  }).optional(),
  embeddingModel: z.string().regex(/^[\w.-]{1,200}$/, 'must be a model id').nullable().optional(),
  provider: z.enum(['auto', 'cpu', 'cuda', 'dml', 'coreml', 'webgpu']).optional(),
  chunking: z.strictObject({
    size: z.number().int().min(200).max(8000).optional(),
    overlap: z.number().int().min(0).max(2000).optional(),
  }).optional(),
  ocr: z.strictObject({
    enabled: z.boolean().nullable().optional(),
    languages: z.array(z.string().regex(/^[a-z_]{2,16}$/, 'must be a language code')).min(1).max(8).optional(),
    garbageText: z.boolean().optional(),
    data: z.enum(['auto', 'bundled']).optional(),
  }).optional(),
  ranking: z.strictObject({
    k1: z.number().min(0).max(10).optional(),
    b: z.number().min(0).max(1).optional(),
    rm3: z.boolean().optional(),
  }).optional(),
  pubmed: z.strictObject({
    apiKey: z.string().regex(/^[\w]{0,100}$/, 'must be an NCBI API key').optional(),
    email: z.union([z.string().email().max(200), z.literal('')]).optional(),
    eutils: url.optional(),
  }).optional(),
  theme: z.enum(['system', 'light', 'dark']).optional(),
});

export const modelId = z.string().regex(/^[\w.-]{1,200}$/, 'must be a model id');
export const evidenceSort = z.enum(['document', 'page', 'tag', 'stance', 'added', 'manual']);
export const sortOrder = z.enum(['asc', 'desc']);
export const pathList = z.array(absolutePath).min(1).max(1000);
export const pubmedQuery = z.string().min(1).max(20000);
export const pubmedDraftRequest = z.strictObject({
  question: z.string().trim().min(1).max(4000),
  seeds: z.array(pmid).max(500).optional(),
  k: z.number().int().min(1).max(8).optional(),
});
export const pubmedSearchOpts = z.strictObject({
  seeds: z.array(pmid).max(500).optional(),
  retmax: z.number().int().min(1).max(200).optional(),
});

// ClinicalTrials.gov
export const trialsDraftRequest = z.strictObject({
  question: z.string().trim().min(1).max(8000),
  patient: z.boolean().optional(),
  perArea: z.boolean().optional(),
  seeds: z.array(nct).max(500).optional(),
  k: z.number().int().min(1).max(8).optional(),
});
export const trialsQuery = z.string().min(1).max(20000);
export const trialsSearchOpts = z.strictObject({
  seeds: z.array(nct).max(500).optional(),
  limit: z.number().int().min(1).max(10000).optional(),
});

// Review editing
export const evidenceId = z.number().int().positive();
export const evidenceEdit = z.strictObject({
  note: text(20000).optional(),
  tags: z.array(name).max(50).optional(),
  stance: stance.nullable().optional(),
  quote: z.string().trim().min(1).max(20000).optional(),
});
