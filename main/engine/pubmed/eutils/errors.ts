/**
 * Failures of the NCBI E-utilities client: a PubmedError is an EngineError whose `code` is one of
 * the PUBMED_* engine codes (../../errors.ts); `reason` repeats it with the narrower type. An abort
 * is the engine's CANCELLED.
 */
import { EngineError } from '../../errors.js';
import { ServiceError } from '../../net/service-error.js';

export const PUBMED_ERROR_CODES = [
  /** NCBI could not be reached (DNS, refused, resets that outlived the retries). */
  'PUBMED_UNREACHABLE',
  /** HTTP 429 or NCBI's "API rate limit exceeded" body, still after every retry. */
  'PUBMED_RATE_LIMITED',
  /** NCBI rejected the request: an ERROR in the esearch result, HTTP 400, an id that is not a PMID. */
  'PUBMED_QUERY_INVALID',
  /** No answer within the per-request timeout, still after every retry. */
  'PUBMED_TIMEOUT',
  /** 5xx after the retries, another HTTP error, or a body that could not be read. */
  'PUBMED_FAILED',
] as const;

export type PubmedErrorCode = (typeof PUBMED_ERROR_CODES)[number];

export class PubmedError extends ServiceError<PubmedErrorCode> {
  override readonly name = 'PubmedError';
}

export function isPubmedErrorCode(value: unknown): value is PubmedErrorCode {
  return typeof value === 'string' && (PUBMED_ERROR_CODES as readonly string[]).includes(value);
}

/** The error for a caller's AbortSignal firing: the engine's CANCELLED. */
export function cancelled(): EngineError {
  return new EngineError('CANCELLED', 'cancelled');
}
