import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/** A Slack user as users.info returns it (only the fields newsbot reads). */
export interface FakeSlackUser {
  id: string;
  name: string;
  is_admin?: boolean;
  is_owner?: boolean;
}

export interface RecordedCall {
  method: string;
  token: string | undefined;
  args: Record<string, unknown>;
}

/** A message the fake holds, as a channel shows it: a reply names its thread's root in `threadTs`. */
export interface PostedSlackMessage {
  channel: string;
  ts: string;
  threadTs?: string;
  text: string;
  blocks: unknown[];
}

export interface RecordedResponse {
  path: string;
  body: Record<string, unknown>;
}

/**
 * A local stand-in for slack.com: the Web API under `/api/` (auth.test, users.info,
 * chat.postMessage with threads by `thread_ts`, apps.connections.open, recorded), response_url endpoints under
 * `/response/` (recorded) and a Socket Mode WebSocket at `/socket` (frames the app sends are
 * recorded in `socketFrames`). Methods listed in `failures` answer `{ ok: false, error }`.
 */
export class FakeSlackApi {
  readonly calls: RecordedCall[] = [];
  readonly responses: RecordedResponse[] = [];
  readonly failures = new Map<string, string>();
  /** Methods that succeed `calls` more times and then fail with `error`. */
  readonly failuresAfter = new Map<string, { calls: number; error: string }>();
  /**
   * Methods (or `response_url` for replies) whose next `calls` requests answer HTTP 429 with
   * `Retry-After: retryAfter` seconds, as Slack does to a burst; those requests are counted in
   * `rateLimited`, not recorded as calls.
   */
  readonly rateLimits = new Map<string, { calls: number; retryAfter: number }>();
  rateLimited = 0;
  readonly socketFrames: Array<Record<string, unknown>> = [];
  /** Every message chat.postMessage accepted, in order. */
  readonly messages: PostedSlackMessage[] = [];
  #server: Server;
  #sockets = new WebSocketServer({ noServer: true });
  #socket: WebSocket | undefined;
  #users = new Map<string, FakeSlackUser>();
  #ts = 1_700_000_000;
  #waiters: Array<() => void> = [];

