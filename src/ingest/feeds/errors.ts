import { NewsbotError, type ErrorCode } from '../../core/errors.ts';

/** Why fetching or reading an input failed; the code is stable, the message tells what to do. */
export type IngestErrorCode = Extract<
  ErrorCode,
  | 'E_NOT_A_FEED'
  | 'E_EMPTY_FEED'
  | 'E_HTTP_STATUS'
  | 'E_TOO_LARGE'
  | 'E_TIMEOUT'
  | 'E_TOO_MANY_REDIRECTS'
  | 'E_PRIVATE_ADDRESS'
  | 'E_UNSUPPORTED_URL'
  | 'E_CONNECTION'
  | 'E_INPUT_NOT_FOUND'
  | 'E_UNREADABLE_INPUT'
>;

export class IngestError extends NewsbotError<IngestErrorCode> {
  /** HTTP status for E_HTTP_STATUS. */
  readonly status?: number;
  /** True when trying again later may succeed (timeouts, 5xx, dropped connections). */
  readonly retryable: boolean;

  constructor(code: IngestErrorCode, message: string, options: { status?: number; retryable?: boolean; cause?: unknown } = {}) {
    super(code, message, options.cause === undefined ? {} : { cause: options.cause });
    if (options.status !== undefined) this.status = options.status;
    this.retryable = options.retryable ?? false;
  }
}

/** Any thrown value as an IngestError, keeping its message. */
export function asIngestError(error: unknown): IngestError {
  if (error instanceof IngestError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new IngestError('E_UNREADABLE_INPUT', message, { cause: error });
}
