/**
 * The LanceDB side of the search benchmark: the same 384-d vectors in a local LanceDB table (a
 * directory in the temp folder), searched flat (no vector index) by cosine distance.
 */
import { connect, type Table } from '@lancedb/lancedb';

export interface LanceRow { id: number; vector: Float32Array }

const BATCH = 10_000;

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

  async add(rows: LanceRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += BATCH) await this.table.add(records(rows.slice(i, i + BATCH)));
  }

  count(): Promise<number> {
    return this.table.countRows();
  }

  /** Flat nearest neighbours: ids of the `limit` closest rows by cosine distance, nearest first. */
  async search(vector: Float32Array, limit: number): Promise<number[]> {
    const rows = await this.table.vectorSearch(vector).distanceType('cosine').limit(limit).select(['id', '_distance']).toArray() as { id: number }[];
    return rows.map((r) => Number(r.id));
  }

  close(): void {
    this.table.close();
  }
}
