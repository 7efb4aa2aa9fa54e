import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { App, LogLevel, webApi, type Logger as BoltLogger, type RespondFn } from '@slack/bolt';
import type { Command, Reply } from '../../src/commands/types.ts';
import type { Config } from '../../src/config.ts';
import { silentLogger, type Logger } from '../../src/core/logger.ts';
import type { BriefingSink, ThreadedPost } from '../../src/schedule/types.ts';
import { escapeText } from './escape.ts';
import { explainSlackError, networkErrorOf, SlackAdapterError, slackErrorOf } from './errors.ts';
import { renderDigest, renderFollowUp, renderReply, renderThreadedDigest, type SlackMessage } from './render.ts';
import { needsAdminCheck, readSlashCommand, slashCommandPattern, toCommand, unknownCommandText } from './slash-command.ts';

export interface SlackAdapterOptions {
  config: NonNullable<Config['slack']>;
  /** Runs a neutral Command (the entry point passes `runCommand` bound to its context). */
  handleCommand: (command: Command) => Promise<Reply>;
  log?: Logger;
  /** Web API client options, laid over `slackApiUrl` from SLACK_API_URL (tests pass `retryConfig`). */
  clientOptions?: webApi.WebClientOptions;
  /** Interface the HTTP receiver listens on; all interfaces when absent. */
  host?: string;
}

export interface SlackAdapter {
  app: App;
  /** Verifies the bot token, then listens: Socket Mode when SLACK_APP_TOKEN is set, HTTP otherwise. Resolves to the HTTP port, if any. */
  start(): Promise<{ port?: number }>;
  stop(): Promise<void>;
  sink: BriefingSink;
}

/** Slack allows five follow-ups per response_url; the last one says what was left out. */
const maxResponses = 5;

function boltLogger(log: Logger): BoltLogger {
  const join = (parts: unknown[]) => parts.map((part) => (part instanceof Error ? part.message : typeof part === 'string' ? part : JSON.stringify(part))).join(' ');
  let level = LogLevel.INFO;
  return {
    debug: (...parts) => log.debug(`slack: ${join(parts)}`),
    info: (...parts) => log.info(`slack: ${join(parts)}`),
    warn: (...parts) => log.warn(`slack: ${join(parts)}`),
    error: (...parts) => log.error(`slack: ${join(parts)}`),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

/**
 * Whether a user may run admin commands: listed in SLACK_ADMIN_USER_IDS, or a workspace
 * admin or owner according to users.info. A failed lookup counts as "not an admin" and is
 * logged, so a missing users:read scope refuses rather than grants.
 */
async function isWorkspaceAdmin(app: App, adminUserIds: readonly string[], userId: string, log: Logger): Promise<boolean> {
  if (adminUserIds.includes(userId)) return true;
  try {
    const result = await app.client.users.info({ user: userId });
    const user = result.user;
    return Boolean(user?.is_admin || user?.is_owner || user?.is_primary_owner);
  } catch (error) {
    log.warn(`slack: could not check whether ${userId} is an admin (${slackErrorOf(error) ?? (error as Error).message}); treating them as a member. Add users:read to the app or list admins in SLACK_ADMIN_USER_IDS.`);
    return false;
  }
}

/** Socket Mode fails on the app-level token, which needs its own advice. */
function explainAppTokenError(error: unknown): SlackAdapterError {
  const slackError = slackErrorOf(error);
  if (slackError === 'invalid_auth' || slackError === 'not_authed' || slackError === 'account_inactive') {
    return new SlackAdapterError('E_SLACK_AUTH', `Slack rejected SLACK_APP_TOKEN (${slackError}): generate an app-level token (xapp-…) with the connections:write scope under "Basic Information → App-Level Tokens", or leave SLACK_APP_TOKEN empty to use HTTP mode.`);
  }
  return explainSlackError(error, undefined);
}

/** Sends a reply's messages through response_url, in order, within Slack's five follow-ups. */
async function respondWith(respond: RespondFn, reply: Reply): Promise<void> {
  const responseType = reply.ephemeral ? 'ephemeral' : 'in_channel';
  const messages = renderReply(reply);
  const shown: SlackMessage[] = messages.slice(0, maxResponses);
  if (messages.length > maxResponses) {
    const last = shown[maxResponses - 1]!;
    const left = messages.length - maxResponses + 1;
    shown[maxResponses - 1] = {
      text: last.text,
      blocks: [{ type: 'context', elements: [{ type: 'mrkdwn', verbatim: true, text: `${left} more messages did not fit: Slack allows five answers per command. Narrow it down (more words for /story) to see the rest.` }] }],
    };
  }
  for (const message of shown) {
    await respectingRateLimits(() => respond({ response_type: responseType, replace_original: false, text: message.text, blocks: message.blocks }));
  }
}

/** Longest Retry-After a reply waits for; a response_url lives 30 minutes, a user waits less. */
const maxReplyWaitMs = 30_000;

/**
 * Runs a response_url post, waiting out up to three 429 answers for the seconds their
 * Retry-After asks (the Web API client does so itself; response_url posts do not).
 */
async function respectingRateLimits<T>(post: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await post();
    } catch (error) {
      const response = (error as { response?: { status?: number; headers?: Record<string, unknown> } }).response;
      if (response?.status !== 429 || attempt >= 3) throw error;
      const seconds = Number(response.headers?.['retry-after'] ?? 1);
      await new Promise((resolve) => setTimeout(resolve, Math.min(maxReplyWaitMs, (Number.isFinite(seconds) ? seconds : 1) * 1000)));
    }
  }
}

