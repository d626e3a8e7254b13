/**
 * Calls `fn` at most once per `intervalMs`: the first value at once, later ones at most every
 * interval, and the latest held value when its interval ends (so a long step's progress is not lost
 * until the next push); `flush` delivers the latest value at once and cancels the pending timer.
 * `now` is the clock (tests pass their own, with fake timers).
 */
export function throttle<T>(fn: (value: T) => void, intervalMs = 100, now: () => number = () => performance.now()): { push(value: T): void; flush(): void } {
  let last = -Infinity;
  let pending: { value: T } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const deliver = () => {
    timer = null;
    if (!pending) return;
    const { value } = pending;
    pending = null;
    last = now();
    fn(value);
  };
  return {
    push(value) {
      const at = now();
      pending = { value };
      if (at - last >= intervalMs) {
        if (timer) clearTimeout(timer);
        deliver();
      } else if (!timer) {
        timer = setTimeout(deliver, intervalMs - (at - last));
        timer.unref?.();
      }
    },
    flush() {
      if (timer) clearTimeout(timer);
      deliver();
    },
  };
}
