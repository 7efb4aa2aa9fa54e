/**
 * Every error code newsbot raises, in one list: a code is stable (tests, logs and operators
 * match on it), the message says what went wrong with which input and what to do next.
 */
export const errorCodes = {
  // configuration and start-up
  E_CONFIG: 'an environment variable is missing or malformed',
  E_USAGE: 'a command line that cannot run',
  E_DIGEST_FILE: 'a digests/*.yaml file with mistakes',
  // inputs and fetching
  E_BAD_ARTICLE: 'an article file that is unreadable, empty or malformed',
  E_EMPTY_ARTICLE: 'an article with neither text nor HTML',
  E_NOT_A_FEED: 'a document that is no RSS, Atom or JSON feed',
  E_EMPTY_FEED: 'a feed with no items',
  E_HTTP_STATUS: 'a server answered with an error status',
  E_TOO_LARGE: 'a body over the size limit',
  E_TIMEOUT: 'a request that took too long',
  E_TOO_MANY_REDIRECTS: 'a redirect chain over the limit',
  E_PRIVATE_ADDRESS: 'a URL resolving to a loopback, private or link-local address',
  E_UNSUPPORTED_URL: 'a URL that is not http(s)',
  E_CONNECTION: 'a connection that failed',
  E_INPUT_NOT_FOUND: 'a file or folder that does not exist',
  E_UNREADABLE_INPUT: 'an input that cannot be read',
  // analysis, stories, evaluation
  E_EMPTY_CLUSTER: 'a story asked for with no article',
  E_BAD_GOLD: 'a gold file that cannot be scored against',
  // store
  E_STORE_OPEN: 'a database that cannot be opened',
  E_STORE_CORRUPT: 'a database whose contents cannot be read back',
  // commands and schedules
  E_COMMAND_PARSE: 'a slash command that cannot be parsed',
  E_SCHEDULE_WHEN: 'a schedule time that cannot be read',
  E_SCHEDULE_TIMEZONE: 'an unknown time zone',
  E_SCHEDULE_TARGET: 'a briefing target that cannot be read',
  // platforms
  E_DISCORD_FORBIDDEN: 'Discord refused a post for missing permissions',
  E_DISCORD_CHANNEL: 'a Discord channel that cannot be reached',
  E_DISCORD_TOKEN: 'a Discord token that was refused',
  E_DISCORD_REGISTER: 'slash commands that Discord did not register',
  E_DISCORD_POST: 'a Discord post that failed',
  E_DISCORD_CONNECT: 'a Discord gateway that cannot be reached',
  E_SLACK_AUTH: 'a Slack token that was refused',
  E_SLACK_CONNECT: 'a Slack Web API that cannot be reached',
  E_SLACK_CONFIG: 'a Slack setting that is missing',
  E_SLACK_TARGET: 'a Slack channel that cannot be reached',
  E_SLACK_POST: 'a Slack post that failed',
  E_SLACK_SCOPE: 'a Slack scope the app lacks',
  // anything not foreseen
  E_INTERNAL: 'an unexpected failure',
} as const;

export type ErrorCode = keyof typeof errorCodes;

export interface NewsbotErrorOptions {
  cause?: unknown;
  /** What to do about it, when the message alone does not say. */
  hint?: string;
}

/** The one error type of newsbot: its code is in its name, as in `NewsbotError[E_TIMEOUT]`. */
export class NewsbotError<Code extends ErrorCode = ErrorCode> extends Error {
  readonly code: Code;
  readonly hint?: string;

  constructor(code: Code, message: string, options: NewsbotErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.name = `${new.target.name}[${code}]`;
    if (options.hint !== undefined) this.hint = options.hint;
  }
}

/** `error` when it is already a NewsbotError; otherwise one with code E_INTERNAL wrapping it. */
export function asNewsbotError(error: unknown): NewsbotError {
  if (error instanceof NewsbotError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new NewsbotError('E_INTERNAL', message, { cause: error });
}

/** True when `error` is a NewsbotError with one of the codes. */
export function hasErrorCode(error: unknown, ...codes: ErrorCode[]): error is NewsbotError {
  return error instanceof NewsbotError && codes.includes(error.code);
}