  constructor(users: FakeSlackUser[] = []) {
    for (const user of users) this.#users.set(user.id, user);
    this.#server = createServer((req, res) => {
      void readBody(req).then((body) => {
        const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
        const limit = this.rateLimits.get(path.startsWith('/response/') ? 'response_url' : path.replace(/^\/api\//, ''));
        if (limit && limit.calls > 0) {
          limit.calls -= 1;
          this.rateLimited += 1;
          res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(limit.retryAfter) });
          res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
          this.#wake();
          return;
        }
        const answer = this.#handle(path, req, body);
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(answer.body));
        this.#wake();
      });
    });
    this.#server.on('upgrade', (req, socket, head) => {
      this.#sockets.handleUpgrade(req, socket, head, (ws) => {
        this.#socket = ws;
        ws.on('message', (data) => {
          this.socketFrames.push(JSON.parse(String(data)) as Record<string, unknown>);
          this.#wake();
        });
        // Slack opens every Socket Mode session with a hello.
        ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0NEWSBOT' } }));
        this.#wake();
      });
    });
  }

  #wake(): void {
    for (const wake of this.#waiters.splice(0)) wake();
  }

  /** Sends a Socket Mode envelope to the connected app, as Slack does for a slash command. */
  sendOverSocket(envelope: Record<string, unknown>): void {
    if (this.#socket === undefined) throw new Error('No Socket Mode connection yet: start the app first.');
    this.#socket.send(JSON.stringify(envelope));
  }

  get socketConnected(): boolean {
    return this.#socket !== undefined;
  }

  /** Listens on 127.0.0.1 on a free port; returns the base URL. */
  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    return this.url;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  /** The Web API base to give Bolt as `slackApiUrl`. */
  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  async stop(): Promise<void> {
    for (const client of this.#sockets.clients) client.terminate();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  /** The channel's own messages (thread roots and plain posts), without replies in threads. */
  channelMessages(channel: string): PostedSlackMessage[] {
    return this.messages.filter((m) => m.channel === channel && m.threadTs === undefined);
  }

  /** The replies in the thread under message `rootTs` of `channel`. */
  threadReplies(channel: string, rootTs: string): PostedSlackMessage[] {
    return this.messages.filter((m) => m.channel === channel && m.threadTs === rootTs);
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  responsesTo(path: string): RecordedResponse[] {
    return this.responses.filter((response) => response.path === path);
  }

  /** Resolves once `predicate` holds for what was recorded so far (checked after every request). */
  async until(predicate: () => boolean): Promise<void> {
    while (!predicate()) await new Promise<void>((resolve) => this.#waiters.push(resolve));
  }

  #handle(path: string, req: IncomingMessage, raw: string): { status: number; body: unknown } {
    const body = parseBody(req.headers['content-type'], raw);
    if (path.startsWith('/response/')) {
      this.responses.push({ path, body });
      return { status: 200, body: { ok: true } };
    }
    const method = path.replace(/^\/api\//, '');
    const token = (req.headers.authorization ?? '').replace(/^Bearer\s+/i, '') || (typeof body.token === 'string' ? body.token : undefined);
    this.calls.push({ method, token, args: body });
    const failure = this.failures.get(method);
    if (failure !== undefined) return { status: 200, body: { ok: false, error: failure } };
    const later = this.failuresAfter.get(method);
    if (later !== undefined) {
      if (later.calls <= 0) return { status: 200, body: { ok: false, error: later.error } };
      later.calls -= 1;
    }
    switch (method) {
      case 'auth.test':
        return { status: 200, body: { ok: true, url: 'https://newsroom.example/', team: 'Newsroom', user: 'newsbot', team_id: 'T0NEWS', user_id: 'U0BOT', bot_id: 'B0BOT' } };
      case 'users.info': {
        const user = this.#users.get(String(body.user));
        return { status: 200, body: user ? { ok: true, user } : { ok: false, error: 'user_not_found' } };
      }
      case 'apps.connections.open':
        return { status: 200, body: { ok: true, url: `${this.url.replace(/^http/, 'ws')}/socket` } };
      case 'chat.postMessage': {
        const problem = blockProblem(body);
        if (problem !== undefined) return { status: 200, body: { ok: false, error: problem } };
        // Stricter than Slack, which would post a wrong thread_ts as a plain message: here it fails the test.
        const threadTs = typeof body.thread_ts === 'string' ? body.thread_ts : undefined;
        if (threadTs !== undefined && !this.messages.some((m) => m.channel === body.channel && m.ts === threadTs)) return { status: 200, body: { ok: false, error: 'thread_not_found' } };
        this.#ts += 1;
        const ts = `${this.#ts}.000100`;
        const root = threadTs === undefined ? undefined : this.messages.find((m) => m.ts === threadTs);
        this.messages.push({
          channel: String(body.channel),
          ts,
          // A reply to a reply goes to the same thread, as in Slack.
          ...(threadTs === undefined ? {} : { threadTs: root?.threadTs ?? threadTs }),
          text: String(body.text ?? ''),
          blocks: Array.isArray(body.blocks) ? body.blocks : [],
        });
        return { status: 200, body: { ok: true, channel: body.channel, ts, message: { text: body.text, ...(threadTs === undefined ? {} : { thread_ts: threadTs }) } } };
      }
      default:
        return { status: 200, body: { ok: false, error: 'unknown_method' } };
    }
  }
}

/**
 * Refuses messages the way Slack does: more than 50 blocks, a section over 3,000 characters or a
 * header over 150 (`invalid_blocks`), blocks whose text adds up to more than 12,000 characters
 * (`msg_blocks_too_long`), or a `text` over 4,000 characters (`msg_too_long`).
 */
function blockProblem(args: Record<string, unknown>): string | undefined {
  const blocks = Array.isArray(args.blocks) ? (args.blocks as Array<Record<string, any>>) : [];
  if (typeof args.text === 'string' && args.text.length > 4000) return 'msg_too_long';
  if (blocks.length > 50) return 'invalid_blocks';
  let total = 0;
  for (const block of blocks) {
    if (block.type === 'section' && (block.text?.text?.length ?? 0) > 3000) return 'invalid_blocks';
    if (block.type === 'header' && (block.text?.text?.length ?? 0) > 150) return 'invalid_blocks';
    if (block.type === 'context' && (block.elements?.length ?? 0) > 10) return 'invalid_blocks';
    total += block.text?.text?.length ?? 0;
    for (const element of block.elements ?? []) total += element.text?.length ?? 0;
  }
  return total > 12_000 ? 'msg_blocks_too_long' : undefined;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The WebClient sends form fields with arrays and objects as JSON strings; response_url posts are JSON. */
function parseBody(contentType: string | undefined, raw: string): Record<string, unknown> {
  if (raw === '') return {};
  if ((contentType ?? '').includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    out[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return out;
}

/** The headers Slack sends with a request signed by `secret` at `timestamp` (seconds). */
export function signSlackRequest(secret: string, body: string, timestamp: number): Record<string, string> {
  const signature = 'v0=' + createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex');
  return {
    'content-type': 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': signature,
  };
}

/** The fields Slack sends for a slash command (form-encoded over HTTP, JSON over Socket Mode). */
export function slashCommandFields(fields: { command: string; text: string; userId: string; channelId: string; responseUrl: string }): Record<string, string> {
  return {
    token: 'legacy-verification-token',
    team_id: 'T0NEWS',
    team_domain: 'newsroom',
    channel_id: fields.channelId,
    channel_name: 'news',
    user_id: fields.userId,
    user_name: fields.userId.toLowerCase(),
    command: fields.command,
    text: fields.text,
    api_app_id: 'A0NEWSBOT',
    is_enterprise_install: 'false',
    response_url: fields.responseUrl,
    trigger_id: '1234.5678.abcdef',
  };
}

/** A slash-command form body as Slack posts it to /slack/events. */
export function slashCommandBody(fields: Parameters<typeof slashCommandFields>[0]): string {
  return new URLSearchParams(slashCommandFields(fields)).toString();
}
