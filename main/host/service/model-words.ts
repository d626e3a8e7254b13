/**
 * A failed model download in plain words: a network failure (connection refused, no DNS, timeout,
 * reset) becomes HUB_UNREACHABLE naming the hub and the way out (import a model folder); any other
 * error stays as it is. Pure.
 */
import type { ErrorData } from '../../engine/errors.js';

const NETWORK = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|EHOSTUNREACH|ENETUNREACH|ECONNABORTED|UND_ERR_CONNECT|socket hang up|fetch failed|getaddrinfo/i;

export const IMPORT_HINT = 'To install a model without the network, download its folder on another machine (the ONNX file with its tokenizer.json and config.json) and use “Import model folder…”.';

export function pullFailure(e: ErrorData, hub: string, attempts: number): ErrorData {
  if (e.code !== 'DOWNLOAD_FAILED' || !NETWORK.test(e.message)) return e;
  const tries = attempts === 1 ? 'once' : `${attempts} times`;
  return {
    code: 'HUB_UNREACHABLE',
    message: `The model hub (${hub}) cannot be reached: this computer looks offline, or a firewall or proxy blocks it. Delve tried ${tries}; what was downloaded is kept and Download resumes it. ${IMPORT_HINT}`,
  };
}
