/**
 * Embedding-model manifests: one JSON file per model in the repository's `models/` folder, and one
 * `manifest.json` inside every installed model folder. A manifest names the files to download (with
 * sha256 and byte size, so a download is verified), the ONNX graph to run, and how the model turns
 * token states into one vector (pooling, normalisation, instruction templates).
 */
import { createRequire } from 'node:module';
import type * as Zod from 'zod';

/**
 * The schemas are built on the first manifest read: zod's ~95 modules would otherwise load in every
 * CLI process (`delve search`, `delve index`) that never reads a manifest.
 */
function buildSchemas(z: typeof Zod) {
  const ModelFileSchema = z.object({
    /** Path inside the model folder, '/'-separated (e.g. "onnx/model.onnx"). */
    path: z.string().min(1).refine((p) => !p.split('/').some((s) => s === '..' || s === ''), 'relative path without ".." or empty parts'),
    /** Where to download it from; `{base}` is replaced by the configured hub base URL (mirrors). */
    url: z.string().min(1),
    /** Required unless the manifest says `"pinned": false` (hashes not yet known; such a manifest cannot be pulled). */
    sha256: z.string().regex(/^[0-9a-f]{64}$/, '64 lowercase hex digits').optional(),
    bytes: z.number().int().nonnegative().optional(),
  });

  const ModelManifestSchema = z.object({
    id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'lowercase id: letters, digits, ".", "_", "-"'),
    name: z.string().min(1),
    license: z.string().min(1),
    /** The model hub repository and revision the files come from. */
    source: z.object({ repo: z.string(), revision: z.string().default('main') }),
    files: z.array(ModelFileSchema),
    /** The ONNX graph to load (one of `files`, or a file the user converted and imported). */
    onnx: z.string().min(1),
    /**
     * An int8-quantised export of the same model (one of `files`, e.g. "onnx/model_quantized.onnx"):
     * run instead of `onnx` on the CPU provider unless fp32 weights are asked for (embed/weights.ts).
     */
    int8: z.string().min(1).optional(),
    /**
     * 'encoder' (default): a transformer taking padded input_ids + attention_mask, pooled here. 'static':
     * a static embedding model (model2vec's ONNX export, e.g. potion-base-8M): input_ids of all texts
     * concatenated + offsets, output one mean vector per text (embed/static.ts); tokens without special
     * tokens, unknown tokens dropped, as model2vec tokenizes.
     */
    architecture: z.enum(['encoder', 'static']).default('encoder'),
    /** Output holding per-token states; pooling is applied to it. */
    output: z.string().default('last_hidden_state'),
    dims: z.number().int().positive(),
    pooling: z.enum(['mean', 'cls', 'last-token']),
    normalize: z.boolean(),
    /** Longest input in tokens, special tokens included; longer texts are truncated. */
    maxTokens: z.number().int().positive(),
    paddingSide: z.enum(['right', 'left']).default('right'),
    /** `{text}` is the input; `{task}` the task description below. */
    templates: z.object({ query: z.string().default('{text}'), document: z.string().default('{text}') }).default({ query: '{text}', document: '{text}' }),
    task: z.string().optional(),
    /** Set when no ONNX export is published: how a user makes one, then imports the folder. */
    conversion: z.string().optional(),
    default: z.boolean().optional(),
    /**
     * False when the files' sha256 and sizes are not yet known: the manifest documents the model, but
     * `pull` refuses it (MODEL_NOT_PINNED) until the hashes are filled in; `import` still works.
     */
    pinned: z.boolean().default(true),
    /** Free text for people: provenance, caveats. */
    notes: z.string().optional(),
  }).superRefine((m, ctx) => {
    if (!m.pinned) return;
    m.files.forEach((f, i) => {
      if (f.sha256 === undefined) ctx.addIssue({ code: 'custom', path: ['files', i, 'sha256'], message: 'required unless "pinned" is false' });
      if (f.bytes === undefined) ctx.addIssue({ code: 'custom', path: ['files', i, 'bytes'], message: 'required unless "pinned" is false' });
    });
  });
  return { ModelFileSchema, ModelManifestSchema };
}

type Schemas = ReturnType<typeof buildSchemas>;
let schemas: Schemas | null = null;
const manifestSchemas = (): Schemas => (schemas ??= buildSchemas(createRequire(import.meta.url)('zod') as typeof Zod));

export type ModelFile = Zod.infer<Schemas['ModelFileSchema']>;
export type ModelManifest = Zod.infer<Schemas['ModelManifestSchema']>;

/** Validates a parsed manifest; the error names the field. */
export function parseManifest(value: unknown, where = 'manifest'): ModelManifest {
  const r = manifestSchemas().ModelManifestSchema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new Error(`${where}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return r.data;
}

/** Applies a template: `{text}` and `{task}` are replaced. */
export function applyTemplate(template: string, text: string, task = ''): string {
  return template.replaceAll('{task}', task).replaceAll('{text}', text);
}
