/** Resident memory of this process, from Linux's /proc/self/status (NaN elsewhere). */
import { readFileSync } from 'node:fs';

/** MB: all, anonymous (heap, WebAssembly memory), file-backed (memory maps), and the peak. */
export function memory(): { rssMb: number; anonMb: number; fileMb: number; peakMb: number } {
  let status = '';
  try {
    status = readFileSync('/proc/self/status', 'utf8');
  } catch {
    // not Linux
  }
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: Math.round(kb('VmRSS') / 1024), anonMb: Math.round(kb('RssAnon') / 1024), fileMb: Math.round(kb('RssFile') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) };
}
