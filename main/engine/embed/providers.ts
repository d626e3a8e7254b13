/**
 * Execution provider choice. 'auto' tries, in order, what the platform can have: CUDA where its
 * provider libraries are installed, DirectML on Windows, CoreML on macOS, WebGPU where an adapter
 * exists, then CPU. A named provider is tried alone, then CPU. Every provider skipped or failed on
 * the way leaves a readable reason; the first one that opens the model wins.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as ort from 'onnxruntime-node';
import type { ProviderChoice, ProviderName } from './api.js';

const ORT_NAME: Record<ProviderName, string> = { cpu: 'cpu', cuda: 'cuda', dml: 'dml', coreml: 'coreml', webgpu: 'webgpu' };

/** The preference order for 'auto' on this platform. */
export function autoOrder(platform: NodeJS.Platform = process.platform): ProviderName[] {
  if (platform === 'win32') return ['cuda', 'dml', 'webgpu', 'cpu'];
  if (platform === 'darwin') return ['coreml', 'webgpu', 'cpu'];
  return ['cuda', 'webgpu', 'cpu'];
}

/** Why a provider cannot be used here before even trying it, or null when it is worth a try. */
export function unavailableReason(p: ProviderName, platform: NodeJS.Platform = process.platform): string | null {
  if (p === 'cpu') return null;
  if (p === 'dml' && platform !== 'win32') return 'DirectML exists only on Windows';
  if (p === 'coreml' && platform !== 'darwin') return 'CoreML exists only on macOS';
  if (p === 'cuda') {
    if (platform === 'darwin') return 'CUDA is not available on macOS';
    const backends = ort.listSupportedBackends?.() ?? [];
    if (!backends.some((b) => b.name === 'cuda')) return 'this onnxruntime-node build has no CUDA provider';
    const bin = join(dirname(createRequire(import.meta.url).resolve('onnxruntime-node')), '..', 'bin', 'napi-v6', platform, process.arch);
    const lib = platform === 'win32' ? 'onnxruntime_providers_cuda.dll' : 'libonnxruntime_providers_cuda.so';
    if (!existsSync(join(bin, lib))) {
      return `the CUDA provider libraries are not installed (${lib} is missing; onnxruntime-node downloads them at install time unless ONNXRUNTIME_NODE_INSTALL=skip)`;
    }
  }
  return null;
}

/** onnxruntime's messages start with a source location and a C++ signature; keep the sentence after them. */
export function plainMessage(message: string): string {
  const line = message.split('\n')[0] ?? '';
  const m = /\bwas false\.\s*(.+)$/.exec(line) ?? /^\/\S+:\d+ \S.*?\)\s+(.+)$/.exec(line);
  return (m?.[1] ?? line).trim();
}

export interface OpenedSession {
  session: ort.InferenceSession;
  provider: ProviderName;
  fallbackReason: string | null;
}

/** `modelPath` is the graph, or the graph for each provider tried (int8 on CPU, fp32 on a GPU: embed/weights.ts). */
export async function openSession(modelPath: string | ((p: ProviderName) => string), choice: ProviderChoice, threads?: number): Promise<OpenedSession> {
  const pathFor = typeof modelPath === 'string' ? () => modelPath : modelPath;
  const order: ProviderName[] = choice === 'auto' ? autoOrder() : choice === 'cpu' ? ['cpu'] : [choice, 'cpu'];
  const reasons: string[] = [];
  for (const p of order) {
    const why = unavailableReason(p);
    if (why) { reasons.push(`${p}: ${why}`); continue; }
    try {
      const session = await ort.InferenceSession.create(pathFor(p), {
        executionProviders: [ORT_NAME[p]],
        graphOptimizationLevel: 'all',
        ...(threads ? { intraOpNumThreads: threads, interOpNumThreads: 1 } : {}),
      });
      const skipped = choice === 'auto' ? reasons.filter((r) => !r.startsWith('cpu')) : reasons;
      return { session, provider: p, fallbackReason: skipped.length > 0 && (choice !== 'auto' || p === 'cpu') ? skipped.join('; ') : null };
    } catch (err) {
      if (p === 'cpu') throw err;
      reasons.push(`${p}: ${plainMessage((err as Error).message)}`);
    }
  }
  throw new Error(`no execution provider could open the model: ${reasons.join('; ')}`);
}
