/**
 * Failures of the ClinicalTrials.gov client: a TrialsError is an EngineError whose `code` is one of
 * the CTGOV_* engine codes (../../errors.ts). An abort is the engine's CANCELLED.
 */
import { ServiceError } from '../../net/service-error.js';

export const CTGOV_ERROR_CODES = [
  /** The registry could not be reached (DNS, refused, resets that outlived the retries). */
  'CTGOV_UNREACHABLE',
  /** HTTP 429 still after every retry. */
  'CTGOV_RATE_LIMITED',
  /** HTTP 400: the registry refused a parameter or an Essie expression; or an id that is not an NCT id. */
  'CTGOV_QUERY_INVALID',
  /** HTTP 404 for one study: no such NCT id. */
  'CTGOV_NOT_FOUND',
  /** No answer within the per-request timeout, still after every retry. */
  'CTGOV_TIMEOUT',
  /** 5xx after the retries, another HTTP error, or a body that is not the JSON expected. */
  'CTGOV_FAILED',
] as const;

export type CtgovErrorCode = (typeof CTGOV_ERROR_CODES)[number];

export class TrialsError extends ServiceError<CtgovErrorCode> {
  override readonly name = 'TrialsError';
}

export const CTGOV_HINTS: Record<CtgovErrorCode, string> = {
  CTGOV_UNREACHABLE: 'check the network connection or proxy, or the registry address (--ctgov)',
  CTGOV_RATE_LIMITED: 'the registry asked Delve to slow down; wait a minute, or raise the pace (one request a second by default)',
  CTGOV_QUERY_INVALID: 'check the query (delve trials check "…") and the filters',
  CTGOV_NOT_FOUND: 'check the NCT id',
  CTGOV_TIMEOUT: 'ClinicalTrials.gov is slow or overloaded; try again later',
  CTGOV_FAILED: 'ClinicalTrials.gov failed; try again later',
};
