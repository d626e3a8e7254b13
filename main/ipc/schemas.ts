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

export const schemas = {
  index: z.tuple([z.array(absolutePath).min(1).max(1000)]),
  status: z.tuple([]),
  search: z.tuple([
    z.string().min(1).max(2000),
    z.strictObject({
      k: z.number().int().min(1).max(100).optional(),
      mode: z.enum(['bm25', 'dense', 'hybrid', 'full']).optional(),
      fusion: z.enum(['minmax', 'rrf']).optional(),
      weight: z.number().min(0).max(1).optional(),
      groupBy: z.enum(['chunk', 'document']).optional(),
      searchId: z.string().min(1).max(100).optional(),
      pipeline: z.strictObject({
        rounds: z.number().int().min(0).max(5).optional(),
        rerankTop: z.number().int().min(0).max(100).optional(),
        alpha: z.number().min(0).max(1).optional(),
        listwise: z.boolean().optional(),
        rewrite: z.boolean().optional(),
      }).optional(),
    }).optional(),
  ]),
  cancelSearch: z.tuple([z.string().min(1).max(100)]),
  pickFolders: z.tuple([]),
} satisfies { [N in CommandName]: z.ZodType<CommandArgs<N>> };
