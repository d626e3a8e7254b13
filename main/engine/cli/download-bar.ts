/** A one-line download progress bar on stderr (only when stderr is a terminal), and byte sizes for people. */
import type { PullProgress } from '../models/install.js';

export function formatBytes(n: number): string {
  if (n < 1000) return `${n} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let v = n / 1000;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) { v /= 1000; i++; }
  return `${v.toFixed(v < 10 ? 2 : 1)} ${units[i]}`;
}

export function downloadBar(stream: NodeJS.WriteStream = process.stderr): { update(p: PullProgress): void; end(): void } | null {
  if (!stream.isTTY) return null;
  const started = Date.now();
  let first: number | null = null;
  let drawn = false;
  return {
    update(p) {
      first ??= p.bytesDone; // bytes already on disk when this run started do not count toward the rate
      const width = 24;
      const frac = p.bytesTotal > 0 ? p.bytesDone / p.bytesTotal : 0;
      const bar = '█'.repeat(Math.round(frac * width)).padEnd(width, '░');
      const secs = (Date.now() - started) / 1000;
      const rate = secs > 0.5 ? (p.bytesDone - first) / secs : 0;
      const eta = rate > 0 ? ` ETA ${Math.ceil((p.bytesTotal - p.bytesDone) / rate)}s` : '';
      const line = `${p.id} ${bar} ${formatBytes(p.bytesDone)}/${formatBytes(p.bytesTotal)} ${rate > 0 ? `${formatBytes(rate)}/s` : ''}${eta} ${p.file}`;
      stream.write(`\r\x1b[2K${line.slice(0, (stream.columns ?? 100) - 1)}`);
      drawn = true;
    },
    end() {
      if (drawn) stream.write('\r\x1b[2K');
    },
  };
}
