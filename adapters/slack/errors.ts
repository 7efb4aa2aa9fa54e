import { NewsbotError } from '../../src/core/errors.ts';
/** Codes for what can go wrong between newsbot and Slack; each message says what to do next. */
export type SlackErrorCode = 'E_SLACK_AUTH' | 'E_SLACK_CONNECT' | 'E_SLACK_CONFIG' | 'E_SLACK_TARGET' | 'E_SLACK_POST' | 'E_SLACK_SCOPE';

export class SlackAdapterError extends NewsbotError<SlackErrorCode> {
  constructor(
    code: SlackErrorCode,
    message: string,
    /** Message ts values already posted before the failure, so the run ledger can record them. */
    readonly postedIds: string[] = [],
  ) {
    super(code, message);
  }
}

/** The Web API's error string (`not_in_channel`, `invalid_auth`…) when the error came from Slack. */
export function slackErrorOf(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

const networkCodes = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);

/** The socket error code (ENOTFOUND…) behind a Web API request error, when there is one. */
export function networkErrorOf(error: unknown): string | undefined {
  for (let cause: unknown = error, depth = 0; cause && depth < 5; depth++) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' && networkCodes.has(code)) return code;
    const inner = cause as { original?: unknown; cause?: unknown };
    cause = inner.original ?? inner.cause;
  }
  return undefined;
}

/** Turns a Web API failure into a coded error that tells the operator what to fix. */
export function explainSlackError(error: unknown, channel: string | undefined, postedIds: string[] = []): SlackAdapterError {
  const slackError = slackErrorOf(error);
  const where = channel ? ` in channel ${channel}` : '';
  switch (slackError) {
    case 'not_in_channel':
    case 'channel_not_found':
      return new SlackAdapterError('E_SLACK_TARGET', `Slack refused to post${where} (${slackError}): invite the bot with "/invite @newsbot" in that channel, or check the channel id.`, postedIds);
    case 'invalid_auth':
    case 'not_authed':
    case 'token_revoked':
    case 'account_inactive':
      return new SlackAdapterError('E_SLACK_AUTH', `Slack rejected SLACK_BOT_TOKEN (${slackError}): copy the Bot User OAuth Token (xoxb-…) from the app's "OAuth & Permissions" page into .env.`, postedIds);
    case 'is_archived':
      return new SlackAdapterError('E_SLACK_TARGET', `Channel ${channel ?? ''} is archived: unarchive it, or remove its briefing with /digest unschedule ID.`, postedIds);
    case 'invalid_blocks':
    case 'msg_blocks_too_long':
    case 'msg_too_long':
      return new SlackAdapterError('E_SLACK_POST', `Slack refused the message layout${where} (${slackError}): newsbot split it wrongly; report this line with the briefing's stories (/digest now shows them).`, postedIds);
    case 'missing_scope':
      return new SlackAdapterError('E_SLACK_SCOPE', `The Slack app lacks a scope (missing_scope): reinstall it from adapters/slack/manifest.yaml.`, postedIds);
    default: {
      const detail = slackError ?? (error as Error | undefined)?.message ?? String(error);
      return new SlackAdapterError('E_SLACK_POST', `Posting to Slack${where} failed (${detail}): check SLACK_API_URL and the network, then try again.`, postedIds);
    }
  }
}
