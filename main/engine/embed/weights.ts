/**
 * fp32 or int8: a manifest may offer an int8-quantised export beside the fp32 graph (`int8`). On the
 * CPU provider the int8 graph is the default (dynamic int8 MatMuls: a smaller file and faster on
 * CPU cores, vectors within a small distance of fp32's); GPU providers run fp32, where int8 kernels
 * are missing or slower. The graph chosen is part of the model's fingerprint, so vectors of the two
 * are never mixed: switching re-embeds.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ModelManifest } from '../models/manifest.js';
import type { ProviderName, WeightsChoice } from './api.js';

export interface GraphChoice { graph: string; weights: 'fp32' | 'int8' }

/** The graph to run on `provider`; an int8 graph missing from the folder (an older install) means fp32. */
export function graphFor(m: ModelManifest, provider: ProviderName, weights: WeightsChoice = 'auto', dir?: string): GraphChoice {
  const int8 = m.int8 !== undefined && (dir === undefined || existsSync(join(dir, m.int8))) ? m.int8 : undefined;
  const wantInt8 = weights === 'int8' || (weights === 'auto' && provider === 'cpu');
  return wantInt8 && int8 ? { graph: int8, weights: 'int8' } : { graph: m.onnx, weights: 'fp32' };
}
