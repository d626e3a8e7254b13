/**
 * Whether a process with this pid is running on this machine (signal 0 probes without signalling; EPERM
 * means it runs as another user). Used to tell stale lock files and scratch files from live ones.
 */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
