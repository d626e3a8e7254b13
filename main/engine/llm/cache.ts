/**
 * The LLM reply cache in SQLite (migration 0004). A key is the sha256 of everything that decides a
 * reply: role, model, prompt version, the messages, the output format and the sampling options
 * (including the sample number, so two samples of one prompt are two entries).
 */
import { createHash } from 'node:crypto';
import type { Db } from '../store/db.js';

export interface CachedReply {
  content: string;
  thinking: string | null;
  logprobs: unknown[] | null;
  promptTokens: number;
  completionTokens: number;
}

export function cacheKey(parts: Record<string, unknown>): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

export class LlmCache {
  constructor(private readonly db: Db | null) {}

  get(key: string): CachedReply | null {
    if (!this.db) return null;
    const row = this.db.prepare('SELECT reply FROM llm_cache WHERE key = ?').pluck().get(key) as string | undefined;
    if (row === undefined) return null;
    this.db.prepare('UPDATE llm_cache SET hits = hits + 1 WHERE key = ?').run(key);
    return JSON.parse(row) as CachedReply;
  }

  put(key: string, role: string, model: string, reply: CachedReply): void {
    if (!this.db) return;
    this.db.prepare(`INSERT INTO llm_cache (key, role, model, reply, created_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (key) DO UPDATE SET reply = excluded.reply, created_at = excluded.created_at`)
      .run(key, role, model, JSON.stringify(reply), Date.now());
  }
}
