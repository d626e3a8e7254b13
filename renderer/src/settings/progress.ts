/** Download progress as words: "1.2 MB of 3.4 MB (35%)", or just the bytes while the total is unknown. */
import { formatBytes } from '../app/StatusBar.js';

export function progressText(done: number, total: number | null): string {
  if (!total || total <= 0) return done > 0 ? formatBytes(done) : '';
  const pct = Math.min(100, Math.floor((done / total) * 100));
  return `${formatBytes(done)} of ${formatBytes(total)} (${pct}%)`;
}

export const percent = (done: number, total: number | null): number | undefined =>
  total && total > 0 ? Math.min(100, Math.round((done / total) * 100)) : undefined;
