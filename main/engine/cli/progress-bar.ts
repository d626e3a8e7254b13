/** A one-line progress bar on stderr, drawn only when stderr is a terminal. */
import type { IndexProgress } from '../types.js';

export function progressBar(stream: NodeJS.WriteStream = process.stderr): { update(p: IndexProgress): void; end(): void } | null {
  if (!stream.isTTY) return null;
  let drawn = false;
  return {
    update(p) {
      const width = 24;
      const frac = p.total > 0 ? p.done / p.total : 0;
      const bar = '█'.repeat(Math.round(frac * width)).padEnd(width, '░');
      const eta = p.etaMs === null ? '' : ` ETA ${Math.ceil(p.etaMs / 1000)}s`;
      const name = p.currentPath ? ` ${p.currentPath.split(/[\\/]/).pop()}` : '';
      const rate = p.chunksPerSec !== undefined ? `${p.chunksPerSec} chunks/s` : `${p.pagesPerSec} pages/s`;
      const line = `${p.phase.padEnd(5)} ${bar} ${p.done}/${p.total} ${rate}${eta}${name}`;
      stream.write(`\r\x1b[2K${line.slice(0, (stream.columns ?? 100) - 1)}`);
      drawn = true;
    },
    end() {
      if (drawn) stream.write('\r\x1b[2K');
    },
  };
}
