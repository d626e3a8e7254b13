/**
 * Ctrl-C for the CLI's long commands: `onInterrupt()` gives an AbortSignal that SIGINT fires, and
 * `release()` (call it in a `finally`) removes the handler. With `secondExits`, a second Ctrl-C
 * while the job is still winding down exits at once (code 130).
 */
export interface Interrupt {
  signal: AbortSignal;
  release(): void;
}

export function onInterrupt(o: { secondExits?: boolean } = {}): Interrupt {
  const controller = new AbortController();
  const stop = () => {
    if (o.secondExits && controller.signal.aborted) process.exit(130);
    controller.abort();
  };
  if (o.secondExits) process.on('SIGINT', stop);
  else process.once('SIGINT', stop);
  return { signal: controller.signal, release: () => { process.off('SIGINT', stop); } };
}
