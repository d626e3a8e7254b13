/**
 * Event-loop delay of this process while something runs, with perf_hooks.monitorEventLoopDelay at
 * a 10 ms resolution. Node records the full interval between the sampling timer's runs, so an idle
 * loop reads about 10 ms; the figures are those raw values (a conservative reading of "delay").
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

export const RESOLUTION_MS = 10;

export interface DelayStats {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  meanMs: number;
  samples: number;
  /** CPU time this process spent meanwhile (user + system): its own work, against the stalls. */
  cpuMs: number;
}

const ms = (ns: number) => Math.round(ns / 1e4) / 100;

/** Runs fn with the monitor on; the stats cover exactly its duration. */
export async function withLoopDelay<T>(fn: () => Promise<T>): Promise<{ result: T; delay: DelayStats; ms: number }> {
  const h = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  h.enable();
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  try {
    const result = await fn();
    const elapsed = performance.now() - t0;
    h.disable();
    const cpu = process.cpuUsage(cpu0);
    return {
      result,
      ms: Math.round(elapsed),
      delay: { p50Ms: ms(h.percentile(50)), p99Ms: ms(h.percentile(99)), maxMs: ms(h.max), meanMs: ms(h.mean), samples: h.count, cpuMs: Math.round((cpu.user + cpu.system) / 1000) },
    };
  } finally {
    h.disable();
  }
}

/** The same figures for an idle loop over `durationMs`: the baseline of this machine and process. */
export async function idleLoopDelay(durationMs: number): Promise<DelayStats> {
  const { delay } = await withLoopDelay(() => new Promise<void>((resolve) => setTimeout(resolve, durationMs)));
  return delay;
}
