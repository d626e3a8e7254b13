/**
 * The LanceDB side of the search benchmark: the same 384-d vectors in a local LanceDB table (a
 * directory beside the bench database), searched flat (no vector index) by cosine distance, and,
 * where `createIvf` built one, through LanceDB's IVF_PQ index (nprobes 20, the default, with the
 * candidates re-ranked on the full vectors: refineFactor 5).
 */
import { connect, Index, type Table } from '@lancedb/lancedb';

export interface LanceRow { id: number; vector: Float32Array }

const BATCH = 10_000;
export const IVF_NPROBES = 20;
export const IVF_REFINE = 5;

function records(rows: LanceRow[]): Record<string, unknown>[] {
  return rows.map((r) => ({ id: r.id, vector: Array.from(r.vector) }));
}

export class LanceBench {
  private constructor(private readonly table: Table) {}

  /** Creates the table from the first rows; `add` appends more. */
  static async create(dir: string, rows: LanceRow[]): Promise<LanceBench> {
    const conn = await connect(dir);
    const table = await conn.createTable('chunks', records(rows.slice(0, BATCH)), { mode: 'overwrite' });
    const lb = new LanceBench(table);
    await lb.add(rows.slice(BATCH));
    return lb;
  }

  /** The table written before (a cached bench corpus). */
  static async open(dir: string): Promise<LanceBench> {
    return new LanceBench(await (await connect(dir)).openTable('chunks'));
  }

  async add(rows: LanceRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += BATCH) await this.table.add(records(rows.slice(i, i + BATCH)));
  }

  count(): Promise<number> {
    return this.table.countRows();
  }

  /**
   * Builds LanceDB's IVF_PQ index over the vectors: √n/4 partitions (250 at 1M, ~4,000 rows each;
   * LanceDB's default √n takes k-means over 1,000 centroids, far too long on 2 cores), 20 k-means
   * iterations, 384/16 sub-vectors (the default).
   */
  async createIvf(): Promise<void> {
    const n = await this.count();
    const config = Index.ivfPq({ distanceType: 'cosine', numPartitions: Math.max(16, Math.round(Math.sqrt(n) / 4)), maxIterations: 20 });
    await this.table.createIndex('vector', { config, replace: true });
  }

  async hasIvf(): Promise<boolean> {
    return (await this.table.listIndices()).some((i) => i.columns.includes('vector'));
  }

  /** Flat nearest neighbours: ids of the `limit` closest rows by cosine distance, nearest first. */
  async search(vector: Float32Array, limit: number): Promise<number[]> {
    const rows = await this.table.vectorSearch(vector).distanceType('cosine').bypassVectorIndex().limit(limit).select(['id', '_distance']).toArray() as { id: number }[];
    return rows.map((r) => Number(r.id));
  }

  /** Nearest neighbours through the IVF_PQ index (approximate). */
  async searchIvf(vector: Float32Array, limit: number): Promise<number[]> {
    const rows = await this.table.vectorSearch(vector).distanceType('cosine').nprobes(IVF_NPROBES).refineFactor(IVF_REFINE)
      .limit(limit).select(['id', '_distance']).toArray() as { id: number }[];
    return rows.map((r) => Number(r.id));
  }

  close(): void {
    this.table.close();
  }
}