/** About 8 s of tries before start-up gives up: 0.5, 1, 2 and 4 s apart. */
const startupRetries = { retries: 4, factor: 2, minTimeout: 500, maxTimeout: 4_000, randomize: false };

/** A start-up failure as one line: unreachable Slack names the address and what to check. */
function explainStartError(error: unknown, apiUrl: string | undefined, retries: number | undefined): SlackAdapterError {
  const network = networkErrorOf(error);
  if (!network) return explainSlackError(error, undefined);
  const tries = (retries ?? 0) + 1;
  return new SlackAdapterError(
    'E_SLACK_CONNECT',
    `Cannot reach Slack at ${apiUrl ?? 'https://slack.com/api/'} (${network}) after ${tries} ${tries === 1 ? 'try' : 'tries'}: check the network, a proxy, or SLACK_API_URL, then start newsbot again.`,
  );
}

/**
 * Builds the Slack side of newsbot: a Bolt App answering the slash commands and a
 * BriefingSink posting Block Kit briefings. Nothing listens until `start()`.
 */
export function createSlackAdapter(options: SlackAdapterOptions): SlackAdapter {
  const { config, handleCommand } = options;
  const log = options.log ?? silentLogger;
  const socketMode = config.appToken !== undefined;
  if (!socketMode && config.signingSecret === undefined) {
    throw new SlackAdapterError('E_SLACK_CONFIG', 'Slack HTTP mode needs SLACK_SIGNING_SECRET (from the app\'s "Basic Information" page); or set SLACK_APP_TOKEN for Socket Mode.');
  }
  const clientOptions: webApi.WebClientOptions = {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    ...options.clientOptions,
  };
  const app = new App({
    token: config.botToken,
    logger: boltLogger(log),
    clientOptions,
    // auth.test runs in start(), where a bad token becomes a clear error instead of an unhandled rejection.
    deferInitialization: true,
    ...(socketMode ? { socketMode: true, appToken: config.appToken } : { signingSecret: config.signingSecret, port: config.port }),
  });

  app.command(slashCommandPattern, async ({ command: payload, ack, respond }) => {
    // Slack shows "operation_timeout" after 3 s, so acknowledge before any lookup.
    await ack();
    const parsed = readSlashCommand(payload);
    if (parsed === undefined) {
      await respond({ response_type: 'ephemeral', text: escapeText(unknownCommandText(payload)) }).catch((error: unknown) =>
        log.warn(`slack: could not answer ${payload.command} in ${payload.channel_id} (${(error as Error).message})`),
      );
      return;
    }
    const isAdmin = needsAdminCheck(parsed.name) ? await isWorkspaceAdmin(app, config.adminUserIds, payload.user_id, log) : false;
    const command = toCommand(payload, parsed, isAdmin);
    let reply: Reply;
    try {
      reply = await handleCommand(command);
    } catch (error) {
      log.error(`slack: /${command.name} failed: ${(error as Error).stack ?? String(error)}`);
      reply = { kind: 'error', ephemeral: true, code: 'internal', message: `/${command.name} failed on the newsbot side.`, hint: 'Try again in a minute; if it keeps failing, ask an admin to check the newsbot log.' };
    }
    try {
      await respondWith(respond, reply);
    } catch (error) {
      log.warn(`slack: could not answer /${command.name} in ${payload.channel_id} (${(error as Error).message}); the response_url may have expired.`);
    }
  });

  app.error(async (error) => {
    log.error(`slack: ${error.message}`);
  });

  /** The workspace's address (from auth.test at start), for links to a story's thread. */
  let workspaceUrl: string | undefined;

  const checkTarget = (target: { platform: string; id: string }) => {
    if (target.platform !== 'slack') {
      throw new SlackAdapterError('E_SLACK_TARGET', `The Slack adapter cannot post to ${target.platform}:${target.id}; give the schedule a slack:CHANNEL_ID target.`);
    }
  };

  /** Posts one message (in a thread when `threadTs` is given) and returns its ts; `posted` lists what went out before, for the error. */
  const post = async (channel: string, message: SlackMessage, posted: string[], threadTs?: string): Promise<string | undefined> => {
    try {
      const result = await app.client.chat.postMessage({
        channel,
        text: message.text,
        blocks: message.blocks,
        ...(threadTs === undefined ? {} : { thread_ts: threadTs }),
        unfurl_links: false,
        unfurl_media: false,
        // Belt and braces beside the escaping: nothing in the fallback text is read as a mention.
        parse: 'none',
        link_names: false,
      });
      if (result.ts) posted.push(result.ts);
      return result.ts;
    } catch (error) {
      throw explainSlackError(error, channel, posted);
    }
  };

  const sink: BriefingSink = {
    platform: 'slack',
    async postBriefing(target, digest) {
      checkTarget(target);
      const posted: string[] = [];
      for (const message of renderDigest(digest)) await post(target.id, message, posted);
      return posted;
    },
    async postThreadedBriefing(target, digest) {
      checkTarget(target);
      // Slack's permalink form: the archive path with the ts, its dot left out.
      const permalink = (ts: string) => (workspaceUrl === undefined ? undefined : `${workspaceUrl.replace(/\/?$/, '/')}archives/${target.id}/p${ts.replace('.', '')}`);
      const rendered = renderThreadedDigest(digest, (followUp) => permalink(followUp.thread.rootMessageId));
      const result: ThreadedPost = { messageIds: [], roots: {}, replies: {} };
      await post(target.id, rendered.intro, result.messageIds);
      for (const story of rendered.stories) {
        for (const [index, message] of story.messages.entries()) {
          const ts = await post(target.id, message, result.messageIds);
          if (index === 0 && ts !== undefined) result.roots[story.storyId] = ts;
        }
      }
      for (const followUp of digest.followUps ?? []) {
        // A Slack thread is the root message's ts: replies name it as thread_ts.
        const threadTs = followUp.thread.rootMessageId;
        const replies: string[] = [];
        for (const message of renderFollowUp(followUp)) {
          const ts = await post(target.id, message, result.messageIds, threadTs);
          if (ts !== undefined) replies.push(ts);
        }
        result.replies[followUp.story.id] = { threadId: threadTs, messageIds: replies };
      }
      return result;
    },
    async notifyAdmins(target, message, context) {
      // The admin who scheduled it in chat hears first, then the listed admins, by direct message;
      // with neither (a schedule from a digest file), the channel itself is told.
      const creator = context?.createdBy !== undefined && /^[UW][A-Z0-9]+$/.test(context.createdBy) ? [context.createdBy] : [];
      const admins = [...new Set([...creator, ...config.adminUserIds])];
      const recipients = admins.length > 0 ? admins : [target.id];
      for (const recipient of recipients) {
        try {
          await app.client.chat.postMessage({ channel: recipient, text: `:warning: newsbot: ${escapeText(message)}` });
        } catch (error) {
          log.warn(`slack: could not notify ${recipient}: ${explainSlackError(error, recipient).message}`);
        }
      }
    },
  };

  return {
    app,
    sink,
    async start() {
      // The Web API client retries a request for about half an hour, right for a briefing post but
      // start-up hanging with no network: the token is checked first with a few quick tries.
      const retryConfig = options.clientOptions?.retryConfig ?? startupRetries;
      try {
        const auth = await new webApi.WebClient(config.botToken, { ...clientOptions, retryConfig, logger: boltLogger(log) }).auth.test();
        if (typeof auth.url === 'string' && /^https:\/\//.test(auth.url)) workspaceUrl = auth.url;
        await app.init();
      } catch (error) {
        throw explainStartError(error, config.apiUrl, retryConfig.retries);
      }
      if (socketMode) {
        try {
          await app.start();
        } catch (error) {
          throw explainAppTokenError(error);
        }
        return {};
      }
      const server = (await app.start(options.host === undefined ? config.port : { port: config.port, host: options.host })) as Server;
      return { port: (server.address() as AddressInfo).port };
    },
    async stop() {
      await app.stop();
    },
  };
}
