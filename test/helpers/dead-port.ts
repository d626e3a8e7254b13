/** A loopback port nothing listens on (bound, then released): a service that is down, for tests. */
import { createServer } from 'node:net';

export async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((ok) => server.close(() => ok()));
  return port;
}
