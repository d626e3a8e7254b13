/** Messages between the vector scanner (search/dense/vector-scan.ts) and its workers (search/dense/scan-worker.ts). */
import type { RowCodes } from './row-codec.js';
import type { WasmMemory } from './scan-kernel.js';
import type { ScanLayout } from './scan-range.js';

/** A new generation of row memory; requests name the generation they scan. */
export interface MemoryMessage { type: 'memory'; gen: number; memory: WasmMemory; codes: RowCodes }

export interface ScanRequest {
  type: 'scan';
  id: number;
  gen: number;
  layout: ScanLayout;
  /** The worker's scratch slot in the memory. */
  slot: number;
  /** Unit-length query padded to the stride. */
  query: Float32Array;
  start: number;
  count: number;
  m: number;
}

/** The generation was replaced: its instance can go (requests on it were sent before this). */
export interface DropMessage { type: 'drop'; gen: number }

export type ScanWorkerMessage = MemoryMessage | DropMessage | ScanRequest;

export type ScanReply = { id: number; ids: Int32Array; scores: Float64Array } | { id: number; error: string };
