/**
 * Test support: a virtual clock that does not move while a request is in flight, and the fetch that
 * tells it. Time then stands still from the moment a request is granted until its answer is read,
 * so the arrival times a test server takes on this clock are the grant times, exactly.
 */
import { VirtualClock } from '../../main/engine/pubmed/eutils/clock.js';
import { cancelled } from '../../main/engine/pubmed/eutils/errors.js';
import type { FetchLike } from '../../main/engine/trials/api/request.js';

export class GatedClock extends VirtualClock {
  inflight = 0;
  override async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw cancelled();
    const wake = this.now() + Math.max(0, ms);
    // One turn first, so a request granted just now has started; then wait until none is in flight.
    do await new Promise<void>((r) => setImmediate(r)); while (this.inflight > 0);
    if (signal?.aborted) throw cancelled();
    this.advance(Math.max(0, wake - this.now()));
  }
  /** globalThis.fetch, counted while the request and its body are in flight. */
  readonly fetch: FetchLike = async (url, init) => {
    this.inflight++;
    try {
      const r = await fetch(url, init);
      const body = await r.text();
      return { status: r.status, headers: r.headers, text: async () => body };
    } finally {
      this.inflight--;
    }
  };
}
