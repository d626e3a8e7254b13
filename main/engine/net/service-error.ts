/**
 * The failure of a remote service Delve asks on the user's behalf (NCBI E-utilities,
 * ClinicalTrials.gov): an EngineError whose `code` is one of that service's engine codes, with
 * `reason` (the same code, narrowly typed) and the HTTP status of the last attempt, when there was one.
 * Each service names its own subclass (PubmedError, TrialsError) and code list.
 */
import { EngineError, type ErrorCode } from '../errors.js';

export class ServiceError<C extends ErrorCode> extends EngineError {
  /** The service's failure (the same as `code`). */
  readonly reason: C;
  /** The HTTP status of the last attempt, when there was one. */
  readonly status: number | undefined;

  constructor(reason: C, message: string, options?: { cause?: unknown; status?: number }) {
    super(reason, message, options);
    this.name = 'ServiceError';
    this.reason = reason;
    this.status = options?.status;
  }
}
