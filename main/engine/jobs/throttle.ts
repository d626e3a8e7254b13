/** Calls `fn` at most once per `intervalMs`; `flush` delivers the latest value at once. */
export function throttle<T>(fn: (value: T) => void, intervalMs = 100): { push(value: T): void; flush(): void } {
  let last = 0;
  let pending: { value: T } | null = null;
  return {
    push(value) {
      const now = performance.now();
      if (now - last >= intervalMs) {
        last = now;
        pending = null;
        fn(value);
      } else {
        pending = { value };
      }
    },
    flush() {
      if (pending) fn(pending.value);
      pending = null;
      last = performance.now();
    },
  };
}
