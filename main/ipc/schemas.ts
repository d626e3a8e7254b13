/**
 * Argument schemas for the contract's commands (zod): what the renderer may send. Anything else is
 * answered BAD_ARGUMENT before it reaches the engine. Plain Node; tested in schemas.test.ts.
 */
import { isAbsolute } from 'node:path';
import { z } from 'zod';
import type { CommandArgs, CommandName } from '../../preload/contract.js';

const absolutePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => isAbsolute(p) && !p.includes('\0'), 'must be an absolute path');
const docId = z.number().int().positive();
const name = z.string().trim().min(1).max(200);
const text = (max: number) => z.string().max(max);
const pmid = z.string().regex(/^\d{1,9}$/, 'must be a PMID (digits)');
const format = z.enum(['md', 'csv', 'bib', 'ris']);
const stance = z.enum(['supports', 'contradicts', 'background']);

const searchOpts = z.strictObject({
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
  }).optional(),
});

const evidenceTarget = z.union([
  z.strictObject({ chunkId: docId, quote: text(20000).optional() }),
  z.strictObject({ docId, page: z.number().int().positive().nullable(), quote: text(20000).min(1) }),
]);

const evidenceFields = z.strictObject({
  note: text(20000).optional(),
  tags: z.array(name).max(50).optional(),
  stance: stance.nullable().optional(),
  query: z.strictObject({
    text: text(2000),
    mode: z.string().max(20).nullable().optional(),
    settings: z.record(z.string(), z.unknown()).optional(),
  }).nullable().optional(),
});

const bibPatch = z.strictObject({
  title: text(2000).nullable().optional(),
  authors: z.array(text(300)).max(500).optional(),
  year: z.number().int().min(1000).max(2100).nullable().optional(),
  doi: z.string().regex(/^10\.\d{4,9}\/\S+$/, 'must be a DOI (10.NNNN/…)').max(300).nullable().optional(),
  journal: text(500).nullable().optional(),
});

const url = z.string().url().max(4096);
const model = z.string().regex(/^[\w.:/-]{1,200}$/, 'must be a model name');

const settingsPatch = z.strictObject({
  ollama: z.strictObject({
    host: url.optional(),
    expander: z.union([model, z.literal('')]).optional(),
    rewriter: z.union([model, z.literal('')]).optional(),
    judge: z.union([model, z.literal('')]).optional(),
  }).optional(),
  embeddingModel: z.string().regex(/^[\w.-]{1,200}$/, 'must be a model id').nullable().optional(),
  provider: z.enum(['auto', 'cpu', 'cuda', 'dml', 'coreml', 'webgpu']).optional(),
  chunking: z.strictObject({
    size: z.number().int().min(200).max(8000).optional(),
    overlap: z.number().int().min(0).max(2000).optional(),
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

export const schemas = {
  pickFolders: z.tuple([]),
  index: z.tuple([z.array(absolutePath).min(1).max(1000)]),
  indexDropped: z.tuple([z.array(absolutePath).min(1).max(1000)]),
  cancelIndex: z.tuple([]),
  roots: z.tuple([]),
  removeRoot: z.tuple([absolutePath]),
  status: z.tuple([]),
  appStatus: z.tuple([]),
  document: z.tuple([docId]),
  documentBytes: z.tuple([docId]),
  updateMetadata: z.tuple([docId, bibPatch]),
  search: z.tuple([z.string().min(1).max(2000), searchOpts.optional()]),
  cancelSearch: z.tuple([z.string().min(1).max(100)]),
  history: z.tuple([z.number().int().min(1).max(1000).optional()]),
  collections: z.tuple([]),
  createCollection: z.tuple([name, text(2000).optional()]),
  addEvidence: z.tuple([name, evidenceTarget, evidenceFields.optional()]),
  evidence: z.tuple([name, z.enum(['document', 'page', 'tag', 'stance', 'added']).optional(), z.enum(['asc', 'desc']).optional()]),
  exportCollection: z.tuple([name, format]),
  saveExport: z.tuple([name, format]),
  pubmedDraft: z.tuple([z.strictObject({
    question: z.string().trim().min(1).max(4000),
    seeds: z.array(pmid).max(500).optional(),
    k: z.number().int().min(1).max(8).optional(),
  })]),
  pubmedCheck: z.tuple([z.string().min(1).max(20000)]),
  pubmedSearch: z.tuple([z.string().min(1).max(20000), z.strictObject({
    seeds: z.array(pmid).max(500).optional(),
    retmax: z.number().int().min(1).max(200).optional(),
  }).optional()]),
  pubmedImport: z.tuple([z.array(pmid).min(1).max(200)]),
  getSettings: z.tuple([]),
  setSettings: z.tuple([settingsPatch]),
  llmHealth: z.tuple([]),
  llmPull: z.tuple([model]),
  models: z.tuple([]),
  embeddingStatus: z.tuple([]),
  modelPull: z.tuple([z.string().regex(/^[\w.-]{1,200}$/, 'must be a model id')]),
  openExternal: z.tuple([url]),
} satisfies { [N in CommandName]: z.ZodType<CommandArgs<N>> };
